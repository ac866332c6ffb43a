"""The Elasticsearch backend: its mapping and queries offline, the database answering when it is down,
and, against a live server (ELASTICSEARCH_URL), rebuilds behind the alias, ranking and permissions."""

import datetime
import logging
import os

from django.contrib.auth.models import AnonymousUser

import pytest

from knowledge.models import WebLink
from portal.search import index, service
from portal.search.backends import get_backend
from portal.search.backends.base import SearchRequest
from portal.search.backends.elasticsearch import (
    LANGUAGE_BOOST,
    connection,
    request_search,
    search_index,
    source,
    suggestion_search,
)
from portal.search.models import SearchDocument
from portal.search.query import Alternative, Clause
from portal.search.rebuild import rebuild
from portal.search.registry import Entry, forbidden_audiences
from tests.search.facets import facets_of

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there
STEMMERS = {
    "en": ("folding_english", "English"),
    "de": ("folding_german", "German"),
    "fr": ("folding_french", "French"),
    "it": ("folding_italian", "Italian"),
    "ru": ("folding_russian", "Russian"),
    "es": ("folding_spanish", "Spanish"),
}
TEXT_FIELDS = [
    *(f"title_{code}^3" for code in ("en", "de", "fr", "it", "ru", "es")),
    *(f"body_{code}" for code in ("en", "de", "fr", "it", "ru", "es")),
]


def test_each_language_is_stemmed_by_its_snowball_stemmer_and_folded():
    body = search_index("portal-search-20260101000000000000").to_dict()
    properties = body["mappings"]["properties"]
    analysis = body["settings"]["analysis"]

    for code, (analyzer, language) in STEMMERS.items():
        assert properties[f"title_{code}"] == {"type": "text", "analyzer": analyzer}
        assert properties[f"body_{code}"] == {"type": "text", "analyzer": analyzer}
        lowercase, stemmer, asciifolding = analysis["analyzer"][analyzer]["filter"]
        assert analysis["analyzer"][analyzer]["tokenizer"] == "standard"
        assert (lowercase, asciifolding) == ("lowercase", "asciifolding")
        assert analysis["filter"][stemmer] == {"type": "snowball", "language": language}


def test_facets_and_audiences_are_keywords():
    properties = search_index("portal-search-20260101000000000000").to_dict()["mappings"]["properties"]

    for field in ("key", "kind", "language", "topics", "countries", "audiences"):
        assert properties[field] == {"type": "keyword"}
    assert properties["document_id"] == properties["year"] == {"type": "integer"}
    assert properties["date"] == {"type": "date"}
    assert properties["url"] == {"type": "keyword", "index": False}
    assert properties["title_suggest"]["type"] == "search_as_you_type"


def test_a_document_fills_its_own_language_and_takes_its_facets_from_its_tags():
    document = SearchDocument(
        pk=7,
        key="knowledge.weblink:3:de",
        language="de",
        title="Cybergrooming erkennen",
        body="Warnzeichen und Hilfe",
        url="/de/links/3/",
        date=datetime.date(2025, 4, 1),
        tags="kind_practice lang_de year_2025 topic_grooming topic_prevention country_de country_at",
        audiences="pagerestriction3 forumcategory2",
    )

    assert source(document) == {
        "key": "knowledge.weblink:3:de",
        "document_id": 7,
        "kind": ["practice"],
        "language": ["de"],
        "year": ["2025"],
        "topics": ["grooming", "prevention"],
        "countries": ["de", "at"],
        "audiences": ["pagerestriction3", "forumcategory2"],
        "date": datetime.date(2025, 4, 1),
        "url": "/de/links/3/",
        "title_de": "Cybergrooming erkennen",
        "body_de": "Warnzeichen und Hilfe",
        "title_suggest": "Cybergrooming erkennen",
    }


