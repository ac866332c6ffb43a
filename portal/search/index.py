"""Writes the documents of objects: the database always, and Elasticsearch too when it is the backend."""

import logging
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from .analysis import fold, words
from .backends import active_backend_names, get_backend
from .models import SearchDocument, SearchWord

logger = logging.getLogger(__name__)

VOCABULARY_WORD_LENGTHS = range(3, 41)


def object_key(model, pk):
    return f"{model._meta.label_lower}:{pk}"


def active_backends():
    return [get_backend(name) for name in active_backend_names()]


def document_for(key, entry):
    return SearchDocument(
        key=f"{key}:{entry.language}",
        object_key=key,
        kind=entry.kind,
        language=entry.language,
        title=entry.title[:300],
        body=entry.body,
        extra=entry.extra,
        url=entry.url,
        date=entry.date,
        tags=entry.tags(),
        year=entry.date.year if entry.date else None,
        topics=" ".join(topic.lower() for topic in entry.topics),
        countries=" ".join(code.lower() for code in entry.countries),
        audiences=" ".join(entry.audiences),
        indexed_at=timezone.now(),
    )


@contextmanager
def tolerating_unavailable(backend):
    """The database is the source of truth: a backend that cannot be written to now must not undo its
    write; `rebuild_search_index --backend <name>` catches that backend up."""
    try:
        yield
    except backend.unavailable as error:
        logger.warning("Search backend %s was not updated (%s); rebuild its index to catch up.", backend.name, error)


def replace(items, backends=None):
    """Replaces the documents of each (object key, entries) in `items`; no entries removes the object."""
    backends = backends or active_backends()
    with transaction.atomic():
        old = SearchDocument.objects.filter(object_key__in=[key for key, _entries in items])
        old_ids = list(old.values_list("pk", flat=True))
        for backend in backends:
            with tolerating_unavailable(backend):
                backend.remove(old_ids)
        old.delete()
        documents = SearchDocument.objects.bulk_create(
            [document_for(key, entry) for key, entries in items for entry in entries]
        )
        for backend in backends:
            with tolerating_unavailable(backend):
                backend.index(documents)
        vocabulary = {
            fold(word)
            for document in documents
            for word in words(f"{document.title} {document.body}")
            if len(word) in VOCABULARY_WORD_LENGTHS and not word.isdigit()
        }
        # Plain SQL: thousands of words per batch, most of them known already, need no model instances.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {SearchWord._meta.db_table} (word) VALUES (%s) ON CONFLICT (word) DO NOTHING",  # noqa: S608
                [(word,) for word in vocabulary],
            )
    return documents
