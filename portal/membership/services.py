"""Writes of membership: apply, vet, grant, renew, revoke, expire, remind, export and delete.

Every decision is written to the audit log and e-mailed to the member in their own language,
after the transaction commits: a failing mail server never undoes a decision.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from portal.accounts import VETTED_MEMBERS_GROUP
from portal.audit.models import AuditAction
from portal.audit.services import record_event
from portal.mail import absolute_url, send_templated_email
from portal.personal_data import exported_data

from .models import (
    APPLICATION_FIELDS,
    PROFILE_FIELDS,
    ApplicationMessage,
    ApplicationStatus,
    Decision,
    ExpertProfile,
    Membership,
    MembershipApplication,
    MembershipStatus,
    VettingDecision,
)

logger = logging.getLogger(__name__)


def is_official_email(address):
    domain = address.rsplit("@", 1)[-1].lower()
    return any(domain == official or domain.endswith(f".{official}") for official in settings.OFFICIAL_EMAIL_DOMAINS)


def notify(*, user, template, language, context):
    """E-mail `user` after the transaction commits, rendered in `language`; a failure is logged, not raised."""

    def send():
        try:
            send_templated_email(
                to=user.email,
                template=f"membership/email/{template}",
                language=language,
                context={"user": user, "site_url": settings.WAGTAILADMIN_BASE_URL, **context},
            )
        except Exception:  # the decision stands; the mail is logged for the operators to resend
            logger.exception("Could not send the %s e-mail to user %s", template, user.pk)

    transaction.on_commit(send)


def member_link(name):
    return absolute_url(reverse(name))


@transaction.atomic
def application_submit(*, user, language, request=None, **fields):
    application = MembershipApplication.objects.create(
        user=user,
        language=language,
        official_email_flagged=not is_official_email(fields["official_email"]),
        **fields,
    )
    record_event(
        action=AuditAction.APPLICATION_SUBMITTED, actor=user, target=f"application {application.pk}", request=request
    )
    return application


@transaction.atomic
def application_answer(*, application, text):
    ApplicationMessage.objects.create(application=application, author=application.user, text=text)
    application.status = ApplicationStatus.SUBMITTED
    application.save(update_fields=["status"])


def approvals_by_distinct_reviewers(application):
    return application.decisions.filter(decision=Decision.APPROVE).values("reviewer").distinct().count()


@transaction.atomic
def vetting_decide(*, application, reviewer, decision, reason="", request=None):
    """Record a reviewer's decision; approval grants membership once enough distinct reviewers approved."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    VettingDecision.objects.create(application=application, reviewer=reviewer, decision=decision, reason=reason)
    target = f"application {application.pk}"
    if decision == Decision.APPROVE:
        record_event(action=AuditAction.VETTING_APPROVED, actor=reviewer, target=target, request=request)
        if approvals_by_distinct_reviewers(application) >= settings.MEMBERSHIP_REQUIRED_APPROVALS:
            _application_close(application, ApplicationStatus.APPROVED)
            membership_grant(application=application)
            notify(
                user=application.user,
                template="approved",
                language=application.language,
                context={"link": member_link("membership:home")},
            )
    elif decision == Decision.REJECT:
        record_event(action=AuditAction.VETTING_REJECTED, actor=reviewer, target=target, request=request)
        _application_close(application, ApplicationStatus.REJECTED)
        notify(user=application.user, template="rejected", language=application.language, context={"reason": reason})
    else:
        record_event(action=AuditAction.VETTING_INFO_REQUESTED, actor=reviewer, target=target, request=request)
        ApplicationMessage.objects.create(application=application, author=reviewer, from_reviewer=True, text=reason)
        application.status = ApplicationStatus.INFO_REQUESTED
        application.save(update_fields=["status"])
        notify(
            user=application.user,
            template="info_requested",
            language=application.language,
            context={"link": member_link("membership:home")},
        )
    return application


def _application_close(application, status):
    application.status = status
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])


def membership_period():
    return datetime.timedelta(days=settings.MEMBERSHIP_PERIOD_DAYS)


def membership_grant(*, application):
    user = application.user
    now = timezone.now()
    Membership.objects.update_or_create(
        user=user,
        defaults={
            "status": MembershipStatus.ACTIVE,
            "approved_at": now,
            "expires_at": now + membership_period(),
            "renewal_requested_at": None,
            "reminders_sent": [],
        },
    )
    user.groups.add(Group.objects.get_or_create(name=VETTED_MEMBERS_GROUP)[0])
    ExpertProfile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": application.full_name,
            "organisation": application.organisation,
            "official_role": application.official_role,
            "country": application.country,
            "languages": application.languages,
            "expertise": application.expertise,
            "contact_email": application.official_email,
        },
    )


