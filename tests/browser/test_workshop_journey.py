"""A vetted member registers for the upcoming workshop and opens a session's discussion."""

import pytest

pytestmark = pytest.mark.browser


def test_register_and_join_a_session_discussion(log_in_browser, seeded_live_server):
    page = log_in_browser("investigator")
    page.goto(f"{seeded_live_server.url}/en/workshops/")
    page.get_by_role("link", name="Online workshop: victim identification across borders").click()

    page.get_by_role("button", name="Register").click()
    assert page.get_by_text("You are registered.").first.is_visible()

    page.get_by_role("link", name="Discussion of this session").first.click()
    assert page.locator("h1").inner_text() == "Working with international image databases"
    assert page.get_by_role("navigation", name="Breadcrumbs").get_by_role("link").count() == 2
