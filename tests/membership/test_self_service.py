import json

from django.contrib.auth import get_user_model

import pytest

from portal.audit.models import AuditEvent
from portal.membership.models import ExpertProfile

pytestmark = pytest.mark.usefixtures("demo_site")


def test_member_edits_the_profile_and_chooses_what_others_see(client, demo_user):
    investigator = demo_user("investigator")
    client.force_login(investigator)
    page = client.get("/en/membership/profile/")
    data = {key: value for key, value in page.context["form"].initial.items() if value not in (None, "")}
    data.update(bio="Victim identification specialist.", phone="+43 1 000 000", share_phone="on", languages=["de"])
    data["expertise"] = ["victim-identification"]
    data.pop("share_email", None)

    response = client.post("/en/membership/profile/", data)

    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=investigator)
    assert (profile.bio, profile.share_phone, profile.share_email) == ("Victim identification specialist.", True, False)


def test_member_downloads_their_own_data(client, demo_user):
    client.force_login(demo_user("investigator"))

    response = client.get("/en/membership/profile/export/")

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["username"] == "investigator"
    assert data["application"]["full_name"] == "Ina Vestigatorin"
    assert data["membership"]["status"] == "active"
    assert data["expert_profile"]["display_name"] == "Ina Vestigatorin"
    assert data["forum"]["posts"] and all(post["text"] for post in data["forum"]["posts"])


def test_export_holds_no_one_elses_data(client, demo_user):
    client.force_login(demo_user("applicant"))

    text = client.get("/en/membership/profile/export/").content.decode()

    assert "Alex Applicant" in text
    assert "investigator" not in text and "Ina Vestigatorin" not in text


def test_deleting_the_account_needs_the_password(client, demo_user):
    client.force_login(demo_user("applicant"))

    response = client.post("/en/membership/profile/delete/", {"password": "wrong"})

    assert response.status_code == 200
    assert "The password is not correct." in response.content.decode()
    assert get_user_model().objects.filter(username="applicant").exists()


def test_deleting_the_account_removes_it_and_keeps_the_audit_trail(client, demo_user):
    applicant = demo_user("applicant")
    client.force_login(applicant)

    response = client.post("/en/membership/profile/delete/", {"password": "demo-portal-2026"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="applicant").exists()
    event = AuditEvent.objects.get(action="account-deleted")
    assert (event.actor, event.actor_label) == (None, "applicant")
    assert client.get("/en/membership/").status_code == 302
