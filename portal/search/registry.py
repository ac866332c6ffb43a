"""What the search indexes: each app registers an indexer for its models and the audiences it restricts.

An indexer turns one object into entries, one per language it exists in, or none when the object
must not be found (unpublished, hidden, deleted). An entry's audiences name what restricts it;
each audience prefix has a check that says which of its audiences a visitor may not see, the same
check that guards the object's own page. Search excludes those audiences inside the query, so a
restricted item never changes a result, a count, a facet or a suggestion.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings

from portal.access import cached_on_user


@dataclass
class Entry:
    language: str
    title: str
    body: str
    url: str
    kind: str
    date: datetime.date | None = None
    topics: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    # What a page lists rather than says (a country's hotlines): found, but weighing less than the body.
    extra: str = ""

    def tags(self):
        values = [("kind", self.kind), ("lang", self.language)]
        values += [("year", self.date.year)] if self.date else []
        values += [("topic", topic) for topic in self.topics] + [("country", code) for code in self.countries]
        return " ".join(f"{facet}_{value}".lower() for facet, value in values)


class Indexer:
    """Subclass per model: `model`, `kinds` ({value: label}), `entries(obj)` and, if needed, `queryset()`."""

    model = None
    kinds = {}

    def queryset(self):
        return self.model._default_manager.order_by("pk")

    def object_key(self, obj):
        return f"{self.model._meta.label_lower}:{obj.pk}"

    def entries(self, obj):
        raise NotImplementedError

    def related_objects(self, obj):
        """Other objects whose entries change with `obj` (a hidden topic hides its posts)."""
        return []


_indexers = []
_audience_checks = {}


def register_indexer(indexer_class):
    _indexers.append(indexer_class())
    return indexer_class


def indexers():
    return list(_indexers)


def indexer_for(obj):
    for indexer in _indexers:
        if isinstance(obj, indexer.model):
            return indexer
    return None


def kind_labels():
    """Each kind's label in the active language."""
    return {value: str(label) for indexer in _indexers for value, label in indexer.kinds.items()}


def language_names():
    """Each portal language's name in the active language."""
    return {code: str(name) for code, name in settings.LANGUAGES}


def register_audience(prefix, forbidden_for):
    """`forbidden_for(user)` returns the ids, under `prefix`, of the audiences `user` may not see."""
    _audience_checks[prefix] = forbidden_for


def audience(prefix, ident):
    return f"{prefix}{ident}"


def forbidden_audiences(user):
    """Worked out once per request: a search and its "did you mean" counts ask for the same user."""
    return cached_on_user(
        user,
        "_search_forbidden_audiences",
        lambda: sorted(audience(prefix, ident) for prefix, check in _audience_checks.items() for ident in check(user)),
    )
