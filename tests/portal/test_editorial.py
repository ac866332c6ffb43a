"""Editors submit, reviewers publish (Wagtail's workflow); the translation status report."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, WorkflowState

import pytest

from portal.pages.models import StandardPage
from portal.pages.translation_status import MISSING, STALE, TRANSLATED, record_translation_state, translation_report

pytestmark = pytest.mark.usefixtures("demo_site")


def user(name):
    return get_user_model().objects.get(username=name)


def test_editor_submits_a_page_and_a_reviewer_publishes_it(client):
    home = Page.objects.get(depth=2)
    client.force_login(user("editor"))

    response = client.post(
        f"/admin/pages/add/pages/standardpage/{home.pk}/",
        {
            "title_en": "Annual report",
            "slug_en": "annual-report",
            "body_en-count": "0",
            "body_de-count": "0",
            "body_fr-count": "0",
            "body_it-count": "0",
            "body_ru-count": "0",
            "body_es-count": "0",
            "action-submit": "Submit for moderation",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug_en="annual-report")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(user("reviewer"))
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title_en": "Annual report",
            "slug_en": "annual-report",
            "body_en-count": "0",
            "body_de-count": "0",
            "body_fr-count": "0",
            "body_it-count": "0",
            "body_ru-count": "0",
            "body_es-count": "0",
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        },
    )

    assert response.status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live


def test_editor_cannot_publish_directly():
    page = Page.objects.get(depth=2)

    assert not page.permissions_for_user(user("editor")).can_publish()
    assert page.permissions_for_user(user("reviewer")).can_publish()


def statuses_of(page):
    rows, totals = translation_report([page])
    return dict(zip([total.language for total in totals], rows[0].statuses, strict=True)), totals


def test_translation_report_tells_translated_missing_and_stale():
    page = StandardPage.objects.get(slug_en="decision-9-07")
    assert set(statuses_of(page)[0].values()) == {TRANSLATED}

    page.title_ru = ""
    page.save()
    page.intro_en = "A changed English introduction."
    page.save()

    statuses, totals = statuses_of(page)
    assert statuses["ru"] == MISSING
    assert statuses["de"] == STALE

    page.intro_de = "Eine neue deutsche Einleitung."
    page.save()
    record_translation_state(page)

    statuses, totals = statuses_of(page)
    assert statuses["de"] == TRANSLATED
    assert statuses["fr"] == STALE
    by_language = {total.language: total for total in totals}
    assert (by_language["ru"].missing, by_language["fr"].stale, by_language["de"].translated) == (1, 1, 1)


def test_translation_report_is_in_the_admin_for_editors(client):
    client.force_login(user("editor"))

    response = client.get("/admin/reports/translation-status/")

    assert response.status_code == 200
    assert "Decision No. 9/07" in response.content.decode() or "9/07" in response.content.decode()


def test_translation_report_is_refused_to_members_without_admin_access(client):
    client.force_login(user("investigator"))

    response = client.get("/admin/reports/translation-status/")

    assert response.status_code in (302, 403)


def test_scheduled_publishing_publishes_a_revision_when_it_is_due():
    page = StandardPage.objects.get(slug_en="decision-9-07")
    page.intro_en = "Published on schedule."
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert StandardPage.objects.get(pk=page.pk).intro_en != "Published on schedule."

    call_command("publish_scheduled", stdout=io.StringIO())

    assert StandardPage.objects.get(pk=page.pk).intro_en == "Published on schedule."
