"""A restricted item never reaches anyone but a vetted member: pages, lists, facets, feeds, sitemap, documents."""

import re
from collections import Counter

import pytest

from knowledge.models import KnowledgeItemPage, SoftwareToolPage
from tests.text import shows

ANONYMOUS, APPLICANT, INVESTIGATOR = None, "applicant", "investigator"


def client_for(client, users, who):
    if who:
        client.force_login(users[who])
    return client


def test_restricted_item_sends_anonymous_visitors_to_log_in(client, restricted_items):
    for item in restricted_items:
        response = client.get(item.url)

        assert response.status_code == 302
        assert "login" in response["Location"]


def test_restricted_item_is_refused_to_an_unvetted_member(client, users, restricted_items):
    client.force_login(users["applicant"])
    for item in restricted_items:
        response = client.get(item.url)

        assert response.status_code == 403
        assert not shows(response.content.decode(), item.title)


def test_restricted_item_is_served_to_a_vetted_member(client, users, restricted_items):
    client.force_login(users["investigator"])
    for item in restricted_items:
        response = client.get(item.url)

        assert response.status_code == 200
        assert shows(response.content.decode(), item.title)


@pytest.mark.parametrize("who", [ANONYMOUS, APPLICANT])
def test_library_lists_and_counts_no_restricted_item_for_non_members(client, users, restricted_items, who):
    html = client_for(client, users, who).get("/en/library/").content.decode()

    for item in restricted_items:
        assert not shows(html, item.title)
    public_count = html.count('class="item-card"')
    assert f"{public_count} items" in html


def test_library_lists_restricted_items_for_a_vetted_member(client, users, restricted_items):
    client.force_login(users["investigator"])

    html = client.get("/en/library/").content.decode()

    for item in restricted_items:
        assert shows(html, item.title)
    assert "Members only" in html


@pytest.mark.parametrize("who", [ANONYMOUS, APPLICANT])
def test_facet_counts_ignore_restricted_items(client, users, restricted_items, who):
    expected = Counter(str(item.get_kind_display()) for item in KnowledgeItemPage.objects.live().public())

    html = client_for(client, users, who).get("/en/library/").content.decode()

    kind_select = re.search(r'<select id="filter-kind".*?</select>', html, re.S).group(0)
    options = {label: int(count) for label, count in re.findall(r">([^<>]+) \((\d+)\)</option>", kind_select)}
    assert options == dict(expected)


@pytest.mark.parametrize("who", [ANONYMOUS, APPLICANT])
def test_members_notes_of_a_public_tool_are_hidden_from_non_members(client, users, demo_site, who):
    tool = SoftwareToolPage.objects.live().public().exclude(members_only_notes_en="").first()

    html = client_for(client, users, who).get(tool.url).content.decode()

    assert "For vetted members" not in html
    assert tool.members_only_notes_en[:60] not in html


def test_members_notes_of_a_public_tool_are_shown_to_a_vetted_member(client, users, demo_site):
    tool = SoftwareToolPage.objects.live().public().exclude(members_only_notes_en="").first()
    client.force_login(users["investigator"])

    html = client.get(tool.url).content.decode()

    assert "For vetted members" in html


@pytest.mark.parametrize("who", [ANONYMOUS, APPLICANT, INVESTIGATOR])
def test_feed_carries_no_restricted_item(client, users, restricted_items, public_items, who):
    xml = client_for(client, users, who).get("/en/feeds/library/").content.decode()

    assert any(shows(xml, item.title) for item in public_items)
    for item in restricted_items:
        assert not shows(xml, item.title)


def test_sitemap_lists_public_pages_with_alternates_and_no_restricted_item(client, restricted_items, public_items):
    xml = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/en/library/" in xml
    assert 'hreflang="de" href="http://testserver/de/bibliothek/"' in xml
    assert 'hreflang="x-default"' in xml
    for item in public_items:
        assert item.url.split("/")[-2] in xml
    for item in restricted_items:
        assert f"/{item.slug_en}/" not in xml
    assert "/members/" not in xml


def test_country_pages_do_not_link_restricted_items_for_non_members(client, users, restricted_items):
    for item in restricted_items:
        for country in item.countries.all():
            html = client.get(country.url).content.decode()
            assert not shows(html, item.title)


@pytest.fixture
def documents(demo_site):
    from knowledge.models import ItemAttachment

    attachments = ItemAttachment.objects.select_related("document__collection")
    restricted = [attachment.document for attachment in attachments if attachment.document.collection.depth > 1]
    public = [attachment.document for attachment in attachments if attachment.document.collection.depth == 1]
    assert restricted and public
    return {"restricted": restricted, "public": public}


@pytest.mark.parametrize("who", [ANONYMOUS, APPLICANT])
def test_restricted_documents_are_refused_to_non_members(client, users, documents, who):
    client = client_for(client, users, who)
    for document in documents["restricted"]:
        response = client.get(document.url)

        assert response.status_code in (302, 403)
        assert b"Sample document" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_restricted_documents_are_served_to_vetted_members(client, users, documents):
    client.force_login(users["investigator"])
    for document in documents["restricted"]:
        response = client.get(document.url)

        assert response.status_code == 200
        assert b"Sample document" in b"".join(response.streaming_content)


def test_public_documents_are_served_to_everyone(client, documents):
    for document in documents["public"]:
        response = client.get(document.url)

        assert response.status_code == 200
