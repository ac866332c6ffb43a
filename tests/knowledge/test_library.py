import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from knowledge.models import BestPracticePage, KnowledgeItemPage, LibraryIndexPage, Topic
from tests.text import SUGGESTIONS_SCRIPT, scripts, shows

pytestmark = pytest.mark.usefixtures("demo_site")


def add_items(count):
    library = LibraryIndexPage.objects.get()
    topic = Topic.objects.first()
    first = BestPracticePage.objects.filter(title_en__startswith="Generated practice").count()
    for number in range(first, first + count):
        page = BestPracticePage(
            title_en=f"Generated practice {number}",
            slug_en=f"generated-practice-{number}",
            summary_en="Generated for a query budget test.",
            kind="practice",
            date=datetime.date(2020, 1, 1),
            topics=[topic],
        )
        library.add_child(instance=page)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/en/library/", "/en/library/?topic=grooming&language=de", "/en/library/?page=2"])
def test_library_index_costs_the_same_queries_for_5_or_50_more_items(client, url):
    add_items(5)
    client.get(url)  # warm the per-process caches (site root paths, content types)
    few = queries_for(client, url)

    add_items(45)
    many = queries_for(client, url)

    assert few == many


def test_library_index_filters_by_kind(client):
    public_items = KnowledgeItemPage.objects.live().public()
    practices = set(public_items.filter(kind="practice").values_list("title_en", flat=True))

    html = client.get("/en/library/", {"kind": "practice"}).content.decode()

    for title in practices:
        assert shows(html, title)
    assert f"{len(practices)} item" in html
    for title in public_items.exclude(kind="practice").values_list("title_en", flat=True):
        assert not shows(html, title)


def test_library_index_filters_by_topic(client):
    topic = Topic.objects.get(key="legislation")
    expected = set(topic.items.live().public().values_list("title_en", flat=True))
    assert expected

    html = client.get("/en/library/", {"topic": "legislation"}).content.decode()

    assert all(shows(html, title) for title in expected)
    assert f"{len(expected)} item" in html


def test_library_index_filters_by_available_language(client):
    item = KnowledgeItemPage.objects.live().public().first()
    item.title_ru = ""
    item.save()

    html = client.get("/en/library/", {"language": "ru"}).content.decode()

    assert not shows(html, item.title_en)


def test_library_index_paginates(client):
    add_items(25)

    first = client.get("/en/library/").content.decode()
    second = client.get("/en/library/", {"page": 2}).content.decode()

    assert "Page 1 of 2" in first and 'rel="next"' in first
    assert "Page 2 of 2" in second and 'rel="prev"' in second


def test_library_is_readable_without_javascript(client):
    html = client.get("/en/library/").content.decode()

    assert scripts(html) == [SUGGESTIONS_SCRIPT]
    assert '<form class="filters" method="get"' in html
