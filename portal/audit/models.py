"""The audit log: who did what, when and from where, kept for administrators and never rewritten.

Required of the portal: "Audit log, append-only and visible to administrators: vetting decisions,
renewals and revocations, log-ins and failed log-ins, MFA changes, downloads of restricted
documents — who, what, when, from where." Rows are written through `services.record_event` and
refuse every change or deletion through the ORM.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit event."""

    def __init__(self, message="Audit events are append-only: they can be recorded, never changed or deleted."):
        super().__init__(message)


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login-failed", _("Failed log-in")
    LOGOUT = "logout", _("Logged out")
    MFA_ADDED = "mfa-added", _("Two-factor method added")
    MFA_REMOVED = "mfa-removed", _("Two-factor method removed")
    MFA_RESET = "mfa-reset", _("Recovery codes regenerated")
    APPLICATION_SUBMITTED = "application-submitted", _("Membership application submitted")
    VETTING_APPROVED = "vetting-approved", _("Application approved")
    VETTING_REJECTED = "vetting-rejected", _("Application rejected")
    VETTING_INFO_REQUESTED = "vetting-info-requested", _("More information requested")
    MEMBERSHIP_RENEWED = "membership-renewed", _("Membership renewed")
    MEMBERSHIP_REVOKED = "membership-revoked", _("Membership revoked")
    MEMBERSHIP_EXPIRED = "membership-expired", _("Membership expired")
    ACCOUNT_DELETED = "account-deleted", _("Account deleted")
    DOCUMENT_DOWNLOADED = "document-downloaded", _("Restricted document downloaded")
    FORUM_ATTACHMENT_DOWNLOADED = "forum-attachment-downloaded", _("Forum attachment downloaded")
    FORUM_MEMBER_SUSPENDED = "forum-member-suspended", _("Member suspended from the forum")


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError()

    def delete(self):
        raise AppendOnlyError()


class AuditEvent(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The account is kept as a link while it exists; `actor_label` keeps the name once it is deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60, choices=AuditAction.choices)
    target = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "-created_at"], name="audit_event_action_idx")]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        when = f"{self.created_at:%Y-%m-%d %H:%M:%S}" if self.created_at else "unsaved"
        who = self.actor_label or "anonymous"
        return f"{when} {who} {self.action} {self.target}".rstrip()

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError()
