"""Online workshops run through the portal (Decision 9/07, paragraph 12): programme and registration.

Times are stored in UTC and shown in each visitor's time zone (a member's own, else the
workshop's). Registration is for vetted members; when the workshop is full, registrations wait
in line and are promoted as places free up.
"""

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from portal.pages.models import PortalPage
from portal.storage import PrivateMediaStorage

TIME_ZONES = [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name or name == "UTC"]


class WorkshopIndexPage(PortalPage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]
    max_count = 1

    class Meta:
        verbose_name = _("workshop index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = WorkshopPage.objects.live().public().child_of(self).defer_streamfields().order_by("-starts_on")
        today = timezone.localdate()
        context["upcoming"] = [workshop for workshop in workshops if workshop.ends_on >= today][::-1]
        context["past"] = [workshop for workshop in workshops if workshop.ends_on < today]
        return context


class WorkshopFormat(models.TextChoices):
    ASYNCHRONOUS = "asynchronous", _("Asynchronous discussion")
    LIVE = "live", _("Live sessions")
    BOTH = "both", _("Live sessions and asynchronous discussion")


class WorkshopAudience(models.TextChoices):
    VETTED = "vetted", _("Vetted members")
    VETTED_AND_GUESTS = "vetted-and-guests", _("Vetted members and invited guests")


class WorkshopPage(PortalPage):
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone of the workshop"), max_length=64, choices=TIME_ZONES, default="UTC")
    format = models.CharField(_("format"), max_length=20, choices=WorkshopFormat.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=WorkshopAudience.choices, default=WorkshopAudience.VETTED
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    moderators = models.TextField(_("moderators"), blank=True, help_text=_("Names, one per line."))
    report_recommendations = models.TextField(_("recommendations"), blank=True)
    report_published = models.BooleanField(
        _("publish the report"),
        default=False,
        help_text=_("The public summary shows figures and names only the participants who agreed."),
    )
    # The forum category of the workshop's discussions, and the group of its registered participants.
    discussion_category = models.OneToOneField(
        "forum.Category", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="workshop"
    )
    participants_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("starts_on"),
                FieldPanel("ends_on"),
                FieldPanel("time_zone"),
                FieldPanel("format"),
                FieldPanel("audience"),
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("working_languages"),
                FieldPanel("moderators"),
            ],
            heading=_("Practical details"),
        ),
        InlinePanel("sessions", heading=_("Programme"), label=_("Session")),
        InlinePanel("materials", heading=_("Materials for participants"), label=_("Material")),
        InlinePanel("guests", heading=_("Invited guests"), label=_("Guest")),
        FieldPanel("body"),
    ]
    report_panels = [FieldPanel("report_recommendations"), FieldPanel("report_published")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(report_panels, heading=_("Report")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types = []
    translated_text_fields = ("title", "summary")
    search_kinds = {"workshop": _("Workshop")}
    search_text_fields = ("summary", "intro", "body")

    class Meta:
        verbose_name = _("workshop")

    def search_classification(self):
        return "workshop", self.starts_on, [], []

    @property
    def has_ended(self):
        return self.ends_on < timezone.localdate()

    @property
    def registration_is_open(self):
        return self.registration_opens_at <= timezone.now() < self.registration_closes_at

    def get_context(self, request, *args, **kwargs):
        from .views import workshop_context  # the view module reads these models

        context = super().get_context(request, *args, **kwargs)
        context.update(workshop_context(request, self))
        return context


class WorkshopSession(Orderable):
    page = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    speaker_profile = models.ForeignKey(
        "membership.ExpertProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("speaker from the experts directory"),
    )
    keynote_video_url = models.URLField(_("recorded keynote (video address)"), blank=True)
    keynote_document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_url = models.URLField(
        _("address of the live session"), blank=True, help_text=_("Shown to registered participants only.")
    )
    discussion_topic = models.OneToOneField(
        "forum.Topic", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("speakers"),
        FieldPanel("speaker_profile"),
        FieldPanel("keynote_video_url"),
        FieldPanel("keynote_document"),
        FieldPanel("live_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")

    def __str__(self):
        return self.title


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    workshop = models.ForeignKey(WorkshopPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_registrations")
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["workshop", "user"], name="one_registration_per_member")]

    def __str__(self):
        return f"{self.user_id} → {self.workshop_id}: {self.status}"


def new_calendar_token():
    return secrets.token_urlsafe(32)


class WorkshopPreferences(models.Model):
    """A member's time zone, and the private address of their calendar (a new token revokes the old)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_preferences")
    time_zone = models.CharField(_("your time zone"), max_length=64, choices=TIME_ZONES, default="UTC")
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    def __str__(self):
        return f"workshop preferences of {self.user_id}"


class WorkshopGuest(Orderable):
    """A guest invited by e-mail address when the audience includes invited guests."""

    page = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="guests")
    email = models.EmailField(_("e-mail address"))

    panels = [FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("invited guest")

    def __str__(self):
        return self.email


class WorkshopMaterial(Orderable):
    """A document for registered participants only, kept outside the public media folder."""

    page = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=PrivateMediaStorage(), upload_to="workshops/")

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")

    def __str__(self):
        return self.title


class Evaluation(models.Model):
    """A participant's evaluation of a workshop; their name appears in the public report only with consent."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="evaluation")
    usefulness = models.PositiveSmallIntegerField(_("How useful was the workshop for your work?"))
    organisation = models.PositiveSmallIntegerField(_("How well was it organised?"))
    comments = models.TextField(_("What should the next workshop do better?"), blank=True)
    consent_to_be_named = models.BooleanField(_("My name may appear in the public report"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"evaluation of {self.registration_id}"


def new_certificate_code():
    return secrets.token_hex(6).upper()


class Certificate(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(max_length=20, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.code
