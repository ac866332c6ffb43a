from collections import defaultdict

from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from ..choices import AssessmentStatus, Criterion, Kind
from .base import KnowledgeItemPage
from .country import CountryPage, LegislationAssessment


class ModelLawPage(RoutablePageMixin, KnowledgeItemPage):
    """A model law in parts and provisions, to help States draft legislation (Decision 9/07, para. 11).

    A provision names the assessment criterion it implements; the countries whose law covers it
    are read from the countries' legislation assessments, so the two never disagree.
    """

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel("parts", heading=_("Parts"), label=_("Part")),
        InlinePanel("provisions", heading=_("Provisions"), label=_("Provision")),
        FieldPanel("body"),
        *KnowledgeItemPage.metadata_panels,
    ]
    fixed_kind = Kind.MODEL_LAW

    class Meta:
        verbose_name = _("model law")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the parts are not in the fragment cache (see the template).
        context["parts"] = SimpleLazyObject(self.structured_parts)
        return context

    def search_text(self):
        parts = [part.title for part in self.parts.all()]
        provisions = [f"{p.title}\n{p.text}\n{p.commentary}" for p in self.provisions.all()]
        return "\n".join([super().search_text(), *parts, *provisions])

    @path("print/", name="print")
    def print_view(self, request):
        return TemplateResponse(request, "knowledge/model_law_page_print.html", self.get_context(request))

    def structured_parts(self):
        """The parts in order, each with its provisions and the countries covering each provision."""
        provisions = list(self.provisions.all())
        criteria = {provision.criterion for provision in provisions if provision.criterion}
        coverage = defaultdict(list)
        assessments = list(
            LegislationAssessment.objects.filter(
                criterion__in=criteria,
                status__in=[AssessmentStatus.YES, AssessmentStatus.PARTIAL],
                country__live=True,
            ).order_by("country__title")
        )
        # Each country once, however many provisions it covers, with its address worked out once.
        countries = CountryPage.objects.filter(pk__in={assessment.country_id for assessment in assessments})
        countries = {country.pk: country for country in countries.defer_streamfields()}
        for country in countries.values():
            country.address = country.url
        for assessment in assessments:
            assessment.country = countries[assessment.country_id]
            coverage[assessment.criterion].append(assessment)
        by_part = defaultdict(list)
        for provision in provisions:
            provision.covering_assessments = coverage.get(provision.criterion, [])
            by_part[provision.part_number].append(provision)
        parts = list(self.parts.all())
        for part in parts:
            part.provision_list = by_part.get(part.number, [])
        return parts


class ModelLawPart(Orderable):
    page = ParentalKey(ModelLawPage, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("number"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("part")


class ModelLawProvision(Orderable):
    page = ParentalKey(ModelLawPage, on_delete=models.CASCADE, related_name="provisions")
    part_number = models.PositiveSmallIntegerField(_("part"), help_text=_("The number of the part it belongs to."))
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    commentary = models.TextField(_("commentary"), blank=True)
    criterion = models.CharField(
        _("assessment criterion"),
        max_length=30,
        choices=Criterion.choices,
        blank=True,
        help_text=_("Countries whose legislation meets this criterion are listed as covering the provision."),
    )

    panels = [
        FieldPanel("part_number"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("commentary"),
        FieldPanel("criterion"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("provision")
