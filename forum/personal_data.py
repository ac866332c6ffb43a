from portal.personal_data import register_exporter

from .models import Post, Subscription


@register_exporter("forum")
def export_forum_data(user):
    return {
        "posts": [
            {"topic": post.topic.title, "language": post.language, "text": post.body, "at": post.created_at.isoformat()}
            for post in Post.objects.filter(author=user).select_related("topic")
        ],
        "subscriptions": [
            str(subscription.topic or subscription.category)
            for subscription in Subscription.objects.filter(user=user).select_related("topic", "category")
        ],
    }
