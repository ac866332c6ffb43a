"""The 57 OSCE participating States: hotlines, competent authority and a legislation assessment.

Country names come from CLDR (Babel), never typed by hand. Legislation is assessed against the
five criteria of ICMEC's "Child Sexual Abuse Material: Model Legislation & Global Review".
"""

import csv
import functools
from dataclasses import dataclass

from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.snippets.models import register_snippet

from modelcluster.fields import ParentalKey

from portal.access import pages_visible_to
from portal.pages.models import PortalPage

from ..choices import AssessmentStatus, Criterion, ServiceKind, Verification
from .base import KnowledgeItemPage

COMPARE_MIN, COMPARE_MAX = 2, 4


class CountryIndexPage(RoutablePageMixin, PortalPage):
    """All participating States, the legislation matrix, its CSV export and a side-by-side comparison."""

    parent_page_types = ["knowledge.LibraryIndexPage"]
    subpage_types = ["knowledge.CountryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("country index page")

    def countries(self):
        # Lists show no country's text: its streamfields, one per language, are not read.
        return CountryPage.objects.live().child_of(self).defer_streamfields().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["countries"] = self.countries().prefetch_related("hotlines")
        return context

    @path("matrix/", name="matrix")
    def matrix_view(self, request):
        criteria = [value for value in request.GET.getlist("criterion") if value in Criterion.values]
        status = request.GET.get("status", "")
        status = status if status in AssessmentStatus.values else ""
        # Read only when the table is not in the fragment cache (see the template).
        rows = SimpleLazyObject(lambda: self.matrix_rows(criteria or Criterion.values, status))
        context = self.get_context(request)
        context.update(
            rows=rows,
            criteria=[(value, label) for value, label in Criterion.choices if value in (criteria or Criterion.values)],
            all_criteria=Criterion.choices,
            selected_criteria=criteria,
            statuses=AssessmentStatus.choices,
            selected_status=status,
        )
        return TemplateResponse(request, "knowledge/legislation_matrix.html", context)

    @path("matrix/csv/", name="matrix_csv")
    def matrix_csv_view(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="legislation-matrix-{timezone.localdate()}.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [gettext("ISO code"), gettext("Country"), gettext("Criterion"), gettext("Status")]
            + [gettext("Law"), gettext("Article"), gettext("Link"), gettext("Assessed on"), gettext("Sample data")]
        )
        for row in self.matrix_rows(Criterion.values, ""):
            for assessment in row.cells:
                writer.writerow(
                    [row.country.iso_code, row.country.title, assessment.get_criterion_display()]
                    + [assessment.get_status_display(), assessment.law, assessment.article, assessment.url]
                    + [assessment.assessed_on or "", gettext("yes") if assessment.is_sample else gettext("no")]
                )
        return response

    @path("compare/", name="compare")
    def compare_view(self, request):
        codes = list(dict.fromkeys(code.upper()[:2] for code in request.GET.getlist("country")))
        chosen = list(self.countries().filter(iso_code__in=codes).prefetch_related("assessments", "hotlines"))
        chosen.sort(key=lambda country: codes.index(country.iso_code))
        error = ""
        if request.GET and not COMPARE_MIN <= len(chosen) <= COMPARE_MAX:
            error = gettext("Choose from %(minimum)d to %(maximum)d countries to compare.") % {
                "minimum": COMPARE_MIN,
                "maximum": COMPARE_MAX,
            }
        context = self.get_context(request)
        context.update(
            chosen=chosen if not error else [],
            chosen_codes=codes,
            error=error,
            comparison=[
                (label, [country.assessment_for(value) for country in chosen]) for value, label in Criterion.choices
            ]
            if chosen and not error
            else [],
            compare_max=COMPARE_MAX,
        )
        return TemplateResponse(request, "knowledge/legislation_compare.html", context)

    def matrix_rows(self, criteria, status):
        """One row per country with one assessment per criterion (a placeholder where none exists)."""
        countries = list(self.countries().only("title", "slug", "iso_code").prefetch_related("assessments"))
        index_url = self.url
        rows = []
        for country in countries:
            cells = [country.assessment_for(criterion) for criterion in criteria]
            if status and not any(cell.status == status for cell in cells):
                continue
            # A country page sits right under this page: its address is this one's and its slug.
            rows.append(MatrixRow(country=country, url=f"{index_url}{country.slug}/", cells=cells))
        return rows


@functools.cache
def unassessed(criterion):
    """What a country without an assessment of `criterion` shows; one shared, never saved, instance."""
    return LegislationAssessment(criterion=criterion, status=AssessmentStatus.UNKNOWN)


@dataclass
class MatrixRow:
    country: "CountryPage"
    url: str
    cells: list


class CountryPage(PortalPage):
    iso_code = models.CharField(_("ISO 3166-1 code"), max_length=2, unique=True)
    competent_authority = models.TextField(_("competent authority"), blank=True)
    how_to_report = models.TextField(
        _("how to report"), blank=True, help_text=_("Country-specific reporting advice, if any.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("iso_code"),
        FieldPanel("intro"),
        FieldPanel("competent_authority"),
        FieldPanel("how_to_report"),
        InlinePanel("assessments", heading=_("Legislation assessment"), label=_("Criterion"), max_num=5),
        FieldPanel("body"),
    ]
    parent_page_types = ["knowledge.CountryIndexPage"]
    subpage_types = []
    translated_text_fields = ("title",)
    search_kinds = {"country": _("Country")}
    search_text_fields = ("intro", "competent_authority", "how_to_report", "body")

    class Meta:
        verbose_name = _("country page")

    @cached_property
    def assessments_by_criterion(self):
        return {assessment.criterion: assessment for assessment in self.assessments.all()}

    def assessment_for(self, criterion):
        return self.assessments_by_criterion.get(criterion) or unassessed(criterion)

    def all_assessments(self):
        return [self.assessment_for(criterion) for criterion in Criterion.values]

    def search_classification(self):
        return "country", None, [], [self.iso_code]

    def search_extra_text(self):
        return "\n".join(f"{hotline.name} {hotline.organisation}" for hotline in self.hotlines.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hotlines"] = self.hotlines.all()
        context["related_items"] = pages_visible_to(
            request.user,
            KnowledgeItemPage.objects.live().filter(countries=self).only("title", "url_path", "path").order_by("-date"),
        )[:10]
        return context


@register_snippet
class Hotline(Orderable):
    """A national reporting hotline, helpline or police reporting service, with where its facts come from."""

    country = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="hotlines")
    kind = models.CharField(_("kind"), max_length=20, choices=ServiceKind.choices, default=ServiceKind.HOTLINE)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    report_url = models.URLField(_("report address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    member_of_inhope = models.CharField(
        _("INHOPE member"),
        max_length=10,
        choices=[("yes", _("Yes")), ("no", _("No")), ("unknown", _("Unknown"))],
        default="unknown",
    )
    verification = models.CharField(
        _("verification"), max_length=12, choices=Verification.choices, default=Verification.UNVERIFIED
    )
    sources = models.TextField(_("sources"), blank=True, help_text=_("Where the facts were read, separated by '; '."))
    checked_on = models.DateField(_("checked on"), null=True, blank=True)

    panels = [
        FieldPanel("country"),
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("report_url"),
        FieldPanel("website"),
        FieldPanel("phone"),
        FieldPanel("member_of_inhope"),
        FieldPanel("verification"),
        FieldPanel("sources"),
        FieldPanel("checked_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")

    def __str__(self):
        return f"{self.name} ({self.country.iso_code})"

    def source_list(self):
        return [source.strip() for source in self.sources.split(";") if source.strip()]


class LegislationAssessment(Orderable):
    country = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.CharField(_("criterion"), max_length=30, choices=Criterion.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.UNKNOWN
    )
    law = models.CharField(_("law"), max_length=200, blank=True)
    article = models.CharField(_("article"), max_length=100, blank=True)
    url = models.URLField(_("link to the text"), blank=True)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    is_sample = models.BooleanField(
        _("sample data"), default=True, help_text=_("Shown as sample data to be verified until an editor confirms it.")
    )
    note = models.TextField(_("editorial note"), blank=True)

    panels = [
        FieldPanel("criterion"),
        FieldPanel("status"),
        FieldPanel("law"),
        FieldPanel("article"),
        FieldPanel("url"),
        FieldPanel("assessed_on"),
        FieldPanel("is_sample"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("legislation assessment")
        constraints = [models.UniqueConstraint(fields=["country", "criterion"], name="one_assessment_per_criterion")]

    @property
    def status_label(self):
        """The status's label: what get_status_display() says, without its cost in a 285-cell matrix."""
        return AssessmentStatus(self.status).label

    @property
    def citation(self):
        return ", ".join(part for part in (self.law, self.article) if part)
