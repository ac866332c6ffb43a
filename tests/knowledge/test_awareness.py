from django.contrib.auth import get_user_model

import pytest

from knowledge.models import AwarenessPage, WebLink
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")


def test_awareness_index_lists_pages_and_web_links(client):
    html = client.get("/en/awareness/").content.decode()

    for page in AwarenessPage.objects.live():
        assert shows(html, page.title_en)
    for link in WebLink.objects.all():
        assert f'href="{link.url}"' in html


def test_awareness_index_filters_by_audience(client):
    parents_pages = [page for page in AwarenessPage.objects.live() if "parents" in page.audiences]
    other_pages = [page for page in AwarenessPage.objects.live() if "parents" not in page.audiences]
    assert parents_pages and other_pages

    html = client.get("/en/awareness/", {"audience": "parents"}).content.decode()

    assert all(shows(html, page.title_en) for page in parents_pages)
    assert not any(shows(html, page.title_en) for page in other_pages)
    for link in WebLink.objects.exclude(audience__in=["parents", "everyone"]):
        assert f'href="{link.url}"' not in html


def test_awareness_page_shows_its_related_hotline(client):
    page = AwarenessPage.objects.exclude(related_hotline=None).first()

    html = client.get(page.url).content.decode()

    assert shows(html, page.related_hotline.name)
    assert "Verification" in html


@pytest.mark.parametrize("who", [None, "applicant"])
def test_admin_previews_are_refused_to_visitors_and_members_without_admin_access(client, restricted_items, who):
    if who:
        client.force_login(get_user_model().objects.get(username=who))
    for item in restricted_items:
        response = client.get(f"/admin/pages/{item.pk}/edit/preview/")

        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
