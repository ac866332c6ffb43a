import csv
import io
import re

import pytest

from knowledge.choices import Criterion
from knowledge.models import CountryPage, LegislationAssessment, ModelLawPage
from tests.text import SUGGESTIONS_SCRIPT, scripts, shows

pytestmark = pytest.mark.usefixtures("demo_site")

MATRIX = "/en/library/countries/matrix/"
COMPARE = "/en/library/countries/compare/"


def table_rows(html):
    return re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", html, re.S)


def test_matrix_has_every_participating_state_and_every_criterion(client):
    html = client.get(MATRIX).content.decode()

    assert len(table_rows(html)) == 57 == CountryPage.objects.count()
    for _value, label in Criterion.choices:
        assert f'<th scope="col">{label}</th>' in html


def test_matrix_filters_by_criterion_and_status(client):
    yes_for_possession = set(
        LegislationAssessment.objects.filter(criterion="simple-possession", status="yes").values_list(
            "country__title_en", flat=True
        )
    )
    assert yes_for_possession

    html = client.get(MATRIX, {"criterion": "simple-possession", "status": "yes"}).content.decode()

    rows = table_rows(html)
    assert {re.search(r">([^<]+)</a>", row).group(1) for row in rows} == yes_for_possession
    assert html.count('<th scope="col">') == 2  # the country column and the one criterion


def test_matrix_is_readable_without_javascript(client):
    html = client.get(MATRIX).content.decode()

    assert scripts(html) == [SUGGESTIONS_SCRIPT]
    assert '<form class="filters filters--inline" method="get"' in html


def test_matrix_shows_sample_data_as_sample(client):
    html = client.get(MATRIX).content.decode()

    assert "Sample data, to be verified" in html


def test_compare_two_countries_side_by_side(client):
    germany = CountryPage.objects.get(iso_code="DE")

    html = client.get(COMPARE, {"country": ["DE", "FR"]}).content.decode()

    assert "Legislation side by side" in html
    header = re.search(r"<thead>.*?</thead>", html.split("Legislation side by side")[1], re.S).group(0)
    assert header.index("Germany") < header.index("France")
    assert germany.assessment_for("simple-possession").citation in html


@pytest.mark.parametrize("countries", [["DE"], ["DE", "FR", "IT", "ES", "GB"]])
def test_compare_needs_two_to_four_countries(client, countries):
    html = client.get(COMPARE, {"country": countries}).content.decode()

    assert "Choose from 2 to 4 countries to compare." in html
    assert "Legislation side by side" not in html


def test_csv_export_has_a_row_per_country_and_criterion(client):
    response = client.get("/en/library/countries/matrix/csv/")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["ISO code", "Country", "Criterion", "Status"]
    assert len(rows) == 1 + 57 * 5
    germany_possession = next(row for row in rows if row[0] == "DE" and row[2] == Criterion.SIMPLE_POSSESSION.label)
    assert germany_possession[3] == "Yes"
    assert "§ 184b" in germany_possession[5]


def test_csv_export_is_translated(client):
    rows = list(csv.reader(io.StringIO(client.get("/de/bibliothek/laender/matrix/csv/").content.decode())))

    assert rows[0][:2] == ["ISO-Code", "Land"]


def test_model_law_provisions_link_the_countries_whose_law_covers_them(client):
    model_law = ModelLawPage.objects.get()
    provision = model_law.provisions.filter(criterion="simple-possession").first()
    covering = LegislationAssessment.objects.filter(criterion="simple-possession", status__in=["yes", "partial"])

    html = client.get(model_law.url).content.decode()

    provision_html = html.split(f'id="provision-{provision.number}"')[1].split("</article>")[0]
    for assessment in covering:
        assert shows(provision_html, assessment.country.title_en)
    assert model_law.parts.count() >= 4
    assert model_law.provisions.count() >= 10


def test_model_law_has_a_print_view(client):
    model_law = ModelLawPage.objects.get()

    response = client.get(model_law.url + "print/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "print.css" in html
    assert 'class="main-nav"' not in html
    assert shows(html, model_law.provisions.first().title_en)