@transaction.atomic
def membership_request_renewal(*, membership, role_confirmation):
    membership.role_confirmation = role_confirmation
    membership.renewal_requested_at = timezone.now()
    membership.save(update_fields=["role_confirmation", "renewal_requested_at"])


@transaction.atomic
def membership_renew(*, membership, reviewer, request=None):
    now = timezone.now()
    membership.expires_at = max(now, membership.expires_at) + membership_period()
    membership.status = MembershipStatus.ACTIVE
    membership.renewal_requested_at = None
    membership.reminders_sent = []
    membership.save()
    membership.user.groups.add(Group.objects.get_or_create(name=VETTED_MEMBERS_GROUP)[0])
    record_event(
        action=AuditAction.MEMBERSHIP_RENEWED, actor=reviewer, target=f"member {membership.user_id}", request=request
    )
    notify(
        user=membership.user,
        template="renewed",
        language=member_language(membership.user),
        context={"expires_at": membership.expires_at},
    )


@transaction.atomic
def membership_revoke(*, membership, reviewer, reason, request=None):
    """Takes effect at once, for sessions already open too: access is checked on every request."""
    membership.status = MembershipStatus.REVOKED
    membership.revoked_reason = reason
    membership.save(update_fields=["status", "revoked_reason"])
    membership.user.groups.remove(*Group.objects.filter(name=VETTED_MEMBERS_GROUP))
    record_event(
        action=AuditAction.MEMBERSHIP_REVOKED,
        actor=reviewer,
        target=f"member {membership.user_id}",
        request=request,
        details={"reason": reason},
    )
    notify(user=membership.user, template="revoked", language=member_language(membership.user), context={})


def member_language(user):
    application = MembershipApplication.objects.filter(user=user).first()
    return application.language if application else settings.LANGUAGE_CODE


@transaction.atomic
def memberships_expire(*, now=None):
    """Marks memberships past their date as expired (access already ended at that moment)."""
    now = now or timezone.now()
    expired = list(
        Membership.objects.filter(status=MembershipStatus.ACTIVE, expires_at__lte=now).select_related("user")
    )
    vetted = Group.objects.filter(name=VETTED_MEMBERS_GROUP)
    for membership in expired:
        membership.status = MembershipStatus.EXPIRED
        membership.save(update_fields=["status"])
        membership.user.groups.remove(*vetted)
        record_event(action=AuditAction.MEMBERSHIP_EXPIRED, target=f"member {membership.user_id}")
        notify(user=membership.user, template="expired", language=member_language(membership.user), context={})
    return expired


@transaction.atomic
def membership_send_reminders(*, now=None):
    """One reminder per configured number of days before expiry (e.g. 30 and 7 days before)."""
    now = now or timezone.now()
    sent = []
    for days in sorted(settings.MEMBERSHIP_REMINDER_DAYS, reverse=True):
        due = Membership.objects.filter(
            status=MembershipStatus.ACTIVE, expires_at__gt=now, expires_at__lte=now + datetime.timedelta(days=days)
        ).select_related("user")
        for membership in due:
            if days in membership.reminders_sent or any(d < days for d in membership.reminders_sent):
                continue
            membership.reminders_sent = [*membership.reminders_sent, days]
            membership.save(update_fields=["reminders_sent"])
            notify(
                user=membership.user,
                template="reminder",
                language=member_language(membership.user),
                context={"expires_at": membership.expires_at, "link": member_link("membership:renew")},
            )
            sent.append(membership)
    return sent


def account_export(user):
    """Everything the portal holds about `user`, for the member to download."""
    application = MembershipApplication.objects.filter(user=user).first()
    membership = Membership.objects.filter(user=user).first()
    profile = ExpertProfile.objects.filter(user=user).first()
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
        },
        "application": application
        and {field: getattr(application, field) for field in [*APPLICATION_FIELDS, "status"]}
        | {
            "submitted_at": application.submitted_at.isoformat(),
            "messages": [
                {"from_reviewer": message.from_reviewer, "text": message.text, "at": message.created_at.isoformat()}
                for message in application.messages.all()
            ],
        },
        "membership": membership
        and {
            "status": membership.status,
            "approved_at": membership.approved_at.isoformat(),
            "expires_at": membership.expires_at.isoformat(),
        },
        "expert_profile": profile and {field: getattr(profile, field) for field in PROFILE_FIELDS},
        **exported_data(user),
    }


@transaction.atomic
def account_delete(*, user, request=None):
    """Deletes the account and everything personal; forum posts stay, shown as by a former member."""
    record_event(action=AuditAction.ACCOUNT_DELETED, actor=user, target=f"user {user.pk}", request=request)
    user.delete()
