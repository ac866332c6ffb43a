"""Markdown sanitised on a strict allowlist, preview, quoting, mentions, drafts, edits with history, soft deletion."""

import pytest

from forum.models import Draft, Notification, Post, PostRevision
from portal.sanitise import render_markdown
from tests.text import shows

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="color:red" onclick="alert(1)">styled</p>',
    "[link](javascript:alert(1))",
    "![image](https://evil.example/i.png)",
    '"><script>alert(1)</script>',
    "<object data=x></object><embed src=x>",
    '<form action="https://evil.example"><input name=a></form>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markdown_renders_every_payload_inert(payload):
    html = render_markdown(payload)

    for forbidden in ("<script", "<img", "<svg", "<iframe", "<style", "<object", "<embed", "<form", "<input"):
        assert forbidden not in html.lower()
    for forbidden in ("onerror=", "onload=", "onclick=", "style=", "javascript:"):
        assert forbidden not in html.lower()


def test_links_get_nofollow_noopener_and_markdown_formats():
    html = render_markdown("**Bold**, *it*, [INHOPE](https://www.inhope.org)\n\n- one\n- two\n\n> quoted")

    assert '<a href="https://www.inhope.org" rel="nofollow noopener">INHOPE</a>' in html
    assert "<strong>Bold</strong>" in html and "<em>it</em>" in html
    assert "<li>one</li>" in html and "<blockquote>" in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS[:4])
def test_payloads_in_titles_bodies_and_names_render_inert_on_every_page(login, users, category, payload):
    from forum.services import topic_create
    from portal.membership.models import ExpertProfile

    ExpertProfile.objects.filter(user=users["member"]).update(display_name=payload)
    topic = topic_create(author=users["member"], category=category, title=payload, body=payload, language="en")
    client = login(users["investigator"])

    for address in (f"/en/forum/{category.slug}/", f"/en/forum/topics/{topic.pk}/", "/en/forum/"):
        html = client.get(address).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "onerror=" not in html.replace("onerror=&quot;", "")
        assert '<img src="x"' not in html and "<img src=x" not in html
        assert "<svg" not in html


def test_preview_renders_without_posting_and_keeps_the_text(login, users, topic):
    client = login(users["member"])

    response = client.post(
        f"/en/forum/topics/{topic.pk}/", {"body": "A **draft** reply", "language": "en", "preview": "1"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "A <strong>draft</strong> reply" in html
    assert "A **draft** reply</textarea>" in html
    assert topic.posts.count() == 2
    assert Draft.objects.get(user=users["member"], key=f"topic-{topic.pk}").body == "A **draft** reply"


def test_a_form_with_an_error_keeps_the_text_as_a_draft(login, users, category):
    client = login(users["member"])

    response = client.post(
        f"/en/forum/{category.slug}/new/", {"title": "", "body": "Long text typed", "language": "en"}
    )

    assert response.status_code == 200
    assert "Long text typed</textarea>" in response.content.decode()
    assert Draft.objects.get(user=users["member"], key=f"category-{category.slug}").body == "Long text typed"
    assert "Long text typed" in client.get(f"/en/forum/{category.slug}/new/").content.decode()


def test_a_successful_post_clears_the_draft(login, users, topic):
    client = login(users["member"])
    client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Draft text", "language": "en", "preview": "1"})

    client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Final text", "language": "en"})

    assert not Draft.objects.filter(user=users["member"]).exists()
    assert topic.posts.last().body == "Final text"


def test_quoting_prefills_the_reply(login, users, topic):
    client = login(users["member"])
    first = topic.posts.first()

    html = client.get(f"/en/forum/topics/{topic.pk}/", {"quote": first.pk}).content.decode()

    assert "&gt; How do you **prioritise** devices?" in html


def test_mentions_notify_the_member_named(login, users, topic):
    client = login(users["member"])

    client.post(f"/en/forum/topics/{topic.pk}/", {"body": "What do you think, @moderator?", "language": "en"})

    assert Notification.objects.filter(user=users["moderator"], kind="mention", topic=topic).exists()


def test_a_mention_of_someone_who_may_not_read_notifies_nobody(login, users, topic):
    client = login(users["member"])

    client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Hello @applicant", "language": "en"})

    assert not Notification.objects.filter(user=users["applicant"]).exists()


def test_editing_keeps_a_visible_revision_history(login, users, topic):
    post = topic.posts.last()
    client = login(users["member"])

    client.post(f"/en/forum/posts/{post.pk}/edit/", {"body": "We start with phones and tablets."})

    post.refresh_from_db()
    assert post.body == "We start with phones and tablets."
    assert PostRevision.objects.get(post=post).body == "We start with phones."
    history = client.get(f"/en/forum/posts/{post.pk}/history/").content.decode()
    assert "We start with phones.</pre>" in history
    assert "edited" in client.get(f"/en/forum/topics/{topic.pk}/").content.decode()


def test_members_cannot_edit_others_posts(login, users, topic):
    post = topic.posts.first()  # by investigator

    response = login(users["member"]).post(f"/en/forum/posts/{post.pk}/edit/", {"body": "changed"})

    assert response.status_code == 403
    assert Post.objects.get(pk=post.pk).body != "changed"


def test_soft_deletion_hides_the_post_and_a_moderator_restores_it(client, login, users, topic):
    post = topic.posts.last()
    login(users["member"]).post(f"/en/forum/posts/{post.pk}/delete/", {"reason": ""})
    post.refresh_from_db()
    assert post.is_deleted

    reader = login(users["investigator"]).get(f"/en/forum/topics/{topic.pk}/").content.decode()
    assert "We start with phones." not in reader
    assert "This post was deleted." in reader

    login(users["moderator"]).post(f"/en/forum/posts/{post.pk}/restore/", {"reason": "Deleted by mistake."})
    post.refresh_from_db()
    assert not post.is_deleted


def test_posting_is_rate_limited_and_keeps_the_text(login, users, topic, settings):
    settings.FORUM_POSTS_PER_WINDOW = 2
    client = login(users["member"])
    for number in range(2):
        client.post(f"/en/forum/topics/{topic.pk}/", {"body": f"Reply {number}", "language": "en"})

    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "One too many", "language": "en"})

    assert response.status_code == 200
    assert "You are posting too fast" in response.content.decode()
    assert "One too many</textarea>" in response.content.decode()
    assert not topic.posts.filter(body="One too many").exists()


def test_every_composer_carries_the_guidance_note(login, users, topic, category):
    client = login(users["member"])

    for address in (f"/en/forum/topics/{topic.pk}/", f"/en/forum/{category.slug}/new/"):
        assert "Never post or attach images of abuse" in client.get(address).content.decode()


def test_a_deleted_members_posts_stay_as_by_a_former_member(login, users, topic):
    users["member"].delete()

    html = login(users["investigator"]).get(f"/en/forum/topics/{topic.pk}/").content.decode()

    assert "We start with phones." in html
    assert "Former member" in html


def test_posts_carry_their_language_and_can_be_filtered_by_it(login, users, topic):
    from forum.services import post_create

    post_create(author=users["member"], topic=topic, body="Wir beginnen mit Telefonen.", language="de")
    client = login(users["investigator"])

    german = client.get(f"/en/forum/topics/{topic.pk}/", {"language": "de"}).content.decode()

    assert shows(german, "Wir beginnen mit Telefonen.")
    assert "We start with phones." not in german
    assert 'lang="de"' in german
