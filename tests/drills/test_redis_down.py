"""Drill: Redis, the shared cache, stops in the middle of the day. Pages keep answering, members keep signing
in (allauth's rate limits and TOTP check count in the cache) and posting, and no post is lost or doubled.
A change of content that Redis could not record drops the cached pages once Redis answers again."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pyotp
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from forum.models import Post
from knowledge.models import KnowledgeItemPage
from portal.membership.seed import DEMO_TOTP_SECRET
from portal.page_cache import drop_cached_pages_later
from tests.members import make_member

PASSWORD = "x" * 16  # tests/members.py

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def redis_server():
    """A private redis-server on a free port, keeping nothing on disk; killed at the latest afterwards."""
    if not shutil.which("redis-server"):
        reason = "the Redis drill needs redis-server (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def member(username):
    """A vetted member with a verified address, whose authenticator app holds the demo's secret (pyotp
    needs a longer one than tests/members.py gives)."""
    user = make_member(username)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).update(data={"secret": DEMO_TOTP_SECRET})
    return user


def sign_in(username):
    """A member signs in through the forms, with password and authenticator code, as in the browser."""
    client = Client()
    password_step = client.post("/en/accounts/login/", {"login": username, "password": PASSWORD})
    code_step = client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()})
    assert (password_step.status_code, code_step.status_code) == (302, 302), f"{username} could not sign in"
    return client


def test_pages_keep_answering_and_no_post_is_lost_when_redis_stops(redis_server, settings, topic, reply, caplog):
    process, url = redis_server
    # Every cache on Redis, as in production (portal/settings/base.py with REDIS_URL).
    settings.CACHES = {
        alias: {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": url, "KEY_PREFIX": alias}
        for alias in settings.CACHES
    }
    first, second = member("drill.first"), member("drill.second")
    visitor = Client()
    topic_page = reverse("forum:topic", args=[topic.pk])
    bodies = [f"Drill reply number {number}." for number in range(10)]
    statuses = []

    def post_and_browse(client, body):
        statuses.append(reply(client, topic, body).status_code)
        statuses.extend(response.status_code for response in (client.get(topic_page), client.get("/en/forum/")))
        statuses.extend(visitor.get(address).status_code for address in ("/en/", "/en/search/?q=grooming"))

    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        early_member = sign_in("drill.first")
        for body in bodies[:5]:
            post_and_browse(early_member, body)
        assert cache.get(f"forum-posts:{first.pk}") == 5, "the post limit counted in Redis"

        process.kill()
        process.wait()
        late_member = sign_in("drill.second")  # rate limits and the TOTP check with Redis gone
        for number, body in enumerate(bodies[5:]):
            post_and_browse(early_member if number % 2 else late_member, body)

    assert statuses == [302, 200, 200, 200, 200] * 10
    for body in bodies:
        assert Post.objects.filter(topic=topic, body=body).count() == 1, f"{body!r} lost or doubled"
    assert set(Post.objects.filter(body__in=bodies).values_list("author", flat=True)) == {first.pk, second.pk}
    assert cache.get(f"forum-posts:{first.pk}") is None, "Redis is gone: the cache misses"
    warnings = [record for record in caplog.records if record.name == "portal.cache"]
    assert 1 <= len(warnings) <= len(settings.CACHES), "a warning per cache, not per call"
    print(f"Redis stopped after 5 of 10 replies: {len(statuses)} requests answered, 10 posts saved once each")


def test_a_change_redis_could_not_record_drops_the_cached_pages_once_it_answers(
    redis_server, settings, monkeypatch, on_commit
):
    process, url = redis_server
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": url, "KEY_PREFIX": "pages"},
    }
    # A backend that defers tasks, as the database backend of production does; it records, not runs.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    monkeypatch.setattr("portal.cache.PAUSE_AFTER_FAILURE_SECONDS", 0)  # ask Redis again at once
    item = KnowledgeItemPage.objects.live().public().order_by("path").first()
    visitor = Client()
    assert visitor.get(item.url).status_code == 200  # now in the page cache

    process.send_signal(signal.SIGSTOP)  # Redis stops answering but keeps what it holds
    try:
        with on_commit():
            PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    finally:
        process.send_signal(signal.SIGCONT)
    queued = drop_cached_pages_later.get_backend().results
    retries = [result for result in queued if result.task.name == drop_cached_pages_later.name]

    assert visitor.get(item.url).status_code == 200, "Redis answers again, with the page cached before the change"
    assert retries, "a retry is queued"
    assert all(retry.task.run_after > timezone.now() for retry in retries)
    drop_cached_pages_later.call()  # the task worker runs the retry when its time comes
    assert visitor.get(item.url).status_code == 302, "the restricted page now asks the visitor to log in"
    print("Redis unreachable during a change: the task queue started a new cache generation once Redis was back")