def test_the_query_needs_every_clause_filters_hides_forbidden_audiences_and_prefers_the_language():
    request = SearchRequest(
        clauses=[
            Clause((Alternative(("grooming",)), Alternative(("Cybergrooming",), "de"))),
            Clause((Alternative(("warning", "signs")),)),
        ],
        language="de",
        filters={"topic": ["grooming", "prevention"], "lang": ["de", "en"], "year": ["2025"]},
        forbidden=["pagerestriction1", "forumcategory2"],
        offset=20,
        limit=10,
    )

    body = request_search(request).to_dict()

    assert body["query"] == {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "grooming", "fields": TEXT_FIELDS, "type": "best_fields"}},
                            {"match_phrase": {"title_de": {"query": "Cybergrooming", "boost": 3}}},
                            {"match_phrase": {"body_de": "Cybergrooming"}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "warning signs", "fields": TEXT_FIELDS, "type": "phrase"}}
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "filter": [
                {"terms": {"topics": ["grooming", "prevention"]}},
                {"terms": {"language": ["de", "en"]}},
                {"terms": {"year": ["2025"]}},
            ],
            "must_not": [{"terms": {"audiences": ["pagerestriction1", "forumcategory2"]}}],
            "should": [{"term": {"language": {"value": "de", "boost": LANGUAGE_BOOST}}}],
        }
    }
    assert (body["from"], body["size"], body["track_total_hits"], body["_source"]) == (20, 10, True, False)
    assert body["aggs"] == {
        "kind": {"terms": {"field": "kind", "size": 100}},
        "lang": {"terms": {"field": "language", "size": 100}},
        "year": {"terms": {"field": "year", "size": 100}},
        "topic": {"terms": {"field": "topics", "size": 100}},
        "country": {"terms": {"field": "countries", "size": 100}},
    }


def test_filters_alone_match_every_document_and_no_facets_means_no_aggregations():
    request = SearchRequest(clauses=[], language="en", filters={"kind": ["web-link"]}, with_facets=False)

    body = request_search(request).to_dict()

    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["query"]["bool"]["filter"] == [{"terms": {"kind": ["web-link"]}}]
    assert "must_not" not in body["query"]["bool"]
    assert "aggs" not in body


def test_suggestions_complete_the_last_word_of_visible_titles_in_the_language_first():
    body = suggestion_search("online groo", ["forumcategory2"], "fr", 24).to_dict()

    assert body["query"] == {
        "bool": {
            "must": [
                {
                    "multi_match": {
                        "query": "online groo",
                        "type": "bool_prefix",
                        "operator": "and",
                        "fields": ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
                    }
                }
            ],
            "must_not": [{"terms": {"audiences": ["forumcategory2"]}}],
            "should": [{"term": {"language": {"value": "fr", "boost": LANGUAGE_BOOST}}}],
        }
    }
    assert body["size"] == 24


