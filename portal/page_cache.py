"""Whole pages cached for anonymous visitors, dropped whenever public content changes.

A request is served from the cache only if it carries no session and no pending messages: a
member, or anyone in the middle of logging in, always gets a freshly rendered page. A response is
stored only if it is a complete 200 page that sets no cookie (so no CSRF token in a form), is not
marked private or uncacheable, and was rendered for an anonymous visitor. A request carrying a
session cookie, even an invalid one, bypasses the cache: `make bench` measures uncached pages so.

Any save or deletion of public content (pages and their revisions, view restrictions and their
groups, documents, images, library, country and workshop data) moves the cache to a new
generation once the transaction commits, which drops every cached page at once: a page lists
other pages, so a publish, unpublish or move changes more than its own address.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import cc_delim_re

from django_tasks import task

from .cache import TolerantRedisCache

CACHE_ALIAS = "pages"
TIMEOUT_SECONDS = 600
GENERATION_KEY = "generation"
PUBLIC_CONTENT_APPS = {"wagtailcore", "wagtaildocs", "wagtailimages", "taggit", "pages", "knowledge", "workshops"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
RETRY_AFTER = datetime.timedelta(seconds=10)


def page_cache():
    return caches[CACHE_ALIAS]


def generation():
    return page_cache().get_or_set(GENERATION_KEY, 0, timeout=None)


def drop_cached_pages():
    """Starts a new generation; if Redis cannot be reached, the task queue tries again until it can.

    Otherwise the change would be lost, and once Redis answered again the pages and view
    restrictions cached before the change would be served until they expire.
    """
    cache = page_cache()
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        cache.incr(GENERATION_KEY)
    if (
        isinstance(cache, TolerantRedisCache)
        and cache.unreachable
        and drop_cached_pages_later.get_backend().supports_defer
    ):
        drop_cached_pages_later.using(run_after=timezone.now() + RETRY_AFTER).enqueue()


@task()
def drop_cached_pages_later():
    drop_cached_pages()


def generation_key(name):
    """The cache key of `name` in the current generation: a new generation misses every old key."""
    return f"{generation()}:{hashlib.sha256(name.encode()).hexdigest()}"


def cached_until_content_changes(key, compute):
    """`compute()`, kept in the page cache under `key` until public content changes.

    For what many pages, or members' pages too, show and work out alike (the site, the main menu,
    the fragments of `{% cache_until_content_changes %}`): the key must name everything the answer
    depends on, such as the language.
    """
    key = generation_key(key)
    value = page_cache().get(key)
    if value is None:
        value = compute()
        page_cache().set(key, value, TIMEOUT_SECONDS)
    return value


def cache_key(request):
    return generation_key(request.build_absolute_uri())


def may_use_cache(request):
    return request.method == "GET" and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES
    )


def may_store(request, response):
    cache_control = cc_delim_re.split(response.get("Cache-Control", ""))
    directives = {directive.split("=")[0].strip().lower() for directive in cache_control}
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not directives & UNCACHEABLE_DIRECTIVES
        and user is not None
        and not user.is_authenticated
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = cache_key(request)
        response = page_cache().get(key)
        if response is None:
            response = self.get_response(request)
            if may_store(request, response):
                page_cache().set(key, response, TIMEOUT_SECONDS)
        return response


def drop_cached_pages_on_commit(sender, **kwargs):
    if sender._meta.app_label in PUBLIC_CONTENT_APPS:
        transaction.on_commit(drop_cached_pages)


post_save.connect(drop_cached_pages_on_commit, dispatch_uid="portal.page_cache.save")
post_delete.connect(drop_cached_pages_on_commit, dispatch_uid="portal.page_cache.delete")


def drop_cached_pages_on_relations_commit(sender, action, **kwargs):
    """A many-to-many change of public content, such as the groups of a view restriction."""
    if action.startswith("post_"):
        drop_cached_pages_on_commit(sender)


m2m_changed.connect(drop_cached_pages_on_relations_commit, dispatch_uid="portal.page_cache.relations")
