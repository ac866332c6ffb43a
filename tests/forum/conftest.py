from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from forum.models import Category, Notification
from forum.services import post_create, topic_create
from portal.accounts import FORUM_MODERATORS_GROUP, VETTED_MEMBERS_GROUP
from tests.members import make_member


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
