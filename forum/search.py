"""Forum topics and posts in the search, for those who may read their category (the forum's own check)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.search.registry import Entry, Indexer, audience, register_audience, register_indexer

from . import permissions
from .models import Category, Post, Topic

CATEGORY = "forumcategory"


@register_indexer
class TopicIndexer(Indexer):
    model = Topic
    kinds = {"forum-topic": _("Forum topic")}

    def entries(self, topic):
        first_post = topic.posts.filter(is_hidden=False, is_deleted=False).order_by("created_at", "pk").first()
        if topic.is_hidden or first_post is None:
            return []
        with translation.override(topic.language):
            url = reverse("forum:topic", args=[topic.pk])
        return [
            Entry(
                language=topic.language,
                title=topic.title,
                body=first_post.body,
                url=url,
                kind="forum-topic",
                date=topic.created_at.date(),
                audiences=[audience(CATEGORY, topic.category_id)],
            )
        ]

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
        with translation.override(post.language):
            url = reverse("forum:post", args=[post.pk])
        return [
            Entry(
                language=post.language,
                title=topic.title,
                body=post.body,
                url=url,
                kind="forum-post",
                date=post.created_at.date(),
                audiences=[audience(CATEGORY, topic.category_id)],
            )
        ]

    def related_objects(self, post):
        return [post.topic]  # a topic's document shows its first visible post


def unreadable_categories(user):
    categories = Category.objects.prefetch_related("read_groups", "moderate_groups")
    return [category.pk for category in categories if not permissions.can(user, permissions.READ, category)]


register_audience(CATEGORY, unreadable_categories)
