"""The pages `make audit` visits: one of every page type in every language, read from the seeded database.

Run by quality/audit.py with the environment of the served portal, so it sees the same database;
prints a JSON list of {"name", "language", "path", "members_only"}.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import PageViewRestriction  # noqa: E402

from forum.selectors import categories_visible_to, topics_in  # noqa: E402
from knowledge.models import (  # noqa: E402
    AwarenessIndexPage,
    AwarenessPage,
    BestPracticePage,
    CountryIndexPage,
    CountryPage,
    HotlineFinderPage,
    LibraryIndexPage,
    LibrarySectionPage,
    ModelLawPage,
    SoftwareToolPage,
)
from portal.pages.models import HomePage, SectionPage, StandardPage  # noqa: E402
from workshops.models import WorkshopIndexPage, WorkshopPage  # noqa: E402

MEMBER = "investigator"


def first(page_class, **filters):
    page = page_class.objects.live().filter(**filters).order_by("path").first()
    if page is None:
        raise SystemExit(f"The demo content has no live {page_class.__name__} {filters or ''}")
    return page


def restricted(page):
    return PageViewRestriction.objects.filter(page__path__in=[page.path[:i] for i in range(4, len(page.path) + 1, 4)])


def page_types(member):
    """(name, page or None, suffix or reverse() arguments); pages restricted to members are flagged from the DB."""
    country_index = first(CountryIndexPage)
    members_library = next(section for section in LibrarySectionPage.objects.live() if restricted(section).exists())
    category = categories_visible_to(member)[0]
    topic = topics_in(category, member).first()
    return [
        ("home", first(HomePage), ""),
        ("section", first(SectionPage), ""),
        ("standard", first(StandardPage), ""),
        ("library", first(LibraryIndexPage), ""),
        ("library-filtered", first(LibraryIndexPage), "?kind=practice"),
        ("item-practice", first(BestPracticePage, kind="practice"), ""),
        ("item-method", first(BestPracticePage, kind="method"), ""),
        ("item-software", first(SoftwareToolPage), ""),
        ("item-model-law", first(ModelLawPage), ""),
        ("item-model-law-print", first(ModelLawPage), "print/"),
        ("members-library", members_library, ""),
        ("country-index", country_index, ""),
        ("country", first(CountryPage, iso_code="DE"), ""),
        ("legislation-matrix", country_index, "matrix/"),
        ("legislation-compare", country_index, "compare/?country=DE&country=FR&country=IT"),
        ("report-abuse", first(HotlineFinderPage), ""),
        ("awareness-web-links", first(AwarenessIndexPage), ""),
        ("awareness", first(AwarenessPage), ""),
        ("search", None, (reverse("search:search"), "?q=grooming")),
        ("workshops", first(WorkshopIndexPage), ""),
        ("workshop", first(WorkshopPage), ""),
        ("forum", None, (reverse("forum:index"), "")),
        ("forum-category", None, (reverse("forum:category", args=[category.slug]), "")),
        ("forum-topic", None, (reverse("forum:topic", args=[topic.pk]), "")),
        ("experts", None, (reverse("membership:directory"), "")),
        ("membership", None, (reverse("membership:home"), "")),
        ("login", None, (reverse("account_login"), "")),
        ("signup", None, (reverse("account_signup"), "")),
        ("certificate-verify", None, (reverse("workshops:verify"), "")),
        ("not-found", None, (f"/{translation.get_language()}/no-such-page/", "")),
    ]


def main():
    member = get_user_model().objects.get(username=MEMBER)
    members_only_views = {"forum", "forum-category", "forum-topic", "experts", "membership"}
    pages = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name, page, suffix in page_types(member):
                if page is None:
                    path, query = suffix
                    members_only = name in members_only_views
                else:
                    path, query = page.get_url(), suffix
                    members_only = restricted(page).exists()
                pages.append({"name": name, "language": language, "path": path + query, "members_only": members_only})
    json.dump(pages, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
