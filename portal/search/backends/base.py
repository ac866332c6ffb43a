from collections import Counter
from dataclasses import dataclass, field

from ..query import Clause


@dataclass
class SearchRequest:
    clauses: list[Clause]
    language: str  # the visitor's: its documents come first
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet: values, e.g. {"kind": ["practice"]}
    forbidden: list[str] = field(default_factory=list)  # audiences the visitor may not see
    offset: int = 0
    limit: int = 20
    with_facets: bool = True


@dataclass
class SearchResponse:
    document_ids: list[int]
    total: int
    facets: dict[str, Counter] = field(default_factory=dict)  # facet: Counter of values


class SearchBackend:
    name = None
    unavailable = ()  # exceptions that mean the backend cannot answer now

    def index(self, documents, index_name=None):
        """Adds or replaces `documents` (saved `SearchDocument`s) in the live index, or in `index_name`."""
        raise NotImplementedError

    def new_index(self):
        """Prepares an empty index for a rebuild and returns its name ("" when rebuilt in place)."""
        return ""

    def activate_index(self, index_name):
        """Puts a rebuilt index into service."""

    def remove(self, document_ids):
        raise NotImplementedError

    def search(self, request):
        raise NotImplementedError

    def suggest(self, text, forbidden, language, limit):
        """Ids of documents whose title has the words typed (the last one begun), in `language` first."""
        raise NotImplementedError
