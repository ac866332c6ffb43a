"""The portal's cache backends: Redis that tolerates an outage, and files read without decompressing.

Django's Redis cache, made to carry on without Redis: pages keep answering while Redis is down.

Django's RedisCache raises on every connection error, so a stopped Redis would fail each request that
touches the cache (allauth's rate limits and TOTP replay check, the forum's post limit, the search
thesaurus, the page cache). Here an unreachable Redis is a cache that holds nothing and keeps nothing:
reads miss, writes are dropped, and `add` and `incr` answer as for a key seen for the first time, so
rate limits and replay checks let requests through ("fail open") until Redis is back. After a failure
the cache does not ask Redis again for a few seconds, and it warns at most once a minute.

Other Redis errors (a wrong type, out of memory) still raise: they are faults to fix, not outages.
https://docs.djangoproject.com/en/5.2/topics/cache/#redis
"""

import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# A dead or unreachable Redis costs a cache call at most this long: redis-py waits for the operating
# system by default.
SOCKET_TIMEOUT_SECONDS = 0.5
PAUSE_AFTER_FAILURE_SECONDS = 5
WARNING_INTERVAL_SECONDS = 60


class TolerantRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(servers, **options)
        self._paused_until = 0.0
        self._warned_at = None
        self.unreachable = False  # whether the last call could not reach Redis

    def _call(self, method, *args, unreachable):
        """`method(*args)`, or `unreachable` when Redis cannot be reached."""
        now = time.monotonic()
        if now < self._paused_until:
            return unreachable
        try:
            result = method(*args)
            self.unreachable = False
            return result
        except (RedisConnectionError, RedisTimeoutError) as error:
            self.unreachable = True
            self._paused_until = now + PAUSE_AFTER_FAILURE_SECONDS
            if self._warned_at is None or now - self._warned_at >= WARNING_INTERVAL_SECONDS:
                self._warned_at = now
                logger.warning("Redis is unreachable; the portal works without its cache meanwhile: %s", error)
            return unreachable

    def add(self, key, value, timeout):
        return self._call(super().add, key, value, timeout, unreachable=True)

    def get(self, key, default):
        return self._call(super().get, key, default, unreachable=default)

    def set(self, key, value, timeout):
        self._call(super().set, key, value, timeout, unreachable=None)

    def touch(self, key, timeout):
        return self._call(super().touch, key, timeout, unreachable=False)

    def delete(self, key):
        return self._call(super().delete, key, unreachable=False)

    def get_many(self, keys):
        return self._call(super().get_many, keys, unreachable={})

    def has_key(self, key):
        return self._call(super().has_key, key, unreachable=False)

    def incr(self, key, delta):
        return self._call(super().incr, key, delta, unreachable=delta)

    def set_many(self, data, timeout):
        self._call(super().set_many, data, timeout, unreachable=None)

    def delete_many(self, keys):
        self._call(super().delete_many, keys, unreachable=None)

    def clear(self):
        return self._call(super().clear, unreachable=False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient

    @property
    def unreachable(self):
        """Whether the last call could not reach Redis, so that what it wrote was dropped."""
        return self._cache.unreachable


class UncompressedFileBasedCache(FileBasedCache):
    """Django's file cache without zlib, for the page cache when there is no Redis.

    A cached page is read far more often than it is written, and decompressing it took two thirds
    of the time to answer it from the cache. The files are Django's: the expiry, then the pickled
    value, only not compressed.
    """

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.load(file)  # noqa: S301  (the portal's own cache folder, as Django's file cache)
        except FileNotFoundError:
            pass
        except pickle.UnpicklingError:
            self.delete(key, version)  # compressed by Django's own file cache, before an upgrade: as if absent
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        sentinel = object()
        value = self.get(key, sentinel, version)
        if value is sentinel:
            return False
        self.set(key, value, timeout, version)
        return True
