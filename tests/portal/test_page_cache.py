"""Anonymous visitors get cached pages; members, forms and private answers never come from or go to the cache."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from forum.models import Category
from forum.services import topic_create
from knowledge.models import (
    CountryIndexPage,
    CountryPage,
    KnowledgeItemPage,
    LegislationAssessment,
    LibraryIndexPage,
    ModelLawPage,
    Topic,
)
from portal.accounts import VETTED_MEMBERS_GROUP
from portal.page_cache import page_cache
from portal.pages.models import HomePage, SectionPage
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
    }
    page_cache().clear()


def fetch(client, url):
    """The response and the number of database queries it cost."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context.captured_queries)


def public_item():
    return KnowledgeItemPage.objects.live().public().order_by("path").first().specific


def publish_title(page, title, on_commit):
    page.title_en = title
    with on_commit():
        page.save_revision().publish()


def test_an_anonymous_visitor_gets_the_second_request_from_the_cache(client):
    first, _ = fetch(client, "/en/library/")
    second, queries = fetch(client, "/en/library/")

    assert second.status_code == 200
    assert queries == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_language_and_query_string_is_cached_apart(client):
    english = client.get("/en/library/").content
    german = client.get("/de/library/").content
    filtered = client.get("/en/library/?kind=software").content

    assert client.get("/de/library/").content == german != english
    assert client.get("/en/library/?kind=software").content == filtered != english


def test_publishing_drops_the_cached_pages_that_list_the_page(client, on_commit):
    item = public_item()
    client.get(item.url)
    client.get("/en/library/")

    publish_title(item, "Hash-based triage of seized media, second edition", on_commit)

    assert "second edition" in client.get(item.url).content.decode()
    assert "second edition" in client.get("/en/library/").content.decode()


def test_unpublishing_drops_the_page_from_cached_lists(client, on_commit):
    item = public_item()
    assert shows(client.get("/en/library/").content.decode(), item.title)

    with on_commit():
        item.unpublish()

    assert not shows(client.get("/en/library/").content.decode(), item.title)
    assert client.get(item.url).status_code == 404


def test_moving_a_page_drops_the_cached_pages(client, on_commit):
    item = public_item()
    old_url = item.url
    assert client.get(old_url).status_code == 200
    target = LibraryIndexPage.objects.get().get_children().exclude(pk=item.get_parent().pk).first()

    with on_commit():
        item.move(target, pos="last-child")

    new_url = Page.objects.get(pk=item.pk).url
    assert new_url != old_url
    assert client.get(old_url).get("Location") == new_url  # Wagtail's automatic redirect
    assert client.get(new_url).status_code == 200


def test_a_new_view_restriction_drops_the_cached_page(client, on_commit):
    item = public_item()
    assert client.get(item.url).status_code == 200

    with on_commit():
        PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(item.url).status_code == 302


def test_a_new_restriction_for_vetted_members_hides_the_page_from_listings_and_search_at_once(client, on_commit):
    item = public_item()
    client.cookies["sessionid"] = "not-a-session"  # rendered afresh, with the view restrictions from the cache
    assert shows(client.get("/en/library/").content.decode(), item.title)
    assert f'href="{item.url}"' in client.get("/en/search/", {"q": item.title}).content.decode()

    with on_commit():
        restriction = PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))

    assert not shows(client.get("/en/library/").content.decode(), item.title)
    assert f'href="{item.url}"' not in client.get("/en/search/", {"q": item.title}).content.decode()


def test_a_group_added_to_a_restriction_lets_its_members_in_at_once(client, on_commit):
    item = public_item()
    with on_commit():
        restriction = PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.GROUPS)
    client.force_login(get_user_model().objects.get(username="investigator"))
    assert not shows(client.get("/en/library/").content.decode(), item.title)  # a restriction no group passes

    with on_commit():
        restriction.groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))

    assert shows(client.get("/en/library/").content.decode(), item.title)


def test_a_member_never_gets_the_anonymous_page_nor_leaves_theirs_in_the_cache(client):
    investigator = get_user_model().objects.get(username="investigator")
    anonymous_page = client.get("/en/library/").content.decode()

    client.force_login(investigator)
    member_page, queries = fetch(client, "/en/library/")
    client.logout()
    client.cookies.clear()
    later_anonymous_page = client.get("/en/library/").content.decode()

    assert queries > 0
    assert "Log out" in member_page.content.decode()
    assert "Log out" not in anonymous_page
    assert later_anonymous_page == anonymous_page


def test_a_request_with_a_session_cookie_is_rendered_afresh(client):
    client.get("/en/library/")
    client.cookies["sessionid"] = "not-a-session"

    _, queries = fetch(client, "/en/library/")

    assert queries > 0


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/accounts/signup/"])
def test_a_page_with_a_csrf_token_is_never_cached(client, url):
    client.get(url)
    client.cookies.clear()

    response = client.get(url)

    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "csrftoken" in response.cookies  # a fresh token: the page was rendered for this visitor


def test_search_results_are_not_cached(client):
    client.get("/en/search/?q=hotline")
    _, queries = fetch(client, "/en/search/?q=hotline")

    assert queries > 0


def test_search_facets_show_a_renamed_topic_at_once(client, on_commit):
    topic = Topic.objects.get(key="victim-identification")
    assert shows(client.get("/en/search/?q=victim+identification").content.decode(), topic.name)

    with on_commit():
        topic.name_en = "Identifying victims"
        topic.save()

    assert "Identifying victims" in client.get("/en/search/?q=victim+identification").content.decode()


