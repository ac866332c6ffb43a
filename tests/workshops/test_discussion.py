"""Each session's discussion is a forum topic for registered participants, writable only while the workshop runs."""

import datetime

from django.utils import timezone

import pytest

from tests.members import make_member
from workshops.discussions import discussion_prepare
from workshops.models import WorkshopGuest, WorkshopPage
from workshops.services import registration_cancel, registration_register

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def running_workshop():
    workshop = WorkshopPage.objects.get(slug_en="victim-identification-workshop")
    today = timezone.localdate()
    workshop.starts_on, workshop.ends_on = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    workshop.save()
    discussion_prepare(workshop)
    workshop.refresh_from_db()
    return workshop


def first_topic(workshop):
    return workshop.sessions.order_by("starts_at").first().discussion_topic


def test_registered_participants_discuss_while_the_workshop_runs(client, running_workshop):
    member = make_member("participant")
    registration_register(user=member, workshop=running_workshop)
    client.force_login(member)
    topic = first_topic(running_workshop)

    page = client.get(running_workshop.url).content.decode()
    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "A question for the speaker.", "language": "en"})

    assert f"/en/forum/topics/{topic.pk}/" in page
    assert response.status_code == 302
    assert topic.posts.get().body == "A question for the speaker."


def test_members_who_did_not_register_see_nothing_of_the_discussion(client, running_workshop):
    client.force_login(make_member("not.registered"))
    topic = first_topic(running_workshop)

    assert client.get(f"/en/forum/topics/{topic.pk}/").status_code == 404
    assert running_workshop.discussion_category.name_en not in client.get("/en/forum/").content.decode()
    assert f"/en/forum/topics/{topic.pk}/" not in client.get(running_workshop.url).content.decode()


def test_cancelling_ends_access_to_the_discussion(client, running_workshop):
    member = make_member("leaving")
    registration = registration_register(user=member, workshop=running_workshop)
    registration_cancel(registration=registration)
    client.force_login(member)

    assert client.get(f"/en/forum/topics/{first_topic(running_workshop).pk}/").status_code == 404


@pytest.mark.parametrize("who", [None, "applicant"])
def test_the_discussion_is_refused_to_non_members(client, demo_user, running_workshop, who):
    if who:
        client.force_login(demo_user(who))

    response = client.get(f"/en/forum/topics/{first_topic(running_workshop).pk}/")

    assert response.status_code in (302, 403)


def test_after_the_workshop_the_discussion_is_read_only(client, demo_user):
    past = WorkshopPage.objects.get(slug_en="countering-sexual-exploitation-2008")
    topic = first_topic(past)
    client.force_login(demo_user("investigator"))

    page = client.get(f"/en/forum/topics/{topic.pk}/")
    response = client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Too late", "language": "en"})

    assert page.status_code == 200
    assert "Reconstructed sample comment" in page.content.decode()
    assert "Post reply" not in page.content.decode()
    assert response.status_code == 403


@pytest.fixture
def guest_workshop(running_workshop):
    running_workshop.audience = "vetted-and-guests"
    running_workshop.save()
    WorkshopGuest.objects.create(page=running_workshop, email="guest@ngo.example")
    discussion_prepare(running_workshop)
    running_workshop.refresh_from_db()
    return running_workshop


def make_guest(email="guest@ngo.example"):
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user = get_user_model().objects.create_user(username="guest", email=email, password="x" * 16)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    return user


def test_an_invited_guest_registers_and_joins_the_discussion_but_nothing_else(client, guest_workshop):
    client.force_login(make_guest())
    topic = first_topic(guest_workshop)

    assert client.post(f"/en/participation/{guest_workshop.pk}/register/").status_code == 302
    assert client.get(f"/en/forum/topics/{topic.pk}/").status_code == 200
    assert client.post(f"/en/forum/topics/{topic.pk}/", {"body": "Guest question", "language": "en"}).status_code == 302
    index = client.get("/en/forum/").content.decode()
    assert guest_workshop.discussion_category.name_en in index
    assert "Investigative methods" not in index
    assert client.get("/en/library/members/").status_code == 403
    assert client.get("/en/experts/").status_code == 403


def test_an_uninvited_user_is_no_guest(client, guest_workshop):
    client.force_login(make_guest(email="someone@else.example"))

    assert client.post(f"/en/participation/{guest_workshop.pk}/register/").status_code == 403
    assert client.get(f"/en/forum/topics/{first_topic(guest_workshop).pk}/").status_code == 403


def test_guests_are_refused_when_the_audience_is_vetted_members_only(client, running_workshop):
    WorkshopGuest.objects.create(page=running_workshop, email="guest@ngo.example")
    client.force_login(make_guest())

    assert client.post(f"/en/participation/{running_workshop.pk}/register/").status_code == 403
