"""Forum topics and posts in the search, for those who may read their category (the forum's own check)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.page_cache import cached_until_content_changes, drop_cached_pages
from portal.search.registry import Entry, Indexer, audience, register_audience, register_indexer

from . import permissions
from .models import Category, Post, Topic

CATEGORY = "forumcategory"


def entry(obj, *, kind, url_name, topic, post):
    """`obj`, a topic or a post, with the text of `post`, for those who may read the topic's category."""
    with translation.override(obj.language):
        url = reverse(url_name, args=[obj.pk])
    return Entry(
        language=obj.language,
        title=topic.title,
        body=post.body,
        url=url,
        kind=kind,
        date=obj.created_at.date(),
        audiences=[audience(CATEGORY, topic.category_id)],
    )


@register_indexer
class TopicIndexer(Indexer):
    model = Topic
    kinds = {"forum-topic": _("Forum topic")}

    def entries(self, topic):
        first_post = topic.posts.filter(is_hidden=False, is_deleted=False).order_by("created_at", "pk").first()
        if topic.is_hidden or first_post is None:
            return []
        return [entry(topic, kind="forum-topic", url_name="forum:topic", topic=topic, post=first_post)]

    def related_objects(self, topic):
        return topic.posts.all()


@register_indexer
class PostIndexer(Indexer):
    model = Post
    kinds = {"forum-post": _("Forum post")}

    def entries(self, post):
        topic = post.topic
        if post.is_hidden or post.is_deleted or topic.is_hidden:
            return []
        return [entry(post, kind="forum-post", url_name="forum:post", topic=topic, post=post)]

    def related_objects(self, post):
        return [post.topic]  # a topic's document shows its first visible post


def unreadable_categories(user):
    if not user.is_authenticated:  # the forum is for members only: every category
        return cached_until_content_changes(
            "forum-categories", lambda: list(Category.objects.values_list("pk", flat=True))
        )
    categories = Category.objects.prefetch_related("read_groups", "moderate_groups")
    return [category.pk for category in categories if not permissions.can(user, permissions.READ, category)]


register_audience(CATEGORY, unreadable_categories)


def drop_kept_categories_on_commit(sender, **kwargs):
    """A new or deleted category changes the list kept for visitors (`portal.page_cache`)."""
    transaction.on_commit(drop_cached_pages)


post_save.connect(drop_kept_categories_on_commit, sender=Category, dispatch_uid="forum.search.category_saved")
post_delete.connect(drop_kept_categories_on_commit, sender=Category, dispatch_uid="forum.search.category_deleted")
