from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

import pytest


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded files of this test session, in a folder of their own."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media / "public"), PRIVATE_MEDIA_ROOT=str(media / "private")):
        yield


@pytest.fixture(scope="session")
def django_db_setup(media_root, django_db_setup, django_db_blocker):
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


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters and cached pages live in the cache: each test starts without them."""
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs the on-commit callbacks (e-mails) of what happens inside it, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def demo_user(demo_site):
    """A demo account by name: admin, editor, moderator, reviewer, investigator, applicant."""
    return lambda name: get_user_model().objects.get(username=name)
