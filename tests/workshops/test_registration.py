import datetime
import zoneinfo

from django.core import mail
from django.utils import timezone

import pytest
from icalendar import Calendar

from tests.members import make_member
from workshops.models import Registration, WorkshopPage, WorkshopPreferences

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def workshop():
    workshop = WorkshopPage.objects.get(slug_en="victim-identification-workshop")
    workshop.capacity = 2
    workshop.save()
    return workshop


def register(client, user, workshop, on_commit):
    client.force_login(user)
    with on_commit():
        return client.post(f"/en/participation/{workshop.pk}/register/")


def test_members_register_until_full_then_wait_in_line(client, workshop, on_commit):
    members = [make_member(f"participant.{number}") for number in range(3)]

    for member in members:
        register(client, member, workshop, on_commit)

    statuses = [Registration.objects.get(workshop=workshop, user=member).status for member in members]
    assert statuses == ["registered", "registered", "waiting"]
    assert [message.subject for message in mail.outbox] == [
        "Your workshop registration",
        "Your workshop registration",
        "You are on the waiting list",
    ]


def test_cancelling_promotes_the_first_in_line(client, workshop, on_commit):
    members = [make_member(f"participant.{number}") for number in range(3)]
    for member in members:
        register(client, member, workshop, on_commit)
    mail.outbox.clear()

    client.force_login(members[0])
    with on_commit():
        client.post(f"/en/participation/{workshop.pk}/cancel/")

    assert Registration.objects.get(user=members[0]).status == "cancelled"
    assert Registration.objects.get(user=members[2]).status == "registered"
    assert mail.outbox[0].to == [members[2].email]
    assert mail.outbox[0].subject == "A place has become free: you are registered"


@pytest.mark.parametrize("who", [None, "applicant"])
def test_non_members_cannot_register(client, demo_user, workshop, who):
    if who:
        client.force_login(demo_user(who))

    response = client.post(f"/en/participation/{workshop.pk}/register/")

    assert response.status_code in (302, 403)
    assert not Registration.objects.filter(workshop=workshop).exists()


def test_registration_closed_refuses(client, workshop, on_commit):
    workshop.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    workshop.save()
    member = make_member("late.member")

    response = register(client, member, workshop, on_commit)

    assert response.status_code == 302
    assert not Registration.objects.filter(user=member).exists()


def test_times_are_shown_in_the_members_time_zone(client, workshop):
    member = make_member("tokyo.member")
    WorkshopPreferences.objects.create(user=member, time_zone="Asia/Tokyo")
    session = workshop.sessions.order_by("starts_at").first()
    client.force_login(member)

    html = client.get(workshop.url).content.decode()

    in_tokyo = session.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert "Asia/Tokyo" in html
    assert in_tokyo.isoformat() in html


def test_anonymous_visitors_see_the_workshops_time_zone(client, workshop):
    session = workshop.sessions.order_by("starts_at").first()

    html = client.get(workshop.url).content.decode()

    assert "Europe/Vienna" in html
    assert session.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Vienna")).isoformat() in html


def test_the_live_link_is_for_registered_participants_only_and_only_shortly_before(client, workshop, on_commit):
    session = workshop.sessions.order_by("starts_at").first()
    member, other = make_member("live.member"), make_member("other.member")
    register(client, member, workshop, on_commit)

    assert session.live_url not in client.get(workshop.url).content.decode()  # days before

    session.starts_at = timezone.now() + datetime.timedelta(minutes=10)
    session.ends_at = session.starts_at + datetime.timedelta(hours=1)
    session.save()
    assert session.live_url in client.get(workshop.url).content.decode()

    client.force_login(other)
    assert session.live_url not in client.get(workshop.url).content.decode()
    client.logout()
    assert session.live_url not in client.get(workshop.url).content.decode()


def test_the_workshop_calendar_parses_and_lists_every_session(client, workshop):
    response = client.get(f"/en/participation/{workshop.pk}/calendar/")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == workshop.sessions.count()
    first = workshop.sessions.order_by("starts_at").first()
    assert min(event.decoded("dtstart") for event in events) == first.starts_at
    assert first.live_url not in response.content.decode()


def test_the_personal_calendar_lists_ones_workshops_and_can_be_revoked(client, workshop, on_commit):
    member = make_member("calendar.member")
    register(client, member, workshop, on_commit)
    token = WorkshopPreferences.objects.get_or_create(user=member)[0].calendar_token
    feed = f"/en/participation/calendar/{token}/"

    client.logout()
    events = list(Calendar.from_ical(client.get(feed).content).walk("VEVENT"))
    assert len(events) == workshop.sessions.count()

    client.force_login(member)
    client.post("/en/participation/settings/", {"renew_token": "1"})
    client.logout()
    assert client.get(feed).status_code == 404


def test_a_revoked_members_calendar_stops_working(client, workshop, on_commit, demo_user):
    member = make_member("revoked.member")
    register(client, member, workshop, on_commit)
    token = WorkshopPreferences.objects.get_or_create(user=member)[0].calendar_token
    member.membership.status = "revoked"
    member.membership.save()

    assert client.get(f"/en/participation/calendar/{token}/").status_code == 404
