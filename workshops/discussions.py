"""Each session's discussion is a forum topic, in a forum category of its own workshop.

Only the workshop's registered participants (its participants group) read and write there,
with the forum's own writing, sanitising, moderation and notifications; the category is open for
posting while the workshop runs and read-only after it.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from modeltranslation.utils import build_localized_fieldname

from forum.models import Category, Topic
from portal.accounts import FORUM_MODERATORS_GROUP

from .models import WorkshopAudience


def workshop_window(workshop):
    zone = zoneinfo.ZoneInfo(workshop.time_zone)
    opens = datetime.datetime.combine(workshop.starts_on, datetime.time.min, tzinfo=zone)
    closes = datetime.datetime.combine(workshop.ends_on + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return opens, closes


@transaction.atomic
def discussion_prepare(workshop):
    """Creates or updates the workshop's category, participants group and one topic per session."""
    if workshop.participants_group is None:
        workshop.participants_group = Group.objects.create(name=f"Workshop {workshop.pk} participants")
    opens, closes = workshop_window(workshop)
    names = {
        build_localized_fieldname("name", code): getattr(workshop, build_localized_fieldname("title", code)) or ""
        for code, _name in settings.LANGUAGES
    }
    if workshop.discussion_category is None:
        workshop.discussion_category = Category.objects.create(slug=f"workshop-{workshop.pk}", position=100, **names)
    category = workshop.discussion_category
    Category.objects.filter(pk=category.pk).update(
        writable_from=opens,
        writable_until=closes,
        open_to_guests=workshop.audience == WorkshopAudience.VETTED_AND_GUESTS,
        **names,
    )
    for groups in (category.read_groups, category.start_groups, category.reply_groups):
        groups.add(workshop.participants_group)
    category.moderate_groups.add(Group.objects.get_or_create(name=FORUM_MODERATORS_GROUP)[0])
    type(workshop).objects.filter(pk=workshop.pk).update(
        discussion_category=category, participants_group=workshop.participants_group
    )
    for session in workshop.sessions.all():
        if session.discussion_topic_id is None:
            topic = Topic.objects.create(category=category, title=session.title, language=settings.LANGUAGE_CODE)
            type(session).objects.filter(pk=session.pk).update(discussion_topic=topic)
        else:
            Topic.objects.filter(pk=session.discussion_topic_id).update(title=session.title)


def participant_add(workshop, user):
    if workshop.participants_group_id:
        user.groups.add(workshop.participants_group_id)


def participant_remove(workshop, user):
    if workshop.participants_group_id:
        user.groups.remove(workshop.participants_group_id)
