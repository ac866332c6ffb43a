from django.db.models import Q
from django.utils import timezone

from portal.accounts import VETTED_MEMBERS_GROUP

from .models import ApplicationStatus, ExpertProfile, Membership, MembershipApplication, MembershipStatus


def applications_to_review():
    return MembershipApplication.objects.filter(
        status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED]
    ).select_related("user")


def renewals_to_review():
    return Membership.objects.filter(status=MembershipStatus.ACTIVE, renewal_requested_at__isnull=False).select_related(
        "user__expert_profile"
    )


def active_memberships():
    return Membership.objects.filter(status=MembershipStatus.ACTIVE).select_related("user__expert_profile")


def directory_profiles(*, q="", expertise="", country="", language=""):
    """Profiles of vetted members in good standing, searchable and filterable."""
    profiles = ExpertProfile.objects.filter(
        user__is_active=True,
        user__groups__name=VETTED_MEMBERS_GROUP,
        user__membership__status=MembershipStatus.ACTIVE,
        user__membership__expires_at__gt=timezone.now(),
    )
    if q:
        profiles = profiles.filter(
            Q(display_name__icontains=q)
            | Q(organisation__icontains=q)
            | Q(official_role__icontains=q)
            | Q(bio__icontains=q)
        )
    if country:
        profiles = profiles.filter(country=country)
    # JSON list membership, portable across SQLite and PostgreSQL.
    matching = [
        profile
        for profile in profiles.distinct()
        if (not expertise or expertise in profile.expertise) and (not language or language in profile.languages)
    ]
    return matching
