"""Settings for a developer's machine: `make run`."""

from .base import *  # noqa: F403
from .base import env

PORTAL_ENVIRONMENT = "dev"
DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A fixed, public key: dev data is demo data. Production has no default (see production.py).
SECRET_KEY = "dev-only-insecure-key-never-use-in-production-5f0c2e7a"  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# WebAuthn needs HTTPS except on this development server.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Tasks run at once in development: notification e-mails appear on the console.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
