from django.contrib.auth import get_user_model

import pytest

from knowledge.models import BestPracticePage, SoftwareToolPage


@pytest.fixture
def users(demo_site):
    User = get_user_model()
    return {name: User.objects.get(username=name) for name in ("investigator", "applicant", "editor", "reviewer")}


@pytest.fixture
def restricted_items(demo_site):
    """The demo items that sit in the members' library, behind a view restriction."""
    items = [
        page
        for model in (BestPracticePage, SoftwareToolPage)
        for page in model.objects.live().filter(path__startswith=members_section_path())
    ]
    assert items, "the demo must have restricted items"
    return items


@pytest.fixture
def public_items(demo_site):
    items = list(BestPracticePage.objects.live().public()) + list(SoftwareToolPage.objects.live().public())
    assert items
    return items


def members_section_path():
    from knowledge.models import LibrarySectionPage

    return LibrarySectionPage.objects.get(slug_en="members").path
