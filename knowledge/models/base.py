"""The library: its index, its sections (public or restricted) and what every library item shares.

A restricted section is an ordinary `LibrarySectionPage` that carries a Wagtail page view
restriction for the vetted members group; everything below it is restricted by Wagtail itself.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from modelcluster.fields import ParentalManyToManyField

from portal.access import pages_visible_to, restrictions_not_passed_by, restrictions_over
from portal.pages.models import PortalPage

from ..choices import Kind

ITEM_PAGE_TYPES = [
    "knowledge.BestPracticePage",
    "knowledge.SoftwareToolPage",
    "knowledge.ModelLawPage",
]


class KnowledgeItemPage(PortalPage):
    """What the library lists, filters and facets: a concrete base table shared by every item type."""

    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    topics = ParentalManyToManyField("knowledge.Topic", blank=True, related_name="items", verbose_name=_("topics"))
    countries = ParentalManyToManyField(
        "knowledge.CountryPage", blank=True, related_name="knowledge_items", verbose_name=_("countries")
    )

    metadata_panels = [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("topics"), FieldPanel("countries")],
            heading=_("Classification"),
        )
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("body"),
        *metadata_panels,
    ]
    parent_page_types = ["knowledge.LibraryIndexPage", "knowledge.LibrarySectionPage"]
    subpage_types = []
    translated_text_fields = ("title", "summary")
    search_kinds = dict(Kind.choices)
    search_text_fields = ("summary", "intro", "body")
    is_creatable = False
    # Item types with one kind only (software, model law) set it here; the others let editors choose.
    fixed_kind = None

    class Meta:
        ordering = ["-date"]
        verbose_name = _("library item")
        verbose_name_plural = _("library items")

    def save(self, *args, **kwargs):
        if self.fixed_kind:
            self.kind = self.fixed_kind
        return super().save(*args, **kwargs)

    def search_classification(self):
        topics = [topic.key for topic in self.topics.all()]
        return self.kind, self.date, topics, [country.iso_code for country in self.countries.all()]

    @property
    def available_languages(self):
        return [code for code, _name in settings.LANGUAGES if self.is_translated_into(code)]


class LibraryIndexPage(PortalPage):
    """The knowledge library: every item below it that the visitor may see, with filters and pages."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = [*ITEM_PAGE_TYPES, "knowledge.LibrarySectionPage", "knowledge.CountryIndexPage"]
    max_count = 1
    items_per_page = 20

    class Meta:
        verbose_name = _("library index page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import LibraryFilters, filter_items, item_facets, listed  # the selectors read these models

        context = super().get_context(request, *args, **kwargs)
        filters = LibraryFilters.from_query(request.GET)
        visible_items = pages_visible_to(
            request.user,
            KnowledgeItemPage.objects.live().descendant_of(self).order_by("-date", "pk"),
        )
        page_number = request.GET.get("page")
        context.update(
            filters=filters,
            # Read only when the filter form and the results are not in the fragment cache (see the
            # template), which keeps them per filters and query string, language and the view
            # restrictions the visitor does not pass.
            facets=SimpleLazyObject(lambda: item_facets(visible_items, filters)),
            items=SimpleLazyObject(
                lambda: self.page_of_items(listed(filter_items(visible_items, filters)), page_number, request.user)
            ),
            hidden_restrictions=sorted(restriction.pk for restriction in restrictions_not_passed_by(request.user)),
        )
        return context

    def page_of_items(self, items, page_number, user):
        page_of_items = Paginator(items, self.items_per_page).get_page(page_number)
        for item in page_of_items:
            item.members_only = bool(restrictions_over(item, user))
        return page_of_items


class LibrarySectionPage(PortalPage):
    """A shelf of the library; with a view restriction for vetted members it is the members' library."""

    parent_page_types = ["knowledge.LibraryIndexPage"]
    subpage_types = ITEM_PAGE_TYPES

    class Meta:
        verbose_name = _("library section")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import listed  # the selectors read these models

        context = super().get_context(request, *args, **kwargs)
        context["items"] = listed(KnowledgeItemPage.objects.live().child_of(self).order_by("-date", "pk"))
        return context
