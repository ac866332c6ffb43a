from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from modelcluster.fields import ParentalManyToManyField

from portal.pages.models import PortalPage

from ..choices import Audience
from .forms import MultipleChoicePageForm

PUBLIC_AUDIENCES = [Audience.PARENTS, Audience.YOUNG_PEOPLE, Audience.TEACHERS, Audience.MEDICAL_STAFF]


class AwarenessIndexPage(PortalPage):
    """Awareness information for the public, filterable by audience, and web links."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["knowledge.AwarenessPage"]
    max_count = 1

    class Meta:
        verbose_name = _("awareness index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audience = request.GET.get("audience", "")
        audience = audience if audience in Audience.values else ""
        pages = AwarenessPage.objects.live().public().child_of(self).defer_streamfields().order_by("path")
        links = WebLink.objects.all()
        if audience:
            pages = [page for page in pages if audience in page.audiences]
            links = links.filter(audience__in=[audience, Audience.EVERYONE])
        context.update(
            awareness_pages=pages,
            web_links=links,
            audiences=[(value.value, value.label) for value in PUBLIC_AUDIENCES],
            selected_audience=audience,
        )
        return context


class AwarenessPage(PortalPage):
    summary = models.TextField(_("summary"), blank=True)
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    topics = ParentalManyToManyField("knowledge.Topic", blank=True, related_name="+", verbose_name=_("topics"))
    related_hotline = models.ForeignKey(
        "knowledge.Hotline",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related hotline"),
    )

    multiple_choice_fields = {"audiences": [(value.value, value.label) for value in PUBLIC_AUDIENCES]}
    base_form_class = MultipleChoicePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audiences"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("related_hotline"),
    ]
    parent_page_types = ["knowledge.AwarenessIndexPage"]
    subpage_types = []
    translated_text_fields = ("title", "summary", "body")
    search_kinds = {"awareness": _("Awareness")}
    search_text_fields = ("summary", "body")

    class Meta:
        verbose_name = _("awareness page")

    def search_classification(self):
        kind, date, _topics, countries = super().search_classification()
        return kind, date, [topic.key for topic in self.topics.all()], countries

    def audience_labels(self):
        labels = dict(Audience.choices)
        return [labels[value] for value in self.audiences if value in labels]


@register_snippet
class WebLink(models.Model):
    """A link to a trustworthy resource for the public."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language of the site"), max_length=5, choices=settings.LANGUAGES)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("language"),
        FieldPanel("audience"),
    ]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("web link")
        verbose_name_plural = _("web links")

    def __str__(self):
        return self.title
