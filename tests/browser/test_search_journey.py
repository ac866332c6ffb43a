"""A visitor searches with title suggestions and facets; a vetted member also finds the forum."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_searches_with_suggestions_and_a_facet(page, seeded_live_server):
    page.goto(f"{seeded_live_server.url}/en/")
    search_box = page.get_by_role("combobox", name="Search the portal")

    search_box.press_sequentially("victim ident", delay=20)
    options = page.locator("#site-search-suggestions option")
    options.first.wait_for(state="attached")
    suggestions = [options.nth(index).get_attribute("value") for index in range(options.count())]
    assert all("victim" in title.lower() for title in suggestions[:3])

    search_box.fill("grooming")
    search_box.press("Enter")
    page.wait_for_url("**/en/search/?q=grooming")
    results_heading = page.locator("#results-heading")
    total = int(results_heading.inner_text().split()[0])
    assert total > 1
    assert page.locator(".search-results li").first.get_attribute("lang") == "en"
    assert "Forum" not in page.locator(".facets").inner_text()

    page.locator(".facets").get_by_role("link", name="Awareness").click()
    page.wait_for_url("**kind=awareness**")
    kinds = page.locator(".search-results .item-meta dd").all_inner_texts()
    assert kinds and set(kinds[::3]) == {"Awareness"}


def test_vetted_member_finds_forum_posts(log_in_browser, seeded_live_server):
    investigator = log_in_browser("investigator")
    investigator.goto(f"{seeded_live_server.url}/en/search/?q=triage")

    forum_result = investigator.locator(".search-results li").filter(has_text="Forum post").first
    forum_result.get_by_role("link").click()

    investigator.wait_for_url("**/en/forum/topics/**#post-*")
    assert investigator.locator("article.post").count() > 0
