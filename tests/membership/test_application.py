import re

from django.core import mail

import pytest

from portal.audit.models import AuditEvent
from portal.membership.models import ApplicationStatus, MembershipApplication
from tests.membership.conftest import APPLICATION_DATA

pytestmark = pytest.mark.usefixtures("demo_site")


def form_data(**overrides):
    data = {**APPLICATION_DATA, **overrides}
    return data


def test_sign_up_by_email_requires_verification_before_log_in(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "new.member@police.example",
            "username": "newmember",
            "password1": "a-long-test-password-123",
            "password2": "a-long-test-password-123",
        },
    )

    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verification" in response["Location"]
    assert len(mail.outbox) == 1
    client.logout()
    refused = client.post("/en/accounts/login/", {"login": "newmember", "password": "a-long-test-password-123"})
    assert "confirm-email" in refused.get("Location", "") or "verify" in refused.content.decode().lower()

    confirmation_url = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+)", mail.outbox[0].body).group(1)
    client.post(confirmation_url)
    response = client.get("/en/membership/")

    assert response.status_code == 200
    assert response.context["user"].username == "newmember"
    assert "Apply for membership" in response.content.decode()


def test_application_is_stored_and_an_unofficial_address_is_flagged(client, user_factory):
    client.force_login(user_factory("sam"))

    response = client.post("/de/membership/apply/", form_data(official_email="sam@gmail.example"))

    assert response.status_code == 302
    application = MembershipApplication.objects.get(user__username="sam")
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.official_email_flagged
    assert application.language == "de"
    assert AuditEvent.objects.filter(action="application-submitted", actor_label="sam").exists()


def test_an_official_address_is_not_flagged(client, user_factory):
    client.force_login(user_factory("olga"))

    client.post("/en/membership/apply/", form_data())

    assert not MembershipApplication.objects.get(user__username="olga").official_email_flagged


def test_a_form_with_an_error_keeps_everything_typed(client, user_factory):
    client.force_login(user_factory("tim"))

    response = client.post("/en/membership/apply/", form_data(full_name=""))

    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert 'value="Sample national police (test)"' in html
    assert "Works on online child sexual exploitation cases (test data)." in html
    assert re.search(r'value="victim-identification"[^>]*checked', html)
    assert re.search(r'<option value="DE" selected>', html)
    assert not MembershipApplication.objects.filter(user__username="tim").exists()


def test_applicant_sees_the_status_of_the_application(client, demo_user):
    client.force_login(demo_user("applicant"))

    html = client.get("/en/membership/").content.decode()

    assert "Your application" in html
    assert "Submitted, waiting for review" in html


def test_applicant_cannot_apply_twice(client, demo_user):
    client.force_login(demo_user("applicant"))

    response = client.post("/en/membership/apply/", form_data())

    assert response.status_code == 302
    assert MembershipApplication.objects.filter(user__username="applicant").count() == 1


def test_password_reset_sends_a_link_by_email(client):
    response = client.post("/en/accounts/password/reset/", {"email": "applicant@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
