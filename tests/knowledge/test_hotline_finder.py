import re

import pytest

from knowledge.models import CountryPage
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")


def test_hotline_finder_shows_the_hotlines_of_the_chosen_country_with_guidance(client):
    germany = CountryPage.objects.get(iso_code="DE")
    hotlines = list(germany.hotlines.all())
    assert hotlines

    html = client.get("/en/report-abuse/", {"country": "DE"}).content.decode()

    for hotline in hotlines:
        assert shows(html, hotline.name)
        assert shows(html, str(hotline.get_verification_display()))
    assert "Never download, copy, save, send or forward the material" in html
    assert "What happens after a report" in html


def test_hotline_finder_starts_from_the_visitors_language(client):
    html = client.get("/de/missbrauch-melden/").content.decode()

    assert "Länder für Ihre Sprache" in html
    assert '<a href="?country=DE">Deutschland</a>' in html
    assert '<a href="?country=AT">Österreich</a>' in html


def test_every_participating_state_can_be_chosen(client):
    html = client.get("/fr/signaler-un-abus/").content.decode()

    assert len(re.findall(r"<option value=\"[A-Z]{2}\"", html)) == 57
    assert ">Allemagne</option>" in html


def test_a_country_without_a_recorded_hotline_says_where_else_to_report(client):
    html = client.get("/en/report-abuse/", {"country": "AM"}).content.decode()

    assert "No national hotline is recorded for this country yet" in html


def test_country_names_come_from_cldr_in_each_language():
    germany = CountryPage.objects.get(iso_code="DE")

    assert [germany.title_en, germany.title_de, germany.title_fr, germany.title_ru] == [
        "Germany",
        "Deutschland",
        "Allemagne",
        "Германия",
    ]
