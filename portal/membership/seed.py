"""Demo memberships: `investigator` vetted with a second factor, `applicant` with a pending application."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from portal.accounts import DEMO_ACCOUNTS
from portal.demo import register_seeder

from .models import ApplicationStatus, Decision, MembershipApplication, VettingDecision
from .services import membership_grant

# A fixed, public demo secret, printed by seed_demo so that a person can add it to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPDEMOPORTALOSCE22"  # noqa: S105

INVESTIGATOR_APPLICATION = {
    "full_name": "Ina Vestigatorin",
    "organisation": "Sample national police, cybercrime unit (demo)",
    "official_role": "Detective inspector, online child protection",
    "country": "AT",
    "official_email": "investigator@police.example",
    "referee_name": "Head of unit (demo)",
    "referee_email": "head-of-unit@police.example",
    "languages": ["de", "en"],
    "expertise": ["victim-identification", "digital-forensics"],
    "justification": "Demo account: investigates the online sexual exploitation of children.",
    "language": "en",
}
MODERATOR_APPLICATION = {
    "full_name": "Morgan Moderator",
    "organisation": "Sample national centre against child exploitation (demo)",
    "official_role": "Forum moderator, senior analyst",
    "country": "NL",
    "official_email": "moderator@police.example",
    "referee_name": "Head of centre (demo)",
    "referee_email": "head-of-centre@police.example",
    "languages": ["en", "de", "fr"],
    "expertise": ["hotline-analysis", "international-cooperation"],
    "justification": "Demo account: moderates the expert forum.",
    "language": "en",
}
APPLICANT_APPLICATION = {
    "full_name": "Alex Applicant",
    "organisation": "Sample prosecutor's office (demo)",
    "official_role": "Public prosecutor",
    "country": "FR",
    "official_email": "applicant@example.org",
    "referee_name": "Chief prosecutor (demo)",
    "referee_email": "chief@prosecutor.example",
    "languages": ["fr", "en"],
    "expertise": ["prosecution", "legislation"],
    "justification": "Demo account: a pending application waiting for a reviewer.",
    "language": "fr",
}


def ensure_vetted_member(user, application_data, reviewer):
    """An application approved a month ago by `reviewer`, and the membership it granted."""
    if MembershipApplication.objects.filter(user=user).exists():
        return
    application = MembershipApplication.objects.create(
        user=user,
        status=ApplicationStatus.APPROVED,
        submitted_at=timezone.now() - datetime.timedelta(days=30),
        decided_at=timezone.now() - datetime.timedelta(days=29),
        **application_data,
    )
    VettingDecision.objects.create(application=application, reviewer=reviewer, decision=Decision.APPROVE)
    membership_grant(application=application)


@register_seeder(order=15, name="memberships")
def seed_demo_memberships():
    User = get_user_model()
    for username, *_rest in DEMO_ACCOUNTS:
        user = User.objects.get(username=username)
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    reviewer = User.objects.get(username="reviewer")
    for username, application_data in (
        ("investigator", INVESTIGATOR_APPLICATION),
        ("moderator", MODERATOR_APPLICATION),
    ):
        member = User.objects.get(username=username)
        ensure_vetted_member(member, application_data, reviewer)
        if not Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(member, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(member)
    applicant = User.objects.get(username="applicant")
    if not MembershipApplication.objects.filter(user=applicant).exists():
        MembershipApplication.objects.create(user=applicant, **APPLICANT_APPLICATION)
    return [f"TOTP secret of investigator and moderator (add it to an authenticator app): {DEMO_TOTP_SECRET}"]
