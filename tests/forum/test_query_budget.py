"""The category list, a topic list and a topic page each cost the same queries with few or many rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from forum.models import Post, Topic
from portal.sanitise import render_markdown


def grow(category, author, *, topics, posts_per_topic):
    for number in range(topics):
        topic = Topic.objects.create(category=category, title=f"Generated {number}", language="en", author=author)
        Post.objects.bulk_create(
            Post(topic=topic, author=author, body="text", body_html=render_markdown("text"), language="en")
            for _ in range(posts_per_topic)
        )


def queries(client, url):
    client.get(url)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["index", "category", "topic"])
def test_forum_pages_cost_constant_queries(login, users, category, topic, page):
    client = login(users["investigator"])
    url = {"index": "/en/forum/", "category": f"/en/forum/{category.slug}/", "topic": f"/en/forum/topics/{topic.pk}/"}[
        page
    ]
    grow(category, users["member"], topics=3, posts_per_topic=2)
    Post.objects.bulk_create(
        Post(topic=topic, author=users["member"], body="x", body_html="<p>x</p>", language="en") for _ in range(3)
    )
    few = queries(client, url)

    grow(category, users["member"], topics=30, posts_per_topic=10)
    Post.objects.bulk_create(
        Post(topic=topic, author=users["investigator"], body="y", body_html="<p>y</p>", language="de")
        for _ in range(30)
    )
    many = queries(client, url)

    assert few == many
