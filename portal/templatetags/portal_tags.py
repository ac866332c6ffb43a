from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from portal import page_cache
from portal.sanitise import clean_member_html

register = template.Library()


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The address of what the visitor is looking at, in each of the portal's languages.

    A Wagtail page has a translated slug per language, so its address is asked of the page, and
    a sub-route of a routable page (such as the legislation matrix) keeps its tail; any other view
    keeps its path under another language prefix. The query string (filters, a chosen country)
    is kept as it is.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    page_url = page.get_url(request=request) if isinstance(page, Page) else None
    route_tail = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    versions = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            path = page.get_url(request=request) + route_tail if page_url else translate_url(request.path, code)
        url = path + query
        versions.append(
            LanguageVersion(
                code=code,
                name=translation.get_language_info(code)["name_local"],
                url=url,
                absolute_url=request.build_absolute_uri(url),
                is_current=code == current,
            )
        )
    return versions


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children that editors put in menus, in tree order.

    Every page shows them: they are read once per site and language until public content changes.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    sections = page_cache.cached_until_content_changes(
        f"main-menu:{site.pk}:{translation.get_language()}",
        lambda: [
            (section.title, section.get_url(request=request), section.path)
            for section in site.root_page.get_children().live().in_menu()
        ],
    )
    current_page = context.get("page")
    current_path = current_page.path if isinstance(current_page, Page) else None
    return [
        MenuItem(title=title, url=url, is_current=bool(current_path and current_path.startswith(path)))
        for title, url, path in sections
    ]


@register.simple_tag(takes_context=True)
def home_url(context):
    site = Site.find_for_request(context["request"])
    return site.root_page.get_url(request=context["request"]) if site else "/"


@register.filter
def clean_html(html):
    """Members' HTML, sanitised again right before it is rendered (it was sanitised when stored)."""
    return mark_safe(clean_member_html(html))  # noqa: S308  (bleach-cleaned on this line)


@register.filter
def machine_datetime(value):
    """A datetime for <time datetime>, in the active time zone, to the second (HTML allows at most milliseconds)."""
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else ""


@register.simple_tag
def colon():
    """The colon after a label, as the visitor's language writes it (French puts a no-break space before it)."""
    return "\u00a0:" if translation.get_language() == "fr" else ":"


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        # A preview shows an editor's unsaved changes, which no cached fragment holds.
        if getattr(context.get("request"), "is_preview", False):
            return self.nodelist.render(context)
        values = [str(value.resolve(context)) for value in self.vary_on]
        key = ":".join(["fragment", self.name, translation.get_language(), *values])
        return page_cache.cached_until_content_changes(key, lambda: self.nodelist.render(context))


@register.tag
def cache_until_content_changes(parser, token):
    """`{% cache_until_content_changes name value… %}…{% endcache_until_content_changes %}`

    Django's `{% cache %}` for what public content alone decides: kept in the page cache per
    language and per the values given (which must name everything else the fragment depends on,
    such as what the visitor may see) until public content changes; rendered afresh in previews.
    """
    name, *vary_on = token.split_contents()[1:]
    nodelist = parser.parse(("endcache_until_content_changes",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, name, [parser.compile_filter(value) for value in vary_on])