def test_a_topic_in_a_new_forum_category_stays_out_of_a_visitors_search(client, on_commit):
    investigator = get_user_model().objects.get(username="investigator")
    client.get("/en/search/?q=hotline")  # the categories hidden from visitors are now kept in the cache

    with on_commit():
        category = Category.objects.create(slug="case-coordination", name_en="Case coordination")
        category.read_groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    with on_commit():
        topic_create(
            author=investigator,
            category=category,
            title="Deconfliction of parallel investigations",
            body="How do your units deconflict parallel investigations?",
            language="en",
        )

    client.force_login(investigator)
    assert "Deconfliction of parallel investigations" in client.get("/en/search/?q=deconfliction").content.decode()
    client.logout()
    assert "Deconfliction of parallel investigations" not in client.get("/en/search/?q=deconfliction").content.decode()


def test_a_restricted_page_refused_to_an_anonymous_visitor_is_not_cached(client):
    investigator = get_user_model().objects.get(username="investigator")
    client.get("/en/library/members/")

    client.force_login(investigator)
    response = client.get("/en/library/members/")

    assert response.status_code == 200


def test_the_main_menu_shows_a_new_section_at_once_to_members_and_visitors(client, on_commit):
    investigator = get_user_model().objects.get(username="investigator")
    client.get("/en/")
    client.force_login(investigator)
    client.get("/en/")
    section = SectionPage(title_en="Victim support services", slug_en="victim-support", show_in_menus=True)

    with on_commit():
        HomePage.objects.get().add_child(instance=section)
        section.save_revision().publish()

    assert "Victim support services" in client.get("/en/").content.decode()
    client.logout()
    assert "Victim support services" in client.get("/en/").content.decode()


def kind_counts(response):
    """{kind: count} as the library's filter form shows them: "Software tool (3)"."""
    kind_select = re.search(r'<select id="filter-kind".*?</select>', response.content.decode(), re.DOTALL).group()
    options = re.findall(r'<option value="([\w-]+)"[^>]*>[^<]*\((\d+)\)<', kind_select)
    return {value: int(count) for value, count in options}


def test_library_facet_counts_are_kept_apart_for_visitors_and_members_and_follow_publishing(client, on_commit):
    investigator = get_user_model().objects.get(username="investigator")
    anonymous_counts = kind_counts(client.get("/en/library/"))
    client.force_login(investigator)
    member_counts = kind_counts(client.get("/en/library/"))
    restricted = KnowledgeItemPage.objects.live().not_public()

    assert restricted.exists()
    assert sum(member_counts.values()) == sum(anonymous_counts.values()) + restricted.count()

    item = public_item()
    with on_commit():
        item.unpublish()

    assert kind_counts(client.get("/en/library/"))[item.kind] == member_counts[item.kind] - 1


def test_the_legislation_matrix_follows_a_changed_assessment(client, on_commit):
    matrix = f"{CountryIndexPage.objects.get().url}matrix/"
    client.force_login(get_user_model().objects.get(username="investigator"))  # the page itself is not cached
    before = client.get(matrix).content.decode().count("status--yes")
    assessment = LegislationAssessment.objects.filter(status="yes").first()

    with on_commit():
        assessment.status = "no"
        assessment.save()

    assert client.get(matrix).content.decode().count("status--yes") == before - 1


def test_library_results_are_kept_apart_for_visitors_and_members(client):
    restricted = KnowledgeItemPage.objects.live().not_public().first()
    anonymous_results = client.get("/en/library/").content.decode()
    client.force_login(get_user_model().objects.get(username="investigator"))
    member_results = client.get("/en/library/").content.decode()
    client.logout()
    client.cookies["sessionid"] = "not-a-session"  # rendered afresh, from the cached fragments

    assert shows(member_results, restricted.title)
    assert not shows(anonymous_results, restricted.title)
    assert not shows(client.get("/en/library/").content.decode(), restricted.title)


def public_titles(kind):
    return KnowledgeItemPage.objects.live().public().filter(kind=kind).values_list("title_en", flat=True)


def test_library_results_follow_the_filters(client):
    client.cookies["sessionid"] = "not-a-session"
    client.get("/en/library/")

    software = client.get("/en/library/?kind=software").content.decode()
    practice = client.get("/en/library/?kind=practice").content.decode()

    assert all(shows(software, title) for title in public_titles("software"))
    assert not any(shows(software, title) for title in public_titles("practice"))
    assert all(shows(practice, title) for title in public_titles("practice"))


def test_a_country_page_follows_a_changed_hotline(client, on_commit):
    germany = CountryPage.objects.get(iso_code="DE")
    client.force_login(get_user_model().objects.get(username="investigator"))  # the page itself is not cached
    client.get(germany.url)
    hotline = germany.hotlines.first()

    with on_commit():
        hotline.name = "Internet-Beschwerdestelle (renamed)"
        hotline.save()

    assert "Internet-Beschwerdestelle (renamed)" in client.get(germany.url).content.decode()


def test_a_preview_shows_the_editors_unsaved_model_law_not_the_cached_one(client):
    law = ModelLawPage.objects.live().first()
    client.get(law.url)  # its parts are now in the fragment cache
    provisions = list(law.provisions.all())
    provisions[0].title = "Unsaved provision title"
    law.provisions = provisions

    preview = law.make_preview_request().content.decode()

    assert "Unsaved provision title" in preview
    assert "Unsaved provision title" not in client.get(law.url).content.decode()
