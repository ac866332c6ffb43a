"""Materials for participants, evaluation, the generated report, certificates and their public verification."""

import io
import re

from django.contrib.auth import get_user_model

import pytest
from pypdf import PdfReader

from portal.audit.models import AuditEvent
from tests.members import make_member
from workshops.models import Certificate, Evaluation, Registration, WorkshopPage
from workshops.services import registration_register

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def past():
    return WorkshopPage.objects.get(slug_en="countering-sexual-exploitation-2008")


@pytest.fixture
def upcoming():
    return WorkshopPage.objects.get(slug_en="victim-identification-workshop")


def pdf_text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_materials_are_for_registered_participants_and_downloads_are_audited(client, upcoming):
    material = upcoming.materials.get()
    member = make_member("material.member")
    registration_register(user=member, workshop=upcoming)
    client.force_login(member)

    assert f"/en/participation/materials/{material.pk}/" in client.get(upcoming.url).content.decode()
    response = client.get(f"/en/participation/materials/{material.pk}/")

    assert response.status_code == 200
    assert b"Sample material" in b"".join(response.streaming_content)
    assert AuditEvent.objects.filter(action="document-downloaded", actor_label="material.member").exists()


@pytest.mark.parametrize("who", [None, "applicant", "not-registered"])
def test_materials_are_refused_to_non_participants(client, demo_user, upcoming, who):
    material = upcoming.materials.get()
    if who == "not-registered":
        client.force_login(make_member("outsider"))
    elif who:
        client.force_login(demo_user(who))

    response = client.get(f"/en/participation/materials/{material.pk}/")

    assert response.status_code in (302, 403)
    assert f"/en/participation/materials/{material.pk}/" not in client.get(upcoming.url).content.decode()


def test_participants_evaluate_and_choose_whether_to_be_named(client, past):
    member = make_member("evaluating.member", display_name="Eva Luator")
    Registration.objects.create(workshop=past, user=member, status="registered")
    client.force_login(member)

    client.post(
        f"/en/participation/{past.pk}/evaluation/",
        {"usefulness": "4", "organisation": "5", "comments": "Good keynotes.", "consent_to_be_named": ""},
    )

    evaluation = Evaluation.objects.get(registration__user=member)
    assert (evaluation.usefulness, evaluation.organisation, evaluation.consent_to_be_named) == (4, 5, False)


def test_an_evaluation_with_an_error_keeps_what_was_typed(client, past):
    member = make_member("hasty.member")
    Registration.objects.create(workshop=past, user=member, status="registered")
    client.force_login(member)

    response = client.post(f"/en/participation/{past.pk}/evaluation/", {"comments": "Typed comment"})

    assert response.status_code == 200
    assert "Typed comment</textarea>" in response.content.decode()


def test_the_report_figures_come_from_the_data(client, demo_user, past):
    client.force_login(demo_user("editor"))

    html = client.get(f"/en/participation/{past.pk}/report/").content.decode()

    registered = Registration.objects.filter(workshop=past, status="registered").count()
    assert re.search(rf"<dt>Participants</dt><dd>{registered}</dd>", html)
    first = past.sessions.order_by("starts_at").first()
    assert re.search(
        rf"<th scope=\"row\">{re.escape(first.title)}</th><td>{first.discussion_topic.post_count}</td>", html
    )
    assert "usefulness 5.0 / 5, organisation 4.0 / 5" in html
    assert "Reconstructed sample evaluation" in html  # editors see the comments


def test_the_public_summary_names_only_participants_who_agreed(client, past):
    consenting = Evaluation.objects.filter(registration__workshop=past, consent_to_be_named=True)
    named = {evaluation.registration.user.expert_profile.display_name for evaluation in consenting}
    unnamed = {
        registration.user.expert_profile.display_name
        for registration in Registration.objects.filter(workshop=past).select_related("user__expert_profile")
    } - named

    html = client.get(f"/en/participation/{past.pk}/report/").content.decode()

    assert "Recommendations" in html and "Reconstruction for this demo" in html
    assert all(name in html for name in named)
    assert not any(name in html for name in unnamed)
    assert "Reconstructed sample evaluation" not in html


def test_an_unpublished_report_is_not_public(client, upcoming):
    assert client.get(f"/en/participation/{upcoming.pk}/report/").status_code == 404


def test_a_participant_downloads_a_certificate_in_their_language_and_it_verifies(client, demo_user, past):
    client.force_login(demo_user("investigator"))

    response = client.get(f"/ru/participation/{past.pk}/certificate/")

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    certificate = Certificate.objects.get(registration__user__username="investigator", registration__workshop=past)
    assert "Сертификат об участии" in text
    assert "Ina Vestigatorin" in text
    assert certificate.code in text
    client.logout()
    verified = client.get("/en/certificates/verify/", {"code": certificate.code}).content.decode()
    assert "Genuine: Ina Vestigatorin took part" in verified


def test_an_unknown_code_does_not_verify(client):
    html = client.get("/en/certificates/verify/", {"code": "NOT-A-CODE"}).content.decode()

    assert "No certificate has this code." in html


def test_certificates_only_for_participants_of_a_finished_workshop(client, upcoming, past):
    member = make_member("early.member")
    registration_register(user=member, workshop=upcoming)
    client.force_login(member)
    assert client.get(f"/en/participation/{upcoming.pk}/certificate/").status_code == 404

    client.force_login(get_user_model().objects.get(username="applicant"))
    assert client.get(f"/en/participation/{past.pk}/certificate/").status_code == 403
