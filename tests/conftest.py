from django.conf import settings
from django.core.management import call_command
from django.utils import translation

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Seed the demo site once per test session; each test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo_site(db):
    """The demo site tree, content and accounts, as `make run` builds them."""


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each request activates its language in this thread; tests start from the default language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
