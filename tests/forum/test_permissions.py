"""Only vetted members in a category's groups see anything of it: not its name, titles, counts or feeds."""

from django.contrib.auth.models import Group

import pytest

from forum.models import Category
from tests.members import make_member
from tests.text import shows

FORUM_ADDRESSES = [
    "/en/forum/",
    "/en/forum/test-methods/",
    "/en/forum/test-methods/new/",
    "/en/forum/notifications/",
    "/en/forum/settings/",
    "/en/forum/moderation/",
]


def addresses(topic):
    post = topic.posts.first()
    return [
        *FORUM_ADDRESSES,
        f"/en/forum/topics/{topic.pk}/",
        f"/en/forum/posts/{post.pk}/edit/",
        f"/en/forum/posts/{post.pk}/history/",
        f"/en/forum/posts/{post.pk}/flag/",
    ]


def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, topic):
    for address in addresses(topic):
        response = client.get(address)

        assert response.status_code == 302, address
        assert "/accounts/login/" in response["Location"]
        assert not shows(response.content.decode(), topic.title)


def test_an_unvetted_member_is_refused_everywhere(login, users, topic):
    client = login(users["applicant"])
    for address in addresses(topic):
        response = client.get(address)

        assert response.status_code == 403, address
        html = response.content.decode()
        assert not shows(html, topic.title)
        assert "Test methods" not in html


def test_a_vetted_member_without_a_second_factor_is_sent_to_set_one_up(login, topic):
    client = login(make_member("no.factor", second_factor=False))

    response = client.get(f"/en/forum/topics/{topic.pk}/")

    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


def test_a_vetted_member_outside_the_categorys_groups_sees_nothing_of_it(login, users, topic, category):
    outsider_group = Group.objects.create(name="Other unit")
    closed = Category.objects.create(slug="closed", name_en="Closed working group")
    closed.read_groups.add(outsider_group)
    closed_topic = topic.__class__.objects.create(category=closed, title="Closed matter", language="en")
    client = login(users["member"])

    index = client.get("/en/forum/").content.decode()

    assert "Closed working group" not in index
    assert "Test methods" in index
    assert client.get("/en/forum/closed/").status_code == 404
    assert client.get(f"/en/forum/topics/{closed_topic.pk}/").status_code == 404


def test_reply_and_start_need_their_groups(login, users, topic, category):
    category.start_groups.clear()
    category.reply_groups.clear()
    client = login(users["member"])

    assert client.get(f"/en/forum/{category.slug}/new/").status_code == 403
    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "A reply", "language": "en"})
    assert response.status_code == 403
    assert topic.posts.count() == 2
    assert "Post reply" not in client.get(f"/en/forum/topics/{topic.pk}/").content.decode()


def test_members_read_and_write_in_their_categories(login, users, topic):
    client = login(users["member"])

    html = client.get(f"/en/forum/topics/{topic.pk}/").content.decode()
    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Also laptops.", "language": "de"})

    assert "How do you <strong>prioritise</strong> devices?" in html
    assert response.status_code == 302
    assert topic.posts.last().language == "de"


@pytest.mark.parametrize("who", ["applicant"])
def test_attachments_are_refused_to_non_members(client, login, users, topic, who):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forum.services import post_create

    upload = SimpleUploadedFile("notes.pdf", b"%PDF-1.4 sample", content_type="application/pdf")
    post = post_create(
        author=users["investigator"],
        topic=topic,
        body="See file",
        language="en",
        attachments=[(upload, "application/pdf")],
    )
    attachment = post.attachments.get()

    anonymous = client.get(f"/en/forum/attachments/{attachment.pk}/")
    assert anonymous.status_code == 302

    refused = login(users[who]).get(f"/en/forum/attachments/{attachment.pk}/")
    assert refused.status_code == 403
    assert b"%PDF" not in refused.content


def test_administrators_manage_categories_in_the_wagtail_admin(login, users, category):
    from django.contrib.auth import get_user_model

    admin = login(get_user_model().objects.get(username="admin"))

    listing = admin.get("/admin/snippets/forum/category/")

    assert listing.status_code == 200
    assert "Test methods" in listing.content.decode()
    editor = login(get_user_model().objects.get(username="editor"))
    assert editor.get("/admin/snippets/forum/category/").status_code in (302, 403)
