"""Writes of the forum (HackSoftware-style services): topics, posts, moderation, subscriptions, drafts."""

import re

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.audit.models import AuditAction
from portal.audit.services import record_event
from portal.sanitise import render_markdown

from . import permissions
from .models import (
    Attachment,
    Draft,
    Flag,
    ModerationAction,
    Notification,
    Post,
    PostRevision,
    Subscription,
    Suspension,
    Topic,
    TopicReadState,
)
from .tasks import enqueue_emails

MENTION = re.compile(r"(?<![\w@])@([\w.\-]{2,150})")


class RateLimited(Exception):
    pass


def check_rate_limit(user, *, limit, window_seconds):
    """At most `limit` posts per member in `window_seconds` (counted in the shared cache)."""
    key = f"forum-posts:{user.pk}"
    cache.add(key, 0, timeout=window_seconds)
    if cache.incr(key) > limit:
        raise RateLimited


def _create_post(*, topic, author, body, language, attachments=()):
    post = Post.objects.create(
        topic=topic, author=author, body=body, body_html=render_markdown(body), language=language
    )
    for upload, content_type in attachments:
        Attachment.objects.create(
            post=post, file=upload, original_name=upload.name[:200], content_type=content_type, size=upload.size
        )
    Topic.objects.filter(pk=topic.pk).update(post_count=F("post_count") + 1, last_post_at=post.created_at)
    return post


@transaction.atomic
def topic_create(*, author, category, title, body, language, attachments=()):
    topic = Topic.objects.create(category=category, title=title, language=language, author=author)
    post = _create_post(topic=topic, author=author, body=body, language=language, attachments=attachments)
    Subscription.objects.get_or_create(user=author, topic=topic)
    topic_mark_read(user=author, topic=topic)
    _notify(post=post, category_subscribers=True)
    draft_delete(user=author, key=f"category-{category.slug}")
    return topic


@transaction.atomic
def post_create(*, author, topic, body, language, attachments=()):
    post = _create_post(topic=topic, author=author, body=body, language=language, attachments=attachments)
    Subscription.objects.get_or_create(user=author, topic=topic)
    topic_mark_read(user=author, topic=topic)
    _notify(post=post, category_subscribers=False)
    draft_delete(user=author, key=f"topic-{topic.pk}")
    return post


def _notify(*, post, category_subscribers):
    """Replies to topic (and category) subscribers, mentions to those named; only to who may read it."""
    topic = post.topic
    category = topic.category
    notified = {post.author_id}
    notifications = []
    User = get_user_model()
    mentioned = set(MENTION.findall(post.body))
    for user in User.objects.filter(username__in=mentioned).exclude(pk__in=notified):
        if permissions.can(user, permissions.READ, category):
            notifications.append(Notification(user=user, kind=Notification.Kind.MENTION, topic=topic, post=post))
            notified.add(user.pk)
    subscriptions = Subscription.objects.filter(topic=topic)
    if category_subscribers:
        subscriptions = Subscription.objects.filter(topic=topic) | Subscription.objects.filter(category=category)
    for subscription in subscriptions.select_related("user").exclude(user_id__in=notified):
        user = subscription.user
        if user.pk not in notified and permissions.can(user, permissions.READ, category):
            notifications.append(Notification(user=user, kind=Notification.Kind.REPLY, topic=topic, post=post))
            notified.add(user.pk)
    created = Notification.objects.bulk_create(notifications)
    enqueue_emails(created)


def notify_moderation(*, member, topic, post=None):
    if member is not None:
        enqueue_emails(
            [Notification.objects.create(user=member, kind=Notification.Kind.MODERATION, topic=topic, post=post)]
        )


@transaction.atomic
def post_edit(*, post, editor, body):
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    post.body = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    return post


