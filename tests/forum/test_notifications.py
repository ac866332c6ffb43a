"""Subscriptions, in-portal notifications, e-mail at once or as a daily digest (no post text), unread markers."""

from django.core import mail
from django.core.management import call_command

import pytest

from forum.models import EmailMode, ForumPreferences, Notification
from forum.services import post_create

pytestmark = pytest.mark.usefixtures("demo_site")


def reply(topic, author, body="A new reply with a confidential detail."):
    return post_create(author=author, topic=topic, body=body, language="en")


def test_a_reply_notifies_subscribers_in_the_portal_and_by_email_without_post_text(users, topic, on_commit):
    with on_commit():
        reply(topic, users["member"])

    notification = Notification.objects.get(user=users["investigator"], kind="reply")
    assert notification.topic == topic
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [users["investigator"].email]
    assert topic.title in message.body
    assert f"/en/forum/topics/{topic.pk}/" in message.body
    assert "confidential detail" not in message.body + message.subject
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_setting_withholds_the_topic_title_from_emails(users, topic, on_commit, settings):
    settings.FORUM_EMAIL_INCLUDE_TITLE = False

    with on_commit():
        reply(topic, users["member"])

    assert topic.title not in mail.outbox[0].body


def test_email_is_in_the_members_language(users, topic, on_commit):
    ForumPreferences.objects.create(user=users["investigator"], language="de")

    with on_commit():
        reply(topic, users["member"])

    assert mail.outbox[0].subject == "Neue Aktivität im Expertenforum"
    assert f"/de/forum/topics/{topic.pk}/" in mail.outbox[0].body


def test_digest_members_get_one_daily_email(users, topic, on_commit):
    ForumPreferences.objects.create(user=users["investigator"], email_mode=EmailMode.DIGEST)
    with on_commit():
        reply(topic, users["member"])
        reply(topic, users["member"], "Second")
    assert mail.outbox == []

    call_command("forum_email", "--digest", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count(f"/en/forum/topics/{topic.pk}/") == 2
    assert not Notification.objects.filter(user=users["investigator"], emailed_at__isnull=True).exists()


def test_a_failing_mail_server_loses_no_notification(users, topic, on_commit, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("portal.mail.send_mail", refuse)
    with on_commit():
        post = reply(topic, users["member"])  # the task fails; the post and its notification stay
    assert post.pk and mail.outbox == []
    assert Notification.objects.filter(user=users["investigator"], emailed_at__isnull=True).count() == 1

    monkeypatch.undo()
    call_command("forum_email", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    assert not Notification.objects.filter(user=users["investigator"], emailed_at__isnull=True).exists()


def test_category_subscribers_hear_of_new_topics(login, users, category, on_commit):
    login(users["member"]).post(f"/en/forum/subscriptions/category/{category.pk}/", {"next": "/en/forum/"})

    with on_commit():
        login(users["investigator"]).post(
            f"/en/forum/{category.slug}/new/", {"title": "New question", "body": "Body", "language": "en"}
        )

    assert Notification.objects.filter(user=users["member"], topic__title="New question").exists()


def test_unsubscribed_members_are_not_notified(login, users, topic):
    login(users["investigator"]).post(f"/en/forum/subscriptions/topic/{topic.pk}/", {"next": "/en/forum/"})

    reply(topic, users["member"])

    assert not Notification.objects.filter(user=users["investigator"]).exists()


def test_unread_markers_per_member(login, users, topic, category):
    client = login(users["investigator"])
    client.get(f"/en/forum/topics/{topic.pk}/")
    assert ">New</span>" not in client.get(f"/en/forum/{category.slug}/").content.decode()

    reply(topic, users["member"])

    assert ">New</span>" in client.get(f"/en/forum/{category.slug}/").content.decode()
    client.get(f"/en/forum/topics/{topic.pk}/")
    assert ">New</span>" not in client.get(f"/en/forum/{category.slug}/").content.decode()


def test_notifications_page_lists_them_and_reading_the_topic_marks_them_read(login, users, topic):
    reply(topic, users["member"])
    client = login(users["investigator"])

    html = client.get("/en/forum/notifications/").content.decode()
    assert "New reply" in html and topic.title in html

    client.get(f"/en/forum/topics/{topic.pk}/")
    assert not Notification.objects.filter(user=users["investigator"], read_at__isnull=True).exists()


def test_members_choose_immediate_digest_or_no_email(login, users):
    client = login(users["investigator"])

    client.post("/en/forum/settings/", {"email_mode": "digest", "language": "fr"})

    preferences = ForumPreferences.objects.get(user=users["investigator"])
    assert (preferences.email_mode, preferences.language) == ("digest", "fr")
