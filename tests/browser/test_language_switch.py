import pytest

pytestmark = pytest.mark.browser


def test_visitor_switches_the_home_page_to_russian(page, seeded_live_server):
    page.goto(f"{seeded_live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()

    page.wait_for_url(f"{seeded_live_server.url}/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    main_navigation = page.get_by_role("navigation", name="Основная навигация")
    assert main_navigation.get_by_role("link", name="Библиотека знаний").is_visible()
    assert main_navigation.get_by_role("link", name="Экспертный форум").is_visible()
