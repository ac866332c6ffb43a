"""Background e-mail of forum notifications (django-tasks; the database backend in production).

E-mail leaves the platform, so it carries no post text: only the topic's title (unless
FORUM_EMAIL_INCLUDE_TITLE is off) and a link. A notification is marked `emailed_at` only once
its mail went out. A mail that fails is retried by the task queue after 1, 5 and 30 minutes
(where the backend can defer tasks, as the database backend can); `manage.py forum_email` sends
the digests and retries whatever is still pending after that.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from portal.mail import absolute_url, send_templated_email

from .models import EmailMode, ForumPreferences, Notification

logger = logging.getLogger(__name__)

RETRY_DELAYS = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 30)]


def preferences_of(user):
    return ForumPreferences.objects.get_or_create(user=user)[0]


def _send(user, notifications, language):
    # Labels and links are made in the member's language, like the rest of the e-mail.
    with translation.override(language):
        items = [
            {
                "kind": notification.get_kind_display(),
                "title": notification.topic.title if settings.FORUM_EMAIL_INCLUDE_TITLE else "",
                "link": absolute_url(reverse("forum:topic", args=[notification.topic_id])),
            }
            for notification in notifications
        ]
        settings_link = absolute_url(reverse("forum:preferences"))
    send_templated_email(
        to=user.email,
        template="forum/email/notification",
        language=language,
        context={"items": items, "digest": len(items) > 1, "settings_link": settings_link},
    )
    Notification.objects.filter(pk__in=[notification.pk for notification in notifications]).update(
        emailed_at=timezone.now()
    )


@task()
def email_notification(notification_id, attempt=0):
    notification = Notification.objects.select_related("user", "topic").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at:
        return
    preferences = preferences_of(notification.user)
    if preferences.email_mode != EmailMode.IMMEDIATE:
        return
    try:
        _send(notification.user, [notification], preferences.language)
    except Exception:
        if attempt < len(RETRY_DELAYS) and email_notification.get_backend().supports_defer:
            retry_at = timezone.now() + RETRY_DELAYS[attempt]
            email_notification.using(run_after=retry_at).enqueue(notification_id, attempt + 1)
        raise


def enqueue_emails(notifications):
    for notification in notifications:
        transaction.on_commit(lambda pk=notification.pk: email_notification.enqueue(pk))


def send_pending(*, mode):
    """Send what is pending for members of `mode` (digest: all at once; immediate: retries)."""
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
        .filter(user__forum_preferences__email_mode=mode)
        .select_related("user", "topic", "user__forum_preferences")
        .order_by("user_id", "created_at")
    )
    by_user = {}
    for notification in pending:
        by_user.setdefault(notification.user, []).append(notification)
    sent = failed = 0
    for user, notifications in by_user.items():
        try:
            _send(user, notifications, user.forum_preferences.language)
            sent += 1
        except Exception:  # the notifications stay pending and are retried on the next run
            logger.exception("Could not e-mail forum notifications to user %s", user.pk)
            failed += 1
    return sent, failed
