"""An uncached public page costs at most 15 queries, and no more with ten times the content."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from knowledge.models import (
    BestPracticePage,
    CountryIndexPage,
    CountryPage,
    Hotline,
    KnowledgeItemPage,
    LibraryIndexPage,
    Topic,
)

QUERY_BUDGET = 15
# The test wraps each request in a savepoint where a real request has BEGIN and COMMIT.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT")

pytestmark = pytest.mark.usefixtures("demo_site")


def public_page_urls():
    item = KnowledgeItemPage.objects.live().public().order_by("path").first()
    countries = CountryIndexPage.objects.get()
    return {
        "home": "/en/",
        "library index": "/en/library/",
        "item": item.url,
        "country page": CountryPage.objects.get(iso_code="DE").url,
        "legislation matrix": f"{countries.url}matrix/",
    }


def queries(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries if not query["sql"].startswith(TRANSACTION_CONTROL)]


def multiply_content(factor):
    """`factor` times the public library items, all about Germany, and Germany's hotlines."""
    library = LibraryIndexPage.objects.get()
    germany = CountryPage.objects.get(iso_code="DE")
    topics = list(Topic.objects.all()[:3])
    for number in range((factor - 1) * KnowledgeItemPage.objects.live().public().count()):
        library.add_child(
            instance=BestPracticePage(
                title_en=f"Generated practice {number}",
                slug_en=f"generated-practice-{number}",
                summary_en="Generated for the query budget test.",
                kind="practice",
                date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
                topics=topics,
                countries=[germany],
            )
        )
    for number in range((factor - 1) * germany.hotlines.count()):
        Hotline.objects.create(country=germany, name=f"Generated hotline {number}", organisation="Sample")


def test_public_pages_stay_within_the_budget_with_ten_times_the_content(client):
    urls = public_page_urls()
    before = {name: queries(client, url) for name, url in urls.items()}

    multiply_content(10)
    after = {name: queries(client, url) for name, url in urls.items()}

    for name in urls:
        assert len(before[name]) <= QUERY_BUDGET, (name, before[name])
        assert len(after[name]) == len(before[name]), (name, after[name])
