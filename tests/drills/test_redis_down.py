"""Drill: Redis, the shared cache, stops in the middle of the day. Pages keep answering, members keep signing
in (allauth's rate limits and TOTP check count in the cache) and posting, and no post is lost or doubled."""

import logging
import os
import shutil
import socket
import subprocess
import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pyotp
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from forum.models import Post
from portal.membership.seed import DEMO_TOTP_SECRET
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
