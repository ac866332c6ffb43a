"""Keeps the index current: publishing, unpublishing, moving and deleting pages, saving and deleting
indexed objects, and changed view restrictions each queue a background task that reindexes what changed.
"""

import threading
from contextlib import contextmanager
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from django_tasks import task

from . import index
from .models import SearchDocument, ThesaurusEntry
from .query import forget_thesaurus
from .registry import indexer_for


def indexed_state(key):
    fields = ("language", "title", "body", "audiences")
    return sorted(SearchDocument.objects.filter(object_key=key).values_list(*fields))


def reindex(obj):
    """Indexes `obj` afresh, and the objects that depend on it when its documents changed."""
    indexer = indexer_for(obj)
    key = index.object_key(indexer.model, obj.pk)
    before = indexed_state(key)
    index.replace([(key, indexer.entries(obj))])
    if indexed_state(key) != before:
        for related in indexer.related_objects(obj):
            reindex(related)


@task()
def update_object(model_label, pk):
    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        index.replace([(index.object_key(model, pk), [])])
    else:
        reindex(obj)


@task()
def update_page_tree(page_id):
    """A page and its descendants: their addresses and restrictions follow the page."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        for descendant in page.get_descendants(inclusive=True):
            reindex(descendant)


_collecting = threading.local()


@contextmanager
def collected():
    """Within it, changed objects are reindexed once each at its end, not by a task per change (bulk loads)."""
    _collecting.updates = {}
    try:
        yield
        updates = _collecting.updates
    finally:
        _collecting.updates = None
    for update, args in updates:
        update.call(*args)


def collected_anything():
    return bool(getattr(_collecting, "updates", None))


def enqueue(task, *args):
    if getattr(_collecting, "updates", None) is not None:
        _collecting.updates[(task, args)] = True
    else:
        transaction.on_commit(partial(task.enqueue, *args))


def schedule(obj):
    indexer = indexer_for(obj)
    if indexer is not None:
        enqueue(update_object, indexer.model._meta.label, obj.pk)


def schedule_page_tree(page):
    enqueue(update_page_tree, page.pk)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    schedule(instance)


@receiver(page_slug_changed)
@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    schedule_page_tree(instance)


@receiver(post_save)
def object_saved(sender, instance, **kwargs):
    # Pages are indexed when published, not when a draft is saved.
    if not isinstance(instance, Page):
        schedule(instance)


@receiver(post_delete)
def object_deleted(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        schedule_page_tree(instance.page)
    elif not isinstance(instance, SearchDocument):
        schedule(instance)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    schedule_page_tree(instance.page)


@receiver(post_save, sender=ThesaurusEntry)
@receiver(post_delete, sender=ThesaurusEntry)
def thesaurus_changed(sender, **kwargs):
    # After the commit: a search in between would cache the old entry again.
    transaction.on_commit(forget_thesaurus)
