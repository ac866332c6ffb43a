"""Reads of the library: filters and facets over the items a visitor may see.

Every function takes a queryset already narrowed by `portal.access.pages_visible_to`, so a
restricted item never reaches a list, a count or a facet for someone not entitled to it.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from modeltranslation.utils import build_localized_fieldname

from .choices import Kind
from .models import CountryPage, Topic

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated_into(language_code):
    """Items whose title and summary exist in `language_code`."""
    condition = Q()
    for field_name in ("title", "summary"):
        column = build_localized_fieldname(field_name, language_code)
        condition &= ~Q(**{f"{column}__isnull": True}) & ~Q(**{column: ""})
    return condition


@dataclass(frozen=True)
class LibraryFilters:
    kind: str = ""
    topic: str = ""
    country: str = ""
    language: str = ""

    @classmethod
    def from_query(cls, query):
        kind = query.get("kind", "")
        language = query.get("language", "")
        return cls(
            kind=kind if kind in Kind.values else "",
            topic=query.get("topic", "")[:60],
            country=query.get("country", "").upper()[:2],
            language=language if language in LANGUAGE_CODES else "",
        )

    def without(self, name):
        return replace(self, **{name: ""})

    @property
    def is_active(self):
        return any((self.kind, self.topic, self.country, self.language))


def filter_items(items, filters):
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.topic:
        items = items.filter(topics__key=filters.topic)
    if filters.country:
        items = items.filter(countries__iso_code=filters.country)
    if filters.language:
        items = items.filter(translated_into(filters.language))
    return items


# What a list shows of each item (item_meta.html) and what its address and access are worked out from.
LISTED_FIELDS = ("title", "summary", "kind", "date", "url_path", "path", "depth", "live", "content_type")


def listed(items):
    """`items` with only what a list of them shows: narrow rows, with their topics and countries."""
    countries = CountryPage.objects.only("title", "path", "depth")
    return items.only(*LISTED_FIELDS).prefetch_related("topics", Prefetch("countries", queryset=countries))


def item_facets(items, filters):
    """Counts for each value of each filter, given the other filters (the usual faceting rule)."""
    kind_items = filter_items(items, filters.without("kind")).order_by()
    kind_counts = dict(kind_items.values_list("kind").annotate(n=Count("pk", distinct=True)))
    topic_items = filter_items(items, filters.without("topic")).values("pk")
    # values() before annotate(): grouped by the two columns shown, not by every column of the table.
    topics = (
        Topic.objects.filter(items__in=topic_items)
        .values("key", "name")
        .annotate(n=Count("items", distinct=True))
        .order_by("name")
    )
    country_items = filter_items(items, filters.without("country")).values("pk")
    countries = (
        CountryPage.objects.filter(knowledge_items__in=country_items)
        .values("iso_code", "title")
        .annotate(n=Count("knowledge_items", distinct=True))
        .order_by("title")
    )
    language_counts = (
        filter_items(items, filters.without("language"))
        .order_by()
        .aggregate(**{code: Count("pk", filter=translated_into(code), distinct=True) for code in LANGUAGE_CODES})
    )
    return {
        "kind": [(value, label, kind_counts[value]) for value, label in Kind.choices if kind_counts.get(value)],
        "topic": [(topic["key"], topic["name"], topic["n"]) for topic in topics],
        "country": [(country["iso_code"], country["title"], country["n"]) for country in countries],
        "language": [(code, name, language_counts[code]) for code, name in settings.LANGUAGES if language_counts[code]],
    }
