"""The tolerant Redis cache (portal/cache.py) with nothing listening: misses, dropped writes, first-time
answers for `add` and `incr`, and one warning rather than one per call."""

import logging
import socket

from django.core.cache import caches
from django.http import HttpResponse

import pytest
from redis.exceptions import ResponseError


@pytest.fixture
def unreachable_cache(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    location = f"redis://127.0.0.1:{port}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": location},
    }
    return caches["default"]


def test_an_unreachable_redis_is_an_empty_cache_that_keeps_nothing(unreachable_cache, caplog):
    cache = unreachable_cache

    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.set("kept", "value")
        assert cache.get("kept") is None
        assert cache.get("kept", "default") == "default"
        assert cache.get_or_set("generation", 0) == 0
        assert cache.get_many(["kept", "other"]) == {}
        assert cache.add("lock", True) is True  # as for a first caller: allauth's TOTP check and locks go on
        assert cache.incr("forum-posts:1") == 1  # rate limits start afresh: they fail open
        assert cache.delete("kept") is False
        assert cache.has_key("kept") is False
        cache.set_many({"a": 1, "b": 2})
        cache.delete_many(["a", "b"])

    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "Redis is unreachable" in caplog.text


def test_redis_errors_other_than_an_outage_still_raise(unreachable_cache, monkeypatch):
    def wrong_type(*args, **kwargs):
        raise ResponseError("WRONGTYPE Operation against a key holding the wrong kind of value")

    monkeypatch.setattr("redis.Redis.get", wrong_type)

    with pytest.raises(ResponseError):
        unreachable_cache.get("key")


@pytest.fixture
def file_cache(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "files": {"BACKEND": "portal.cache.UncompressedFileBasedCache", "LOCATION": str(tmp_path)},
    }
    return caches["files"]


def test_the_file_cache_keeps_values_uncompressed_until_they_expire(file_cache, tmp_path):
    page = HttpResponse("<h1>Reporting guidance</h1>" * 100)
    file_cache.set("page", page, timeout=60)

    assert file_cache.get("page").content == page.content
    assert any(page.content in path.read_bytes() for path in tmp_path.iterdir())  # not compressed
    assert file_cache.touch("page", timeout=0)
    assert file_cache.get("page", "expired") == "expired"
    assert not file_cache.touch("page")


def test_the_file_cache_takes_a_file_left_by_djangos_compressed_file_cache_for_absent(file_cache, settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "django_files": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    caches["django_files"].set("generation", 7)

    assert file_cache.get("generation") is None
    assert file_cache.add("generation", 1)
    file_cache.incr("generation")
    assert file_cache.get("generation") == 2
