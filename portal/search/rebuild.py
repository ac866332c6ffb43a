"""Rebuilding an index from scratch, in batches, resumable after an interruption.

The database index is rebuilt from the indexed objects themselves; Elasticsearch from the
database's documents, into a new index that the alias points to only once it is complete.
"""

from itertools import islice

from django.utils import timezone

from . import index
from .backends import get_backend
from .models import IndexRebuild, SearchDocument
from .registry import indexers

BATCH_SIZE = 200


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def rebuild(backend_name, *, resume=False, progress=None):
    """Rebuilds `backend_name`'s index; `progress(done, total)` is called after each batch."""
    backend = get_backend(backend_name)
    record = None
    if resume:
        record = IndexRebuild.objects.filter(backend=backend_name, finished_at__isnull=True).last()
    if record is None:
        record = IndexRebuild.objects.create(backend=backend_name, index_name=backend.new_index())
    sources = sources_for(backend_name)
    total = sum(queryset.count() for _name, queryset, _write in sources)
    done = 0
    for name, queryset, write in sources:
        position = record.position.get(name, 0)
        done += queryset.filter(pk__lte=position).count()
        for batch in batched(queryset.filter(pk__gt=position).iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            write(batch, record.index_name)
            record.position[name] = batch[-1].pk
            record.save(update_fields=["position"])
            done += len(batch)
            if progress:
                progress(done, total)
    if backend_name == "database":
        stale = SearchDocument.objects.filter(indexed_at__lt=record.started_at)
        backend.remove(list(stale.values_list("pk", flat=True)))
        stale.delete()
    backend.activate_index(record.index_name)
    record.finished_at = timezone.now()
    record.save(update_fields=["finished_at"])
    return record


def sources_for(backend_name):
    """[(name, queryset, write(batch, index_name))] to read from, in order."""
    if backend_name == "database":
        database = get_backend("database")

        def writer(indexer):
            def write(batch, _index_name):
                items = [(index.object_key(indexer.model, obj.pk), indexer.entries(obj)) for obj in batch]
                index.replace(items, backends=[database])

            return write

        return [(indexer.model._meta.label_lower, indexer.queryset(), writer(indexer)) for indexer in indexers()]
    backend = get_backend(backend_name)
    return [
        (
            "documents",
            SearchDocument.objects.order_by("pk"),
            lambda batch, index_name: backend.index(batch, index_name=index_name),
        )
    ]