def _moderation(*, moderator, kind, reason, topic=None, post=None, member=None):
    ModerationAction.objects.create(
        moderator=moderator,
        kind=kind,
        reason=reason,
        topic=topic or (post.topic if post else None),
        post=post,
        member=member,
    )


@transaction.atomic
def post_delete(*, post, user, reason=""):
    """Soft deletion: the post disappears for members; moderators can restore it."""
    post.is_deleted = True
    post.save(update_fields=["is_deleted"])
    if user.pk != post.author_id:
        _moderation(moderator=user, kind=ModerationAction.Kind.DELETE, reason=reason, post=post)
        notify_moderation(member=post.author, topic=post.topic, post=post)


@transaction.atomic
def post_hide(*, post, moderator, reason):
    post.is_hidden = True
    post.save(update_fields=["is_hidden"])
    Flag.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=timezone.now(), resolved_by=moderator)
    _moderation(moderator=moderator, kind=ModerationAction.Kind.HIDE, reason=reason, post=post)
    notify_moderation(member=post.author, topic=post.topic, post=post)


@transaction.atomic
def post_restore(*, post, moderator, reason):
    post.is_hidden = post.is_deleted = False
    post.save(update_fields=["is_hidden", "is_deleted"])
    _moderation(moderator=moderator, kind=ModerationAction.Kind.RESTORE, reason=reason, post=post)


@transaction.atomic
def flag_create(*, post, reporter, reason):
    return Flag.objects.create(post=post, reporter=reporter, reason=reason)


@transaction.atomic
def flag_dismiss(*, flag, moderator, reason):
    flag.resolved_at = timezone.now()
    flag.resolved_by = moderator
    flag.save(update_fields=["resolved_at", "resolved_by"])
    _moderation(moderator=moderator, kind=ModerationAction.Kind.DISMISS_FLAG, reason=reason, post=flag.post)


TOPIC_ACTIONS = {
    "lock": ("is_locked", True, ModerationAction.Kind.LOCK),
    "unlock": ("is_locked", False, ModerationAction.Kind.UNLOCK),
    "pin": ("is_pinned", True, ModerationAction.Kind.PIN),
    "unpin": ("is_pinned", False, ModerationAction.Kind.UNPIN),
}


@transaction.atomic
def topic_moderate(*, topic, moderator, action, reason):
    field, value, kind = TOPIC_ACTIONS[action]
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    _moderation(moderator=moderator, kind=kind, reason=reason, topic=topic)


@transaction.atomic
def topic_move(*, topic, moderator, category, reason):
    topic.category = category
    topic.save(update_fields=["category"])
    _moderation(moderator=moderator, kind=ModerationAction.Kind.MOVE, reason=reason, topic=topic)


@transaction.atomic
def member_suspend(*, member, moderator, until, reason, request=None):
    Suspension.objects.create(member=member, until=until, reason=reason, created_by=moderator)
    _moderation(moderator=moderator, kind=ModerationAction.Kind.SUSPEND, reason=reason, member=member)
    record_event(
        action=AuditAction.FORUM_MEMBER_SUSPENDED,
        actor=moderator,
        target=f"member {member.pk}",
        request=request,
        details={"until": until.isoformat(), "reason": reason},
    )


def subscription_toggle(*, user, topic=None, category=None):
    subscription = Subscription.objects.filter(user=user, topic=topic, category=category).first()
    if subscription:
        subscription.delete()
        return False
    Subscription.objects.create(user=user, topic=topic, category=category)
    return True


def topic_mark_read(*, user, topic):
    TopicReadState.objects.update_or_create(user=user, topic=topic, defaults={"read_at": timezone.now()})
    Notification.objects.filter(user=user, topic=topic, read_at__isnull=True).update(read_at=timezone.now())


def draft_save(*, user, key, title="", body=""):
    Draft.objects.update_or_create(user=user, key=key, defaults={"title": title, "body": body})


def draft_delete(*, user, key):
    Draft.objects.filter(user=user, key=key).delete()