@pytest.fixture
def unreachable_elasticsearch(settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = UNREACHABLE


def test_the_database_answers_when_elasticsearch_is_unreachable(demo_site, settings, caplog):
    from_database = service.search(AnonymousUser(), "grooming", language="en")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = UNREACHABLE

    with caplog.at_level(logging.WARNING, logger="portal.search.service"):
        results = service.search(AnonymousUser(), "grooming", language="en")

    assert from_database.hits
    assert [hit.document.pk for hit in results.hits] == [hit.document.pk for hit in from_database.hits]
    assert (results.total, results.facets) == (from_database.total, from_database.facets)
    assert "Search backend elasticsearch failed" in caplog.text


def test_suggestions_come_from_the_database_when_elasticsearch_is_unreachable(
    demo_site, unreachable_elasticsearch, caplog
):
    with caplog.at_level(logging.WARNING, logger="portal.search.service"):
        titles = service.suggestions(AnonymousUser(), "online groo", "en")

    assert "Online grooming: recognising the warning signs and talking with your child" in titles
    assert "Search backend elasticsearch failed" in caplog.text


def test_saving_keeps_the_database_index_when_elasticsearch_is_unreachable(
    demo_site, unreachable_elasticsearch, on_commit, caplog
):
    link = WebLink.objects.get(title_en__startswith="klicksafe")
    old_ids = set(SearchDocument.objects.filter(object_key=f"knowledge.weblink:{link.pk}").values_list("pk", flat=True))

    with caplog.at_level(logging.WARNING, logger="portal.search.index"), on_commit():
        link.title_en = "klicksafe – Quokkawatch for parents and teachers"
        link.save()

    documents = SearchDocument.objects.filter(object_key=f"knowledge.weblink:{link.pk}")
    assert documents.get(language="en").title == "klicksafe – Quokkawatch for parents and teachers"
    assert not old_ids & set(documents.values_list("pk", flat=True))
    assert "Search backend elasticsearch was not updated" in caplog.text
    found = service.search(AnonymousUser(), "Quokkawatch", language="en")
    assert [hit.document.title for hit in found.hits] == ["klicksafe – Quokkawatch for parents and teachers"]


def test_replacing_documents_commits_to_the_database_when_elasticsearch_is_unreachable(
    demo_site, unreachable_elasticsearch, caplog
):
    entry = Entry(
        language="fr", title="Signalements en ligne", body="Plateformes de signalement", url="/fr/x/", kind="page"
    )

    with caplog.at_level(logging.WARNING, logger="portal.search.index"):
        documents = index.replace([("tests.item:1", [entry])])

    assert list(SearchDocument.objects.filter(object_key="tests.item:1")) == documents
    assert caplog.text.count("Search backend elasticsearch was not updated") == 1  # nothing to remove: one request


live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch: set ELASTICSEARCH_URL"
)


@pytest.fixture
def live_elasticsearch(demo_site, settings):
    """The live server, under an alias of the tests' own; its indexes are deleted afterwards."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
    settings.ELASTICSEARCH_INDEX = "portal-search-tests"
    client = connection()
    yield client
    for name in client.indices.get_alias(index="portal-search-tests-*"):
        client.indices.delete(index=name)


@live
def test_a_rebuilt_index_ranks_the_visitors_language_first(live_elasticsearch, caplog):
    rebuild("elasticsearch")

    results = service.search(AnonymousUser(), "Cybergrooming", language="de")

    languages = [hit.document.language for hit in results.hits]
    assert languages[0] == "de" and {"de", "en"} <= set(languages)
    assert languages == sorted(languages, key=lambda code: code != "de")
    assert "Search backend elasticsearch failed" not in caplog.text


@live
def test_forbidden_audiences_count_neither_in_hits_nor_in_facets(live_elasticsearch):
    rebuild("elasticsearch")
    forbidden = set(forbidden_audiences(AnonymousUser()))
    about_grooming = [
        document for document in SearchDocument.objects.all() if "topic_grooming" in document.tags.split()
    ]
    visible = [document for document in about_grooming if not forbidden & set(document.audiences.split())]
    request = SearchRequest(
        clauses=[], language="en", filters={"topic": ["grooming"]}, forbidden=sorted(forbidden), limit=500
    )

    response = get_backend("elasticsearch").search(request)

    assert len(visible) < len(about_grooming)
    assert sorted(response.document_ids) == sorted(document.pk for document in visible)
    assert response.total == len(visible)
    assert {facet: counts for facet, counts in response.facets.items() if counts} == facets_of(
        document.tags for document in visible
    )


@live
def test_a_second_rebuild_leaves_one_index_behind_the_alias(live_elasticsearch):
    first = rebuild("elasticsearch")
    second = rebuild("elasticsearch")

    assert list(live_elasticsearch.indices.get_alias(name="portal-search-tests")) == [second.index_name]
    assert list(live_elasticsearch.indices.get_alias(index="portal-search-tests-*")) == [second.index_name]
    assert first.index_name < second.index_name
