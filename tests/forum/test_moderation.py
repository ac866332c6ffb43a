"""Members flag; moderators work the queue: hide, restore, lock, pin, move, suspend — each logged with its reason."""

from django.contrib.auth.models import Group

import pytest

from forum.models import Category, Flag, ModerationAction, Notification

pytestmark = pytest.mark.usefixtures("demo_site")


def test_a_member_flags_a_post_and_the_moderator_sees_it_in_the_queue(login, users, topic):
    post = topic.posts.last()
    login(users["investigator"]).post(f"/en/forum/posts/{post.pk}/flag/", {"reason": "Could identify a victim."})

    html = login(users["moderator"]).get("/en/forum/moderation/").content.decode()

    assert "Could identify a victim." in html
    assert "We start with phones." in html


def test_the_queue_is_refused_to_members_who_moderate_nothing(login, users):
    assert login(users["member"]).get("/en/forum/moderation/").status_code == 403


def test_hiding_a_flagged_post_resolves_the_flag_logs_it_and_tells_the_author(login, users, topic):
    post = topic.posts.last()
    Flag.objects.create(post=post, reporter=users["investigator"], reason="check")
    client = login(users["moderator"])

    client.post(f"/en/forum/posts/{post.pk}/hide/", {"reason": "Victim detail."})

    post.refresh_from_db()
    assert post.is_hidden
    assert not Flag.objects.filter(post=post, resolved_at__isnull=True).exists()
    assert ModerationAction.objects.get(kind="hide", post=post).reason == "Victim detail."
    assert Notification.objects.filter(user=users["member"], kind="moderation").exists()
    assert (
        "We start with phones."
        not in login(users["investigator"]).get(f"/en/forum/topics/{topic.pk}/").content.decode()
    )


def test_a_moderator_action_without_a_reason_is_refused(login, users, topic):
    post = topic.posts.last()

    response = login(users["moderator"]).post(f"/en/forum/posts/{post.pk}/hide/", {"reason": ""})

    assert response.status_code == 200
    post.refresh_from_db()
    assert not post.is_hidden


def test_members_cannot_use_moderator_actions(login, users, topic):
    post = topic.posts.last()
    client = login(users["investigator"])

    assert client.post(f"/en/forum/posts/{post.pk}/hide/", {"reason": "x"}).status_code == 403
    assert client.post(f"/en/forum/topics/{topic.pk}/lock/", {"reason": "x"}).status_code == 403
    topic.refresh_from_db()
    assert not topic.is_locked


@pytest.mark.parametrize(("action", "field", "value"), [("lock", "is_locked", True), ("pin", "is_pinned", True)])
def test_lock_and_pin(login, users, topic, action, field, value):
    login(users["moderator"]).post(f"/en/forum/topics/{topic.pk}/{action}/", {"reason": "Housekeeping."})

    topic.refresh_from_db()
    assert getattr(topic, field) is value
    assert ModerationAction.objects.filter(kind=action, topic=topic, reason="Housekeeping.").exists()


def test_a_locked_topic_takes_no_reply_from_members(login, users, topic):
    topic.is_locked = True
    topic.save()
    client = login(users["member"])

    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Late reply", "language": "en"})

    assert response.status_code == 403
    assert "This topic is locked" in client.get(f"/en/forum/topics/{topic.pk}/").content.decode()


def test_pinned_topics_come_first(login, users, topic, category):
    from forum.services import topic_create

    newer = topic_create(author=users["member"], category=category, title="Newer topic", body="x", language="en")
    topic.is_pinned = True
    topic.save()

    html = login(users["investigator"]).get(f"/en/forum/{category.slug}/").content.decode()

    assert html.index(topic.title) < html.index(newer.title)


def test_moving_a_topic(login, users, topic):
    target = Category.objects.create(slug="elsewhere", name_en="Elsewhere")
    target.read_groups.add(Group.objects.get(name="Vetted members"))
    target.moderate_groups.add(Group.objects.get(name="Forum moderators"))

    login(users["moderator"]).post(
        f"/en/forum/topics/{topic.pk}/move/", {"category": target.pk, "reason": "Wrong place."}
    )

    topic.refresh_from_db()
    assert topic.category == target
    assert ModerationAction.objects.filter(kind="move", topic=topic).exists()


def test_suspending_a_member_stops_posting_for_the_period(login, users, topic):
    post = topic.posts.last()
    login(users["moderator"]).post(f"/en/forum/posts/{post.pk}/suspend-author/", {"days": 7, "reason": "Repeated."})

    from django.test import Client

    member = Client()
    member.force_login(users["member"])
    response = member.post(f"/en/forum/topics/{topic.pk}/", {"body": "Still here", "language": "en"})

    assert response.status_code == 403
    assert member.get(f"/en/forum/topics/{topic.pk}/").status_code == 200
    assert ModerationAction.objects.get(kind="suspend").reason == "Repeated."


def test_dismissing_a_flag_is_logged(login, users, topic):
    flag = Flag.objects.create(post=topic.posts.last(), reporter=users["investigator"], reason="check")

    login(users["moderator"]).post(f"/en/forum/moderation/flags/{flag.pk}/dismiss/", {"reason": "Nothing wrong."})

    flag.refresh_from_db()
    assert flag.resolved_by == users["moderator"]
    assert ModerationAction.objects.get(kind="dismiss-flag").reason == "Nothing wrong."


def test_the_moderation_link_is_shown_to_moderators_only(login, users, category):
    assert "/en/forum/moderation/" in login(users["moderator"]).get("/en/forum/").content.decode()
    assert "/en/forum/moderation/" not in login(users["member"]).get("/en/forum/").content.decode()
