"""Reads of the forum, each in a constant number of queries whatever the number of topics and posts."""

from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery

from . import permissions
from .models import Category, Flag, Notification, Post, Topic, TopicReadState

GROUPS = ["read_groups", "start_groups", "reply_groups", "moderate_groups"]


def categories_with_groups():
    return Category.objects.prefetch_related(*GROUPS)


def categories_visible_to(user):
    """The categories `user` may read, with their counts and latest activity."""
    categories = categories_with_groups().annotate(
        topic_count=Count("topics", filter=Q(topics__is_hidden=False), distinct=True),
        post_total=Count(
            "topics__posts",
            filter=Q(topics__is_hidden=False, topics__posts__is_hidden=False, topics__posts__is_deleted=False),
        ),
        last_post_at=Max("topics__last_post_at", filter=Q(topics__is_hidden=False)),
    )
    return [category for category in categories if permissions.can(user, permissions.READ, category)]


def category_for(user, slug):
    category = categories_with_groups().filter(slug=slug).first()
    return category if category and permissions.can(user, permissions.READ, category) else None


def topic_for(user, pk):
    topic = Topic.objects.select_related("category").prefetch_related(*(f"category__{g}" for g in GROUPS))
    topic = topic.filter(pk=pk).first()
    if topic is None or not permissions.can(user, permissions.READ, topic.category):
        return None
    if topic.is_hidden and not permissions.can(user, permissions.MODERATE, topic.category):
        return None
    return topic


def topics_in(category, user, *, language=""):
    read_at = TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values("read_at")[:1]
    topics = (
        Topic.objects.filter(category=category, is_hidden=False)
        .select_related("author__expert_profile")
        .annotate(read_at=Subquery(read_at))
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )
    if language:
        topics = topics.filter(Q(language=language) | Q(posts__language=language)).distinct()
    return topics


def posts_in(topic, *, language=""):
    posts = (
        Post.objects.filter(topic=topic)
        .select_related("author__expert_profile")
        .prefetch_related("attachments", Prefetch("revisions", to_attr="revision_list"))
        .order_by("created_at", "pk")
    )
    if language:
        posts = posts.filter(language=language)
    return posts


def open_flags_for(user):
    flags = (
        Flag.objects.filter(resolved_at__isnull=True)
        .select_related("post__topic__category", "post__author__expert_profile", "reporter")
        .prefetch_related(*(f"post__topic__category__{g}" for g in GROUPS))
    )
    return [flag for flag in flags if permissions.can(user, permissions.MODERATE, flag.post.topic.category)]


def notifications_for(user):
    notifications = Notification.objects.filter(user=user).select_related("topic__category", "post")
    visible = []
    for notification in notifications.prefetch_related(*(f"topic__category__{g}" for g in GROUPS))[:100]:
        if permissions.can(user, permissions.READ, notification.topic.category):
            visible.append(notification)
    return visible


def unread_notification_count(user):
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
