from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from ..choices import Kind
from .base import KnowledgeItemPage

BEST_PRACTICE_KINDS = [Kind.PRACTICE, Kind.METHOD, Kind.TRAINING, Kind.CASE_STUDY]


class BestPracticePage(KnowledgeItemPage):
    """A best practice, investigative method, training material or case study (Decision 9/07, para. 11)."""

    context = models.TextField(_("context"), blank=True)
    what_was_done = models.TextField(_("what was done"), blank=True)
    results = models.TextField(_("results and lessons learned"), blank=True)
    source_organisation = models.CharField(_("source organisation"), max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind", widget=forms.Select(choices=[(kind.value, kind.label) for kind in BEST_PRACTICE_KINDS])),
        FieldPanel("summary"),
        FieldPanel("context"),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        FieldPanel("source_organisation"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        *KnowledgeItemPage.metadata_panels,
    ]

    search_text_fields = ("summary", "context", "what_was_done", "results", "source_organisation", "body")

    class Meta:
        verbose_name = _("best practice or method")
        verbose_name_plural = _("best practices and methods")

    def clean(self):
        super().clean()
        if self.kind not in BEST_PRACTICE_KINDS:
            raise ValidationError({"kind": _("Choose a practice, a method, training material or a case study.")})


class ItemAttachment(Orderable):
    """A Wagtail document attached to a library item; a private collection keeps it for members."""

    page = ParentalKey(KnowledgeItemPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
