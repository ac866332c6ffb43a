from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


class SearchDocument(models.Model):
    """One indexed item in one language: what every backend indexes and what a result shows.

    `tags` holds the facet values ("kind_practice lang_de year_2025 topic_grooming country_de");
    `audiences` the restrictions the item sits under (empty: public). The database backend keeps
    the stems of `title` and `body` in a full-text table of its own (see migration 0002).
    """

    key = models.CharField(max_length=120, unique=True)
    object_key = models.CharField(max_length=100, db_index=True)
    kind = models.CharField(max_length=30)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True)  # secondary text (a country's hotlines): matched, weighing less
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    tags = models.TextField(blank=True)
    # The facet values again, a column each, so that counting them over many matches stays quick.
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    topics = models.CharField(max_length=500, blank=True)
    countries = models.CharField(max_length=500, blank=True)
    audiences = models.CharField(max_length=300, blank=True)
    indexed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Counting facets reads these columns of every match: from this index, not from the wide rows.
        indexes = [
            models.Index(
                fields=["id", "kind", "language", "year", "topics", "countries"], name="search_document_facets"
            )
        ]

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """The vocabulary of the index, for "did you mean"; a suggestion is only made if it finds something visible."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word


class IndexRebuild(models.Model):
    """Progress of `rebuild_search_index`, so that an interrupted rebuild can resume."""

    backend = models.CharField(max_length=30)
    index_name = models.CharField(max_length=100, blank=True)
    position = models.JSONField(default=dict)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.backend} {self.started_at:%Y-%m-%d %H:%M}"


@register_snippet
class ThesaurusEntry(models.Model):
    """Equivalent terms of the field in every language: a query for one finds documents that use another."""

    name = models.CharField(_("name"), max_length=120, help_text=_("For editors, e.g. the English term."))
    terms = models.TextField(
        _("terms"), blank=True, help_text=_("One term per line, as it is written in this language.")
    )

    panels = [FieldPanel("name"), FieldPanel("terms")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus entries")

    def __str__(self):
        return self.name
