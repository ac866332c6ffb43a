"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F403

PORTAL_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-insecure-key-4b9e1d0c"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The test database is in memory, shared by the threads of one process: an IMMEDIATE transaction
    # (base.py) around each test would hold its write lock and stall the backup test's read of it.
    DATABASES["default"]["OPTIONS"] = {}  # noqa: F405
# No page cache, so that a test sees its own changes at once; tests/portal/test_page_cache.py turns it on.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploaded files go to a temporary MEDIA_ROOT per test session (tests/conftest.py): Wagtail serves
# documents from the file system.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The browser tests' live server speaks plain HTTP on localhost.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
