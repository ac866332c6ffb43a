"""What the fault drills share: a forum topic in a category of vetted members, and replies through the form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from forum.models import Category, Notification
from forum.services import topic_create
from portal.accounts import VETTED_MEMBERS_GROUP


@pytest.fixture
def topic(demo_site):
    """A topic of the investigator's, who is subscribed to it and hears of every reply."""
    vetted = Group.objects.get(name=VETTED_MEMBERS_GROUP)
    category = Category.objects.create(slug="drills", name_en="Drills")
    for groups in (category.read_groups, category.start_groups, category.reply_groups):
        groups.add(vetted)
    topic = topic_create(
        author=get_user_model().objects.get(username="investigator"),
        category=category,
        title="Keeping evidence when a service is down",
        body="What do you do first?",
        language="en",
    )
    Notification.objects.all().delete()
    return topic


@pytest.fixture
def reply():
    """Posts a reply through the topic page's form, as a member's browser does."""

    def post_reply(client, topic, body):
        return client.post(reverse("forum:topic", args=[topic.pk]), {"body": body, "language": "en"})

    return post_reply
