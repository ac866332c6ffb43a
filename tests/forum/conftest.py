import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from allauth.mfa.models import Authenticator

from forum.models import Category, Notification
from forum.services import post_create, topic_create
from portal.accounts import FORUM_MODERATORS_GROUP, VETTED_MEMBERS_GROUP
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


@pytest.fixture
def users(demo_site):
    User = get_user_model()
    return {
        **{name: User.objects.get(username=name) for name in ("investigator", "moderator", "applicant", "reviewer")},
        "member": make_member("second.member", display_name="Second Member"),
    }


@pytest.fixture
def category(demo_site):
    vetted = Group.objects.get(name=VETTED_MEMBERS_GROUP)
    category = Category.objects.create(slug="test-methods", name_en="Test methods", name_de="Testmethoden")
    for groups in (category.read_groups, category.start_groups, category.reply_groups):
        groups.add(vetted)
    category.moderate_groups.add(Group.objects.get(name=FORUM_MODERATORS_GROUP))
    return category


@pytest.fixture
def topic(users, category):
    topic = topic_create(
        author=users["investigator"],
        category=category,
        title="Triage of seized devices",
        body="How do you **prioritise** devices?",
        language="en",
    )
    post_create(author=users["member"], topic=topic, body="We start with phones.", language="en")
    Notification.objects.all().delete()  # each test starts with no notification pending
    return topic


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in
