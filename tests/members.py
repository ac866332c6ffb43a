"""Members made for tests: vetted or not, with or without a second factor."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from allauth.mfa.models import Authenticator

from portal.accounts import VETTED_MEMBERS_GROUP
from portal.membership.models import ExpertProfile, Membership, MembershipStatus


def make_member(username, *, vetted=True, second_factor=True, display_name=None):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org", password="x" * 16)
    if vetted:
        now = timezone.now()
        Membership.objects.create(
            user=user, status=MembershipStatus.ACTIVE, approved_at=now, expires_at=now + datetime.timedelta(days=30)
        )
        user.groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    if second_factor:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    if display_name:
        ExpertProfile.objects.create(
            user=user, display_name=display_name, organisation="Test", official_role="Test", country="DE"
        )
    return user
