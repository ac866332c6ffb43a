from django.contrib.auth import get_user_model

import pytest
from allauth.account.models import EmailAddress

from portal.membership.models import MembershipApplication

APPLICATION_DATA = {
    "full_name": "Maria Muster",
    "organisation": "Sample national police (test)",
    "official_role": "Investigator, child protection unit",
    "country": "DE",
    "official_email": "maria.muster@police.example",
    "referee_name": "Head of unit",
    "referee_email": "head@police.example",
    "languages": ["de", "en"],
    "expertise": ["victim-identification"],
    "justification": "Works on online child sexual exploitation cases (test data).",
}


TEST_PASSWORD = "a-long-test-password-123"  # noqa: S105


@pytest.fixture
def user_factory(db):
    def create(username, *, password=TEST_PASSWORD, verified=True, language_email=None):
        user = get_user_model().objects.create_user(
            username=username, email=language_email or f"{username}@example.org", password=password
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        return user

    return create


@pytest.fixture
def application(user_factory):
    user = user_factory("maria")
    return MembershipApplication.objects.create(user=user, language="de", **APPLICATION_DATA)
