"""Drill: the mail server refuses connections. A reply is saved and its notification kept unsent; once the
server works, `manage.py forum_email` sends it, exactly once."""

import io
import socket

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from forum.models import Notification, Post
from forum.tasks import email_notification
from tests.members import make_member

pytestmark = pytest.mark.usefixtures("demo_site")


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the probe is closed: nothing listens there


def forum_email():
    output = io.StringIO()
    call_command("forum_email", stdout=output)
    return output.getvalue().strip()


@pytest.fixture
def email_task_outcomes():
    outcomes = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "email_notification":
            outcomes.append(task_result.status)

    task_finished.connect(record)
    yield outcomes
    task_finished.disconnect(record)


def test_a_failing_mail_server_delays_notifications_but_loses_none(
    client, settings, topic, reply, on_commit, email_task_outcomes
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    client.force_login(make_member("drill.member"))

    with on_commit():  # the e-mail task runs after the commit, and fails
        response = reply(client, topic, "The reply whose notice cannot be mailed yet.")

    assert response.status_code == 302
    assert email_task_outcomes == [TaskResultStatus.FAILED]
    assert Post.objects.filter(topic=topic, body="The reply whose notice cannot be mailed yet.").count() == 1
    pending = Notification.objects.get(topic=topic, user=topic.author, kind=Notification.Kind.REPLY)
    assert pending.emailed_at is None, "not marked as e-mailed while the server refuses"
    assert forum_email() == "E-mails sent: 0; failed and kept for the next run: 1"  # still down: kept again

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server works again
    first_retry, second_retry = forum_email(), forum_email()

    assert (first_retry, second_retry) == (
        "E-mails sent: 1; failed and kept for the next run: 0",
        "E-mails sent: 0; failed and kept for the next run: 0",
    )
    assert [message.to for message in mail.outbox] == [[topic.author.email]]
    assert f"/en/forum/topics/{topic.pk}/" in mail.outbox[0].body
    pending.refresh_from_db()
    assert pending.emailed_at is not None
    print("Mail server down: the reply was saved, its notice kept, and sent once when the server was back")


def test_the_task_queue_retries_a_failed_mail_later_and_sends_it_once(
    client, settings, topic, reply, on_commit, email_task_outcomes
):
    # A backend that defers tasks, as the database backend of production does; it records, not runs.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    client.force_login(make_member("drill.queue"))
    with on_commit():
        reply(client, topic, "The reply whose notice the queue retries.")
    notification = Notification.objects.get(topic=topic, user=topic.author, kind=Notification.Kind.REPLY)
    backend = email_notification.get_backend()
    queued_first = backend.results[-1]

    with pytest.raises(OSError):  # the worker runs the queued task while the server refuses
        email_notification.call(*queued_first.args)
    retry = backend.results[-1]

    assert retry.args == [notification.pk, 1]
    assert retry.task.run_after > timezone.now()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server works again
    email_notification.call(*retry.args)
    email_notification.call(*retry.args)  # a retry that runs twice sends nothing more
    assert [message.to for message in mail.outbox] == [[topic.author.email]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    print("Mail server down: the task queue scheduled a retry, which sent the notice once the server was back")
