"""Demo site tree: home page, the sections of the main navigation and the text of Decision 9/07."""

from html import escape
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Collection, Locale, Page, Site

from portal.demo import register_seeder

from .models import HomePage, StandardPage
from .seed_content.site_tree import HOME, SECTIONS

DECISION_DIR = Path(__file__).parent / "seed_content" / "decision_9_07"
DECISION_SLUG = "decision-9-07"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated(field_name, values):
    """`{"en": "x", "de": "y"}` as the keyword arguments `field_en="x", field_de="y"`."""
    return {build_localized_fieldname(field_name, code): value for code, value in values.items()}


def same_in_every_language(value):
    return dict.fromkeys(LANGUAGE_CODES, value)


def paragraphs_body(paragraphs):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def link_body(link):
    """A paragraph linking to a view of the portal, in each language."""
    body = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = reverse(link["url_name"])
        body[code] = [("paragraph", f'<p><a href="{escape(url)}">{escape(link["label"][code])}</a></p>')]
    return body


def read_decision(language_code):
    """One language version of the decision: its title, its editorial note and its paragraphs."""
    header, text = (DECISION_DIR / f"{language_code}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
    fields = dict(line.split(": ", 1) if ": " in line else (line.rstrip(":"), "") for line in header.splitlines())
    return fields["title"], fields["note"], [block.strip() for block in text.split("\n\n") if block.strip()]


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()  # Wagtail's page_published signal records the translation state
    return page


def ensure_tree_roots():
    """What Wagtail's migrations create, in case the database was emptied since (e.g. by a test flush)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


def ensure_home_page():
    root = ensure_tree_roots()
    home = HomePage.objects.first()
    if home:
        return home
    home = publish_child(
        root,
        HomePage(
            **translated("title", HOME["title"]),
            **translated("slug", same_in_every_language("home")),
            **translated("intro", HOME["intro"]),
        ),
    )
    # Wagtail's migrations create a placeholder "Welcome" page as the site root: replace it.
    site = Site.objects.filter(is_default_site=True).first()
    placeholder = site.root_page if site else None
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": HOME["title"]["en"]}
    )
    if placeholder and placeholder.pk != home.pk and not placeholder.get_children().exists():
        placeholder.delete()
    return home


def ensure_child(parent, page_class, slugs, **fields):
    existing = parent.get_children().filter(**{build_localized_fieldname("slug", "en"): slugs["en"]}).first()
    if existing:
        return existing.specific
    return publish_child(parent, page_class(**translated("slug", slugs), **fields))


@register_seeder(order=20, name="site tree")
def seed_site_tree():
    home = ensure_home_page()
    for section in SECTIONS:
        ensure_child(
            home,
            apps.get_model(section.get("page_type", "pages.SectionPage")),
            section["slug"],
            show_in_menus=True,
            **translated("title", section["title"]),
            **translated("intro", section["intro"]),
            **translated("body", link_body(section["link"]) if "link" in section else {}),
        )
    decision = {code: read_decision(code) for code in LANGUAGE_CODES}
    ensure_child(
        home,
        StandardPage,
        same_in_every_language(DECISION_SLUG),
        **translated("title", {code: title for code, (title, _note, _text) in decision.items()}),
        **translated("note", {code: note for code, (_title, note, _text) in decision.items()}),
        **translated("body", {code: paragraphs_body(text) for code, (_title, _note, text) in decision.items()}),
    )
