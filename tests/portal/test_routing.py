"""Addresses find their page by the slugs of the visitor's language, in the same queries at any depth."""

from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from knowledge.models import BestPracticePage, CountryIndexPage, CountryPage, LibraryIndexPage
from portal.routing import find_route
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def one_public_page_of_each_type():
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return [page.specific for page in pages.values()]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_type_of_page_answers_at_its_address_in_each_language(client, language):
    pages = one_public_page_of_each_type()
    with translation.override(language):
        addresses = {page.url: page.title for page in pages}

    assert len(addresses) == len(pages) >= 10
    for address, title in addresses.items():
        response = client.get(address)
        assert response.status_code == 200, address
        assert shows(response.content.decode(), title), address


def test_a_page_is_found_by_its_slug_in_the_visitors_language():
    library = LibraryIndexPage.objects.get()

    assert library.slug_de and library.slug_de != library.slug_en
    assert route("de", f"{library.slug_de}/").page.pk == library.pk
    assert route("de", f"{library.slug_en}/") is None
    assert route("en", f"{library.slug_de}/") is None


def test_a_page_without_a_slug_in_a_language_is_found_by_its_english_slug(client, on_commit):
    library = LibraryIndexPage.objects.get()
    page = BestPracticePage(
        title_en="Joint investigation teams in practice",
        slug_en="joint-investigation-teams",
        summary_en="Sample text.",
        kind="practice",
    )
    with on_commit():
        library.add_child(instance=page)

    response = client.get(f"/de/{library.slug_de}/joint-investigation-teams/")

    assert response.status_code == 200
    assert shows(response.content.decode(), "Joint investigation teams in practice")


def test_a_routable_pages_sub_page_is_found_below_its_translated_address(client):
    countries = CountryIndexPage.objects.get()
    with translation.override("de"):
        address = f"{countries.url}matrix/"

    assert client.get(address).status_code == 200


def test_an_address_with_no_page_is_a_404(client):
    library = LibraryIndexPage.objects.get().url
    country = CountryPage.objects.get(iso_code="DE").url
    countries = CountryIndexPage.objects.get().url

    for address in ("/en/no-such-section/", f"{library}no-such-item/", f"{country}extra/", f"{countries}no-view/"):
        assert client.get(address).status_code == 404, address


def test_a_draft_page_is_a_404(client):
    country = CountryPage.objects.get(iso_code="DE")
    address = country.url
    country.unpublish()

    assert client.get(address).status_code == 404


def test_finding_a_page_takes_the_same_queries_at_every_depth():
    home = Site.objects.get(is_default_site=True).root_page
    shallow = LibraryIndexPage.objects.get()
    deep = CountryPage.objects.get(iso_code="DE")
    assert deep.depth > shallow.depth > home.depth

    counts = {}
    for page in (home, shallow, deep):
        path = page.specific.url.removeprefix("/en/")
        route("en", path)  # the site and content types are read once
        with CaptureQueriesContext(connection) as context:
            assert route("en", path).page.pk == page.pk
        counts[page.depth] = len(context.captured_queries)

    # The site (the tests keep no cache), the deepest page on the address, and that page's own fields.
    assert set(counts.values()) == {3}


def route(language, path):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return find_route(request, path)
