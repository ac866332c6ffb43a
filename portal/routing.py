"""Finding the page for an address: Wagtail's routing, in two queries instead of one or more per level.

wagtail-modeltranslation gives every page a `url_path` in each language, built from the slug in
that language (or the English one), and makes every page's `route()` read all children of each
page on the way to compare their slugs. The page at an address is the deepest page of the site
whose `url_path` in the active language is the address or a start of it; that page's own `route()`
then takes the rest of the address (a routable page's sub-page, or a 404).

The site of a request is looked up once per content generation (`portal.page_cache`): every save
of a site or a page starts a new one.
"""

from django.db import transaction
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from modeltranslation.utils import build_localized_fieldname
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .page_cache import cached_until_content_changes


def site_middleware(get_response):
    """Gives Wagtail the request's site from the cache (Wagtail keeps it in `request._wagtail_site`).

    After CommonMiddleware, which has checked the host against ALLOWED_HOSTS.
    """

    def middleware(request):
        request._wagtail_site = find_site(request)
        return get_response(request)

    return middleware


def find_site(request):
    hostname = split_domain_port(request.get_host())[0]
    return cached_until_content_changes(f"site:{hostname}:{request.get_port()}", lambda: Site.find_for_request(request))


def find_route(request, path):
    """Wagtail's `RouteResult` for `path` below the site's root page, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    addresses = [root.url_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)]
    url_path = build_localized_fieldname("url_path", get_language())
    page = (
        Page.objects.filter(path__startswith=root.path, **{f"{url_path}__in": addresses})
        .order_by("-depth", "path")  # of siblings sharing a slug (a fallback), the first, as Wagtail's walk
        .only("content_type", "depth")
        .first()
    )
    if page is None:
        return None
    try:
        return page.specific.route(request, components[page.depth - root.depth :])
    except Http404:
        return None


@transaction.non_atomic_requests
def serve(request, path):
    """Wagtail's page view, with the route found by `find_route`.

    Wagtail keeps the route of a request on it (`request._wagtail_route_for_request`, as
    `Page.route_for_request` says) and reads it from there; setting it first makes Wagtail use
    ours. Showing a page writes nothing, so it runs outside the request's transaction: on SQLite,
    where every transaction takes the write lock, pages are read side by side.
    """
    request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)
