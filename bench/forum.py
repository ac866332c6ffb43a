"""Render times of the forum's three main pages with 1,000 topics and 50,000 posts.

    .venv/bin/python bench/forum.py [--topics 1000] [--posts 50000] [--runs 30]

Builds a throw-away test database (SQLite in memory, or a `test_…` database beside the one
DATABASE_URL names), fills one category, and renders the category list, the busiest topic list
and a topic page as a vetted member through Django's test client; prints median and 95th
percentile in milliseconds.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from forum.models import Category, Post, Topic  # noqa: E402
from portal.accounts import VETTED_MEMBERS_GROUP  # noqa: E402
from portal.sanitise import render_markdown  # noqa: E402
from tests.members import make_member  # noqa: E402

BODY = "We triage **phones** first, then laptops.\n\n- check hash sets\n- document the chain of custody"


def fill(topics, posts):
    Group.objects.get_or_create(name=VETTED_MEMBERS_GROUP)
    member = make_member("bench.member")
    category = Category.objects.create(slug="bench", name_en="Benchmark")
    category.read_groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    Topic.objects.bulk_create(
        Topic(category=category, title=f"Benchmark topic {number}", language="en", author=member)
        for number in range(topics)
    )
    topic_ids = list(Topic.objects.values_list("pk", flat=True))
    html = render_markdown(BODY)
    batch = []
    for number in range(posts):
        batch.append(Post(topic_id=topic_ids[number % topics], author=member, body=BODY, body_html=html, language="en"))
        if len(batch) == 5000:
            Post.objects.bulk_create(batch)
            batch = []
    Post.objects.bulk_create(batch)
    client = Client()
    client.force_login(member)
    return client, category, topic_ids[0]


def measure(client, url, runs):
    client.get(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    setup_test_environment()
    database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        client, category, topic_id = fill(options.topics, options.posts)
        print(f"Database: {connection.vendor} ({database}); filled in {time.perf_counter() - started:.1f} s")
        print(f"{options.topics} topics, {options.posts} posts, {options.runs} runs per page")
        print(f"{'page':<24}{'median ms':>12}{'p95 ms':>12}")
        for name, url in (
            ("category list", "/en/forum/"),
            ("topic list", f"/en/forum/{category.slug}/"),
            ("topic page", f"/en/forum/topics/{topic_id}/"),
        ):
            median, p95 = measure(client, url, options.runs)
            print(f"{name:<24}{median:>12.1f}{p95:>12.1f}")
    finally:
        connection.creation.destroy_test_db(database, verbosity=0)


if __name__ == "__main__":
    main()
