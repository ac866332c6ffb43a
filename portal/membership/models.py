"""Membership of vetted law-enforcement experts: application, vetting, membership, expert profile.

The way in: a registered user applies (`MembershipApplication`), reviewers vet the application
(`VettingDecision`), approval grants a `Membership` for a period and an `ExpertProfile` for the
experts directory. `portal.access` asks `Membership` whether a member is in good standing.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExpertiseArea(models.TextChoices):
    VICTIM_IDENTIFICATION = "victim-identification", _("Victim identification")
    DIGITAL_FORENSICS = "digital-forensics", _("Digital forensics")
    ONLINE_INVESTIGATION = "online-investigation", _("Online and undercover investigation")
    PROSECUTION = "prosecution", _("Prosecution")
    HOTLINE_ANALYSIS = "hotline-analysis", _("Hotline analysis")
    LEGISLATION = "legislation", _("Legislation and policy")
    PREVENTION = "prevention", _("Prevention and victim support")
    INTERNATIONAL_COOPERATION = "international-cooperation", _("International cooperation")


# What an applicant tells the reviewers: the application form's fields, and what they may download.
APPLICATION_FIELDS = [
    "full_name",
    "organisation",
    "official_role",
    "country",
    "official_email",
    "referee_name",
    "referee_email",
    "languages",
    "expertise",
    "justification",
]
PROFILE_FIELDS = [
    "display_name",
    "organisation",
    "official_role",
    "country",
    "languages",
    "expertise",
    "bio",
    "contact_email",
    "share_email",
    "phone",
    "share_phone",
]


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, waiting for review")
    INFO_REQUESTED = "info-requested", _("More information requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class MembershipApplication(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_application"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    official_role = models.CharField(_("official role"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    official_email = models.EmailField(_("official e-mail address"))
    official_email_flagged = models.BooleanField(
        _("e-mail domain not on the official list"), default=False, editable=False
    )
    referee_name = models.CharField(_("referee or supervisor"), max_length=150)
    referee_email = models.EmailField(_("referee's e-mail address"))
    languages = models.JSONField(_("languages"), default=list)
    expertise = models.JSONField(_("areas of expertise"), default=list)
    justification = models.TextField(_("why you need access"))
    language = models.CharField(_("language for messages"), max_length=5, default="en")
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["submitted_at"]
        verbose_name = _("membership application")

    def __str__(self):
        return f"{self.full_name} ({self.get_status_display()})"

    @property
    def is_open(self):
        return self.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED)


class ApplicationMessage(models.Model):
    """A reviewer's question to the applicant, or the applicant's answer."""

    application = models.ForeignKey(MembershipApplication, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_reviewer = models.BooleanField(default=False)
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:60]


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    ASK = "ask", _("Ask for more information")


class VettingDecision(models.Model):
    application = models.ForeignKey(MembershipApplication, on_delete=models.CASCADE, related_name="decisions")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason or question"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.reviewer_id}"


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices)
    approved_at = models.DateTimeField(_("approved at"))
    expires_at = models.DateTimeField(_("expires at"))
    renewal_requested_at = models.DateTimeField(_("renewal requested at"), null=True, blank=True)
    role_confirmation = models.TextField(_("role confirmed by the member"), blank=True)
    reminders_sent = models.JSONField(default=list, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        ordering = ["expires_at"]
        verbose_name = _("membership")

    def __str__(self):
        return f"{self.user} ({self.status})"

    def in_good_standing(self, now=None):
        return self.status == MembershipStatus.ACTIVE and self.expires_at > (now or timezone.now())


class ExpertProfile(models.Model):
    """What other vetted members see in the experts directory; contact details only where the member allows."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    display_name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    official_role = models.CharField(_("official role"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    languages = models.JSONField(_("languages"), default=list)
    expertise = models.JSONField(_("areas of expertise"), default=list)
    bio = models.TextField(_("about me"), blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    share_email = models.BooleanField(_("show my e-mail address to other members"), default=False)
    share_phone = models.BooleanField(_("show my phone number to other members"), default=False)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("expert profile")

    def __str__(self):
        return self.display_name
