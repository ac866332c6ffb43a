"""A member posts, another quotes the post, and the first receives the notification."""

import pytest

from forum.models import Topic

pytestmark = pytest.mark.browser


def test_post_quote_and_notification(log_in_browser, seeded_live_server):
    base = seeded_live_server.url
    topic = Topic.objects.filter(is_locked=False, is_pinned=False).order_by("pk").first()

    investigator = log_in_browser("investigator")
    investigator.goto(f"{base}/en/forum/topics/{topic.pk}/")
    investigator.fill("#id_body", "We triage phones first, then laptops, then storage media.")
    investigator.get_by_role("button", name="Post reply").click()
    assert investigator.get_by_text("We triage phones first, then laptops, then storage media.").is_visible()

    moderator = log_in_browser("moderator")
    moderator.goto(f"{base}/en/forum/topics/{topic.pk}/?page=last")
    moderator.locator("article.post").last.get_by_role("link", name="Quote").click()
    assert "> We triage phones first" in moderator.locator("#id_body").input_value()
    moderator.locator("#id_body").press("End")
    moderator.locator("#id_body").type("Agreed: the same order works for us.")
    moderator.get_by_role("button", name="Post reply").click()
    assert (
        moderator.locator("article.post").last.locator("blockquote").inner_text().startswith("We triage phones first")
    )

    investigator.goto(f"{base}/en/forum/notifications/")
    notification = investigator.locator(".notifications li").first
    assert "New reply" in notification.inner_text()
    assert topic.title in notification.inner_text()
