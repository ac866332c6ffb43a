"""The addresses the HTTP benchmark and the load test visit, found in the served demo content.

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=... .venv/bin/python -m bench.targets

Run in a child process with the served portal's environment (`targets(environment)`): it reads
the demo pages, forum topics and workshops through the ORM and prints them as JSON, so that no
benchmark guesses a slug. Every page address is the English one.
"""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def targets(environment):
    """The addresses of the portal served with `environment` (see `bench.server.portal_environment`)."""
    result = subprocess.run(  # noqa: S603
        [ROOT / ".venv" / "bin" / "python", "-m", "bench.targets"], cwd=ROOT, env=environment, capture_output=True
    )
    if result.returncode:
        raise RuntimeError(f"bench.targets failed:\n{result.stderr.decode()}")
    return json.loads(result.stdout)


def readable_topics(member, category):
    from forum import selectors

    return list(selectors.topics_in(category, member).order_by("-post_count", "pk"))


def find():
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from forum import permissions, selectors
    from knowledge.models import CountryIndexPage, CountryPage, KnowledgeItemPage, LibraryIndexPage
    from portal.pages.models import HomePage
    from workshops.models import WorkshopPage

    translation.activate("en")
    investigator = get_user_model().objects.get(username="investigator")
    categories = [
        category
        for category in selectors.categories_visible_to(investigator)
        if not category.open_to_guests and permissions.can(investigator, permissions.REPLY, category)
    ]
    topics = [topic for category in categories for topic in readable_topics(investigator, category)]
    upcoming = WorkshopPage.objects.live().public().filter(registration_opens_at__isnull=False).order_by("starts_on")
    workshop = next(page for page in upcoming if page.registration_is_open)
    country_index = CountryIndexPage.objects.live().public().get()
    items = list(KnowledgeItemPage.objects.live().public().order_by("-date", "pk")[:20])
    return {
        "home": HomePage.objects.live().get().url,
        "library": LibraryIndexPage.objects.live().get().url,
        "item": items[0].url,
        "items": [item.url for item in items],
        "country": CountryPage.objects.live().public().get(iso_code="DE").url,
        "matrix": country_index.url + country_index.reverse_subpage("matrix"),
        "forum_categories": [f"/en/forum/{category.slug}/" for category in categories],
        "forum_topics": [f"/en/forum/topics/{topic.pk}/" for topic in topics],
        # A locked topic shows no reply form to members.
        "reply_topics": [f"/en/forum/topics/{topic.pk}/" for topic in topics if not topic.is_locked],
        "workshop": {"pk": workshop.pk, "url": workshop.url},
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    print(json.dumps(find()))
