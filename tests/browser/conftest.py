import os
import shutil

from django.core.management import call_command

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        reason = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI installs it: a missing browser there is a failure, not a skip
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as monkeypatch, sync_playwright() as playwright:
        # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
        # make themselves are still synchronous and safe.
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def seeded_live_server(live_server, transactional_db):
    """The live server over a database seeded like `make run`'s (seed_demo also fills an emptied one)."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return live_server


@pytest.fixture
def log_in_browser(browser, seeded_live_server):
    """A browser page signed in as `username`, through a session made by Django's test client."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    contexts = []

    def open_page(username):
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        context = browser.new_context(locale="en-GB")
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": seeded_live_server.url,
                }
            ]
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
