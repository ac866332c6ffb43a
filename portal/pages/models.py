"""The site's frame: the home page, the section pages of the main navigation, and plain text pages.

Translation is field by field (django-modeltranslation, registered in `translation.py`):
one page tree, a `title_de`, `body_de`, ... column per language, English as the fallback.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from portal.page_cache import cached_until_content_changes

from .blocks import BaseStreamBlock


class PortalPage(Page):
    """What every portal page shares: an introduction, a body, and knowing whether it is translated."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    # The fields whose absence in a language means the page is not yet translated into it.
    translated_text_fields = ("title", "intro", "body")
    # {kind: label} of this page type in search results; page types without one are not indexed.
    search_kinds = {}
    # The fields whose text the search indexes, in each language.
    search_text_fields = ("intro", "body")

    is_creatable = False

    class Meta:
        abstract = True

    def is_translated_into(self, language_code):
        if language_code == settings.LANGUAGE_CODE:
            return True
        for field_name in self.translated_text_fields:
            default_value = getattr(self, build_localized_fieldname(field_name, settings.LANGUAGE_CODE))
            if default_value and not getattr(self, build_localized_fieldname(field_name, language_code)):
                return False
        return True

    def search_classification(self):
        """(kind, date, topic keys, country codes) of this page as a search result."""
        published = self.last_published_at or timezone.now()
        return next(iter(self.search_kinds)), published.date(), [], []

    def search_text(self):
        """The page's text in the active language, without markup."""
        values = [getattr(self, name) for name in self.search_text_fields]
        return "\n".join(
            strip_tags(str(value)) if isinstance(value, StreamValue) else str(value or "") for value in values
        )

    def search_extra_text(self):
        """Text the page lists rather than says (names, addresses): found, but weighing less."""
        return ""

    def get_view_restrictions(self):
        """Wagtail's answer in one query instead of two: the restrictions of this page and its ancestors.

        Only an alias page (Wagtail's "copy as alias") needs Wagtail's own walk through the pages it aliases.
        """
        if self.alias_of_id:
            return super().get_view_restrictions()
        ancestor_paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=ancestor_paths)

    @property
    def shows_fallback_language(self):
        """True when the visitor's language has no translation and English is shown instead."""
        return not self.is_translated_into(get_language())


class HomePage(PortalPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.SectionPage",
        "pages.StandardPage",
        "knowledge.AwarenessIndexPage",
        "knowledge.HotlineFinderPage",
        "knowledge.LibraryIndexPage",
        "workshops.WorkshopIndexPage",
    ]
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor: read once per language until public content changes.
        context["sections"] = cached_until_content_changes(
            f"home-sections:{self.pk}:{get_language()}",
            lambda: [
                {"title": section.title, "url": section.get_url(request=request), "intro": section.intro}
                for section in self.get_children().live().in_menu().specific().defer_streamfields()
            ],
        )
        return context


class SectionPage(PortalPage):
    """A section of the main navigation; until its module lands it introduces what will be there."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StandardPage", "pages.SectionPage"]
    is_creatable = True

    class Meta:
        verbose_name = _("section page")


class StandardPage(PortalPage):
    """A page of text, such as the text of Decision 9/07."""

    note = models.CharField(
        _("editorial note"),
        max_length=300,
        blank=True,
        help_text=_("Shown above the text, e.g. that a translation is unofficial."),
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("note")]
    search_kinds = {"page": _("Page")}
    search_text_fields = ("intro", "note", "body")
    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("standard page")


class TranslationRecord(models.Model):
    """The state of one page's text in one language when it was last saved (see translation_status.py)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=5)
    text_fingerprint = models.CharField(max_length=64)
    source_fingerprint = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="one_record_per_page_language")]

    def __str__(self):
        return f"{self.page_id} [{self.language}]"
