"""The search backends behind one interface, chosen by `SEARCH_BACKEND`.

The database backend is the default and always holds the documents: the others index the same
documents and, when they cannot be reached, the database answers in their place.
"""

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "database": "portal.search.backends.database.DatabaseBackend",
    "elasticsearch": "portal.search.backends.elasticsearch.ElasticsearchBackend",
}


def active_backend_names():
    """The backends that index every document: the database always, and the configured one."""
    return list(dict.fromkeys(["database", settings.SEARCH_BACKEND]))


def get_backend(name=None):
    return import_string(BACKENDS[name or settings.SEARCH_BACKEND])()
