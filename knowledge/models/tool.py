from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page

from portal.access import is_vetted_member

from ..choices import Availability, Kind, Platform
from .base import KnowledgeItemPage
from .forms import MultipleChoicePageForm


class SoftwareToolPage(KnowledgeItemPage):
    """An entry of the registry of investigative software.

    `members_only_notes` (contacts, deployment notes) is rendered only for vetted members and is
    never indexed for the public.
    """

    purpose = models.TextField(_("purpose"), blank=True)
    maintainer = models.CharField(_("maintainer"), max_length=200, blank=True)
    licence_and_cost = models.CharField(_("licence and cost"), max_length=300, blank=True)
    platforms = models.JSONField(_("platforms"), default=list, blank=True)
    interface_languages = models.JSONField(_("interface languages"), default=list, blank=True)
    availability = models.CharField(_("availability"), max_length=20, choices=Availability.choices)
    current_version = models.CharField(_("current version"), max_length=60, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    how_to_obtain = models.TextField(_("how to obtain"), blank=True)
    members_only_notes = models.TextField(
        _("notes for vetted members"),
        blank=True,
        help_text=_("Contacts, deployment notes: shown to vetted members only, never to the public."),
    )

    multiple_choice_fields = {
        "platforms": Platform.choices,
        "interface_languages": settings.LANGUAGES,
    }
    base_form_class = MultipleChoicePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("maintainer"),
                FieldPanel("licence_and_cost"),
                FieldPanel("availability"),
                FieldPanel("platforms"),
                FieldPanel("interface_languages"),
                FieldPanel("current_version"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("how_to_obtain"),
        FieldPanel("body"),
        FieldPanel("members_only_notes"),
        InlinePanel("attachments", label=_("Attachments")),
        *KnowledgeItemPage.metadata_panels,
    ]
    fixed_kind = Kind.SOFTWARE
    # Never `members_only_notes`: the page is public, the notes are not.
    search_text_fields = ("summary", "purpose", "maintainer", "licence_and_cost", "how_to_obtain", "body")

    class Meta:
        verbose_name = _("software tool")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shows_members_section"] = is_vetted_member(request.user)
        return context

    def platform_labels(self):
        labels = dict(Platform.choices)
        return [labels[value] for value in self.platforms if value in labels]

    def interface_language_labels(self):
        labels = dict(self.multiple_choice_fields["interface_languages"])
        return [labels[value] for value in self.interface_languages if value in labels]
