import io

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

from portal.accounts import DEMO_PASSWORD, VETTED_MEMBERS_GROUP
from portal.pages.models import StandardPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def seed():
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_second_run_changes_nothing():
    first = row_counts()  # the test database holds the demo already

    seed()

    assert row_counts() == first
    assert first["pages.HomePage"] == 1
    assert first["knowledge.CountryPage"] == 57


@pytest.mark.django_db
def test_demo_accounts_exist_and_the_password_is_printed():
    output = seed()

    User = get_user_model()
    for username in ("admin", "editor", "moderator", "reviewer", "investigator", "applicant"):
        assert username in output
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in output
    assert User.objects.get(username="admin").is_superuser
    vetted = set(User.objects.filter(groups__name=VETTED_MEMBERS_GROUP).values_list("username", flat=True))
    assert {"investigator", "moderator"} <= vetted
    assert not vetted & {"applicant", "editor", "reviewer"}
    assert not User.objects.get(username="applicant").groups.exists()


@pytest.mark.django_db
def test_refuses_to_run_under_production_settings(settings):
    get_user_model().objects.all().delete()
    settings.PORTAL_ENVIRONMENT = "production"

    with pytest.raises(CommandError, match="production"):
        seed()

    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_decision_9_07_is_a_page_in_six_languages_with_translations_marked_unofficial():
    seed()

    decision = StandardPage.objects.get(slug_en="decision-9-07")
    paragraph_counts = {code: len(getattr(decision, f"body_{code}")) for code in LANGUAGE_CODES}
    assert set(paragraph_counts.values()) == {20}
    assert decision.title_de.startswith("Beschluss Nr. 9/07")
    assert decision.note_de == ""
    for code in ("en", "fr", "it", "ru", "es"):
        assert getattr(decision, f"note_{code}"), code
    assert "unofficial" in decision.note_en.lower()
    assert decision.live
