"""Drill: Elasticsearch configured but unreachable. Search answers from the database index over HTTP, and a
new reply is saved, indexed in the database and found."""

import logging

from django.urls import reverse

import pytest

from forum.models import Post
from tests.members import make_member

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there

pytestmark = pytest.mark.usefixtures("demo_site")


def hits(response):
    return [hit.document.pk for hit in response.context["results"].hits]


def test_search_answers_from_the_database_when_elasticsearch_is_unreachable(client, settings, caplog):
    from_database = client.get("/en/search/?q=grooming")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = UNREACHABLE

    with caplog.at_level(logging.WARNING, logger="portal.search.service"):
        response = client.get("/en/search/?q=grooming")

    assert response.status_code == 200
    assert hits(from_database), "the demo has results for 'grooming'"
    assert hits(response) == hits(from_database)
    assert response.context["results"].total == from_database.context["results"].total
    assert "Search backend elasticsearch failed" in caplog.text
    print(f"Elasticsearch down: search answered 200 from the database with {len(hits(response))} results")


def test_a_reply_is_saved_and_found_while_elasticsearch_is_unreachable(
    client, settings, topic, reply, on_commit, caplog
):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = UNREACHABLE
    client.force_login(make_member("drill.member"))

    with caplog.at_level(logging.WARNING, logger="portal.search.index"), on_commit():
        response = reply(client, topic, "Photograph the screen before the quokkadrill service goes away.")

    assert response.status_code == 302
    post = Post.objects.get(topic=topic, body__contains="quokkadrill")
    assert "Search backend elasticsearch was not updated" in caplog.text
    found = client.get("/en/search/?q=quokkadrill")
    assert found.status_code == 200
    assert reverse("forum:post", args=[post.pk]) in [hit.document.url for hit in found.context["results"].hits]
    print("Elasticsearch down: the reply was saved, indexed in the database and found")
