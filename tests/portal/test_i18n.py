import html as html_lib
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page

import pytest

from portal.pages.models import HomePage, StandardPage
from portal.pages.seed_content.site_tree import SECTIONS

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# What the visitor reads in each language: hand-made expectations, not read from the catalogues.
SKIP_LINK = {
    "en": "Skip to main content",
    "de": "Zum Hauptinhalt springen",
    "fr": "Aller au contenu principal",
    "it": "Vai al contenuto principale",
    "ru": "Перейти к основному содержанию",
    "es": "Saltar al contenido principal",
}
NOT_FOUND = {
    "en": "Page not found",
    "de": "Seite nicht gefunden",
    "fr": "Page introuvable",
    "it": "Pagina non trovata",
    "ru": "Страница не найдена",
    "es": "Página no encontrada",
}
NOT_YET_TRANSLATED = {
    "de": "Diese Seite ist in Ihrer Sprache noch nicht verfügbar.",
    "fr": "Cette page n’est pas encore disponible dans votre langue.",
    "it": "Questa pagina non è ancora disponibile nella tua lingua.",
    "ru": "Эта страница пока недоступна на вашем языке.",
    "es": "Esta página todavía no está disponible en su idioma.",
}

pytestmark = pytest.mark.usefixtures("demo_site")


def switcher_links(html):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', switcher)}


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("de-DE,de;q=0.9", "/de/"), ("ru", "/ru/"), ("ja", "/en/"), ("", "/en/")]
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_page_renders_in_each_language_with_translated_navigation(client, language):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert SKIP_LINK[language] in html
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert [html_lib.unescape(label) for label in re.findall(r">([^<>]+)</a>", nav)] == [
        section["title"][language] for section in SECTIONS
    ]


def test_switcher_links_to_the_same_page_in_each_language(client):
    library = next(section for section in SECTIONS if section["slug"]["en"] == "library")

    response = client.get("/en/library/")

    links = switcher_links(response.content.decode())
    assert links == {code: f"/{code}/{library['slug'][code]}/" for code in LANGUAGE_CODES}
    page_ids = {client.get(url).context["page"].pk for url in links.values()}
    assert page_ids == {response.context["page"].pk}


def test_every_page_lists_its_six_language_alternates_and_a_default(client):
    html = client.get("/fr/bibliotheque/").content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-zA-Z-]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/en/library/",
        "de": "http://testserver/de/bibliothek/",
        "fr": "http://testserver/fr/bibliotheque/",
        "it": "http://testserver/it/biblioteca/",
        "ru": "http://testserver/ru/biblioteka/",
        "es": "http://testserver/es/biblioteca/",
        "x-default": "http://testserver/en/library/",
    }


@pytest.fixture
def english_only_page():
    home = HomePage.objects.get()
    page = StandardPage(title_en="Terms of use", slug_en="terms-of-use", intro_en="Written in English only.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("language", NOT_YET_TRANSLATED)
def test_untranslated_page_shows_english_text_with_a_notice_in_the_visitors_language(
    client, english_only_page, language
):
    response = client.get(f"/{language}/terms-of-use/")

    html = response.content.decode()
    assert response.status_code == 200
    assert NOT_YET_TRANSLATED[language] in html
    assert '<div lang="en">' in html
    assert "Written in English only." in html


def test_translated_page_shows_no_notice(client):
    html = client.get("/de/bibliothek/").content.decode()

    assert NOT_YET_TRANSLATED["de"] not in html
    assert "Wissensbibliothek" in html


def test_english_page_shows_no_notice(client, english_only_page):
    html = client.get("/en/terms-of-use/").content.decode()

    assert 'class="notice notice--language"' not in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_not_found_page_is_translated(client, language):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()


def test_server_error_page_is_translated():
    with translation.override("ru"):
        html = render_to_string("500.html")

    assert '<html lang="ru">' in html
    assert "Ошибка сервера" in html


def test_every_public_page_answers_in_every_language(client):
    for page in Page.objects.live().public().filter(depth__gte=2).specific():
        for language in LANGUAGE_CODES:
            with translation.override(language):
                url = page.get_url()
            assert client.get(url).status_code == 200, url


def test_switcher_keeps_the_sub_route_and_the_query(client):
    html = client.get("/en/library/countries/compare/?country=DE&country=FR").content.decode()

    links = switcher_links(html)
    assert links["de"] == "/de/bibliothek/laender/compare/?country=DE&amp;country=FR"
    assert links["ru"] == "/ru/biblioteka/strany/compare/?country=DE&amp;country=FR"


def test_switcher_keeps_the_chosen_country_of_the_hotline_finder(client):
    links = switcher_links(client.get("/en/report-abuse/?country=AT").content.decode())

    assert links["fr"] == "/fr/signaler-un-abus/?country=AT"
