"""Settings shared by every environment, read from the environment through a typed schema.

See https://django-environ.readthedocs.io/ for the schema syntax.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var"

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
    DATABASE_CONN_MAX_AGE=(int, 60),
    REDIS_URL=(str, ""),
    SEARCH_BACKEND=(str, "database"),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX=(str, "portal-search"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "portal@localhost"),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(VAR_DIR / "media")),
    MEMBER_IDLE_TIMEOUT_MINUTES=(int, 30),
    MEMBERSHIP_PERIOD_DAYS=(int, 365),
    MEMBERSHIP_REMINDER_DAYS=(list, [30, 7]),
    MEMBERSHIP_REQUIRED_APPROVALS=(int, 1),
    OFFICIAL_EMAIL_DOMAINS=(list, []),
    PRIVATE_MEDIA_ROOT=(str, str(VAR_DIR / "private")),
    PAGE_CACHE_DIR=(str, str(VAR_DIR / "cache" / "pages")),
    FORUM_EMAIL_INCLUDE_TITLE=(bool, True),
)

# Which settings module is in force; seed_demo refuses to run in "production".
PORTAL_ENVIRONMENT = "base"

DEBUG = env("DJANGO_DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin and before the apps it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    # Its migrate command also adds the page table's language columns, which
    # Django migrations do not know about (test databases included).
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "portal",
    "portal.pages",
    "portal.audit",
    "portal.membership",
    "portal.search",
    "knowledge",
    "forum",
    "django_tasks",
    "django_tasks_db",
    "workshops",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.RejectNullCharactersMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.routing.site_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.membership.middleware.MemberIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Gunicorn's workers and the task worker write at once: each transaction takes the write lock
    # at its start and waits for it, instead of failing with "database is locked" midway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "pages" holds whole pages for anonymous visitors (portal/page_cache.py); it must be shared by
# every worker, so that publishing drops the pages of all of them.
if env("REDIS_URL"):
    REDIS_CACHE = {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": env("REDIS_URL")}
    CACHES = {"default": REDIS_CACHE, "pages": {**REDIS_CACHE, "KEY_PREFIX": "pages"}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "portal.cache.UncompressedFileBasedCache",
            "LOCATION": env("PAGE_CACHE_DIR"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): https://docs.allauth.org/en/latest/account/configuration.html
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "membership:home"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SIGNUP_REDIRECT_URL = "membership:apply"
# allauth's rate limits are on by default; they count in the cache, shared through Redis in production.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "OSCE Expert Portal"

# Membership of vetted experts.
MEMBER_IDLE_TIMEOUT_MINUTES = env("MEMBER_IDLE_TIMEOUT_MINUTES")
MEMBERSHIP_PERIOD_DAYS = env("MEMBERSHIP_PERIOD_DAYS")
MEMBERSHIP_REMINDER_DAYS = [int(days) for days in env("MEMBERSHIP_REMINDER_DAYS")]
MEMBERSHIP_REQUIRED_APPROVALS = env("MEMBERSHIP_REQUIRED_APPROVALS")
# Official e-mail domains of law-enforcement bodies; other addresses are flagged for the reviewer, not refused.
OFFICIAL_EMAIL_DOMAINS = env("OFFICIAL_EMAIL_DOMAINS") or ["police.example", "polizei.example", "prosecutor.example"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the six languages of the OSCE, English first and default.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

# Search: "database" (the default) or "elasticsearch", which needs ELASTICSEARCH_URL. The database
# index is kept in either case and answers whenever Elasticsearch cannot.
SEARCH_BACKEND = env("SEARCH_BACKEND")
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX")  # an alias; each rebuild makes a new index behind it

# Background tasks (django-tasks): the database backend; run `manage.py db_worker` beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The forum. Attachments live outside MEDIA_ROOT and are served only through a permission check.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
FORUM_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
FORUM_POSTS_PER_WINDOW = 20  # per member in ten minutes
# E-mail carries no post text; set FORUM_EMAIL_INCLUDE_TITLE=false to withhold topic titles too.
FORUM_EMAIL_INCLUDE_TITLE = env("FORUM_EMAIL_INCLUDE_TITLE")

WAGTAIL_SITE_NAME = "OSCE Expert Portal"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL")
WAGTAIL_I18N_ENABLED = False  # translation is by modeltranslation fields, one page tree
# Documents are served through Wagtail's view, which applies collection privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Nothing leaves the portal on its own: no avatars from Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True

# Everything is served by the portal itself: no CDN, no external fonts, no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
