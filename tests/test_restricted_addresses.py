"""Every restricted address of the portal refuses anonymous visitors and the unvetted `applicant`."""

import re
from urllib.parse import urlencode

from django.contrib.auth import get_user_model

import pytest

from forum.models import Attachment, Category, Post, Topic
from knowledge.models import ItemAttachment, KnowledgeItemPage, LibrarySectionPage
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")


def restricted_addresses():
    members_library = LibrarySectionPage.objects.get(slug_en="members")
    restricted_items = KnowledgeItemPage.objects.live().exclude(pk__in=KnowledgeItemPage.objects.live().public())
    restricted_documents = [
        attachment.document
        for attachment in ItemAttachment.objects.select_related("document__collection")
        if attachment.document.collection.depth > 1
    ]
    topic = Topic.objects.order_by("pk").first()
    post = Post.objects.filter(topic=topic).first()
    return {
        members_library.url: members_library.title_en,
        **{item.url: item.title_en for item in restricted_items},
        **{document.url: document.title for document in restricted_documents},
        "/en/experts/": "Ina Vestigatorin",
        "/en/forum/": Category.objects.order_by("pk").first().name_en,
        f"/en/forum/{Category.objects.order_by('pk').first().slug}/": topic.title,
        f"/en/forum/topics/{topic.pk}/": topic.title,
        f"/en/forum/posts/{post.pk}/history/": topic.title,
        f"/en/forum/attachments/{Attachment.objects.first().pk}/": "Sample checklist",
        "/en/forum/moderation/": "Moderation queue",
        "/en/forum/notifications/": "Notifications",
    }


def test_the_demo_has_restricted_content_of_every_kind():
    addresses = restricted_addresses()

    assert len(addresses) >= 12


def test_anonymous_visitors_are_refused_every_restricted_address(client):
    for address, secret in restricted_addresses().items():
        response = client.get(address)

        assert response.status_code == 302, address
        assert "/accounts/login/" in response["Location"], address
        assert not shows(response.content.decode(), secret), address


def test_the_applicant_is_refused_every_restricted_address(client):
    client.force_login(get_user_model().objects.get(username="applicant"))
    for address, secret in restricted_addresses().items():
        response = client.get(address)

        assert response.status_code == 403, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert not shows(body.decode(errors="replace"), secret), address


def test_the_investigator_reaches_every_restricted_address_but_the_moderators_queue(client):
    client.force_login(get_user_model().objects.get(username="investigator"))
    for address in restricted_addresses():
        expected = 403 if address == "/en/forum/moderation/" else 200
        assert client.get(address).status_code == expected, address


@pytest.mark.parametrize("who", [None, "applicant", "investigator"])
def test_member_management_pages_are_refused_to_non_reviewers(client, who):
    if who:
        client.force_login(get_user_model().objects.get(username=who))

    response = client.get("/en/membership/review/")

    assert response.status_code in (302, 403)
    assert "Alex Applicant" not in response.content.decode()


def search_results(client, query):
    """The links and text of a search's results, without the form and title that repeat the query."""
    response = client.get(f"/en/search/?{urlencode({'q': query})}")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<div class="search-layout">') :]


@pytest.mark.parametrize("who", [None, "applicant"])
def test_searching_for_restricted_content_shows_none_of_it(client, who):
    if who:
        client.force_login(get_user_model().objects.get(username=who))
    addresses = restricted_addresses()
    for address, secret in addresses.items():
        results = search_results(client, secret)

        assert not set(re.findall(r'href="([^"?]+)"', results)) & set(addresses), address
        assert "/library/members/" not in results, address
        assert "/forum/" not in results, address
        if address.startswith(("/en/library/members/", "/en/forum/topics/")):
            assert not shows(results, secret), address


def test_searching_for_restricted_content_finds_it_for_the_investigator(client):
    client.force_login(get_user_model().objects.get(username="investigator"))
    searchable = {
        address: title
        for address, title in restricted_addresses().items()
        if address.startswith(("/en/library/members/", "/en/forum/topics/")) and address != "/en/library/members/"
    }
    assert len(searchable) >= 5

    for address, title in searchable.items():
        assert f'href="{address}"' in search_results(client, title), address
