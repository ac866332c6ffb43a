import datetime
import time

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

import pytest

from knowledge.models import LibrarySectionPage
from portal.accounts import VETTED_MEMBERS_GROUP
from portal.audit.models import AuditEvent
from portal.membership.middleware import LAST_ACTIVITY
from portal.membership.models import Membership, MembershipStatus
from portal.membership.services import membership_send_reminders, memberships_expire

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def investigator_client(client, demo_user):
    client.force_login(demo_user("investigator"))
    return client


@pytest.fixture
def membership(demo_user):
    return Membership.objects.get(user=demo_user("investigator"))


def members_library():
    return LibrarySectionPage.objects.get(slug_en="members").url


def test_expiry_takes_effect_at_once_in_an_open_session(investigator_client, membership):
    assert investigator_client.get(members_library()).status_code == 200

    membership.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    membership.save()

    assert investigator_client.get(members_library()).status_code == 403
    assert investigator_client.get("/en/experts/").status_code == 403


def test_expiring_marks_the_membership_removes_the_group_and_tells_the_member(membership, on_commit):
    membership.expires_at = timezone.now() - datetime.timedelta(days=1)
    membership.save()

    with on_commit():
        expired = memberships_expire()

    membership.refresh_from_db()
    assert expired == [membership]
    assert membership.status == MembershipStatus.EXPIRED
    assert not membership.user.groups.filter(name=VETTED_MEMBERS_GROUP).exists()
    assert mail.outbox[0].subject == "Your membership has expired"
    assert AuditEvent.objects.filter(action="membership-expired").exists()


def test_reminders_are_sent_once_for_each_configured_day(membership, settings, on_commit):
    settings.MEMBERSHIP_REMINDER_DAYS = [30, 7]
    now = timezone.now()
    membership.expires_at = now + datetime.timedelta(days=20)
    membership.save()

    with on_commit():
        assert membership_send_reminders(now=now) == [membership]
        assert membership_send_reminders(now=now) == []
        assert membership_send_reminders(now=now + datetime.timedelta(days=15)) == [membership]
    assert [message.subject for message in mail.outbox] == ["Your membership expires soon"] * 2


def test_member_confirms_the_role_and_a_reviewer_renews(investigator_client, membership, demo_user, on_commit):
    from django.test import Client

    client = Client()
    old_expiry = membership.expires_at

    investigator_client.post("/en/membership/renew/", {"role_confirmation": "Still detective inspector."})
    membership.refresh_from_db()
    assert membership.renewal_requested_at is not None

    client.force_login(demo_user("reviewer"))
    assert "Still detective inspector." in client.get("/en/membership/review/").content.decode()
    with on_commit():
        client.post(f"/en/membership/review/members/{membership.pk}/renew/")

    membership.refresh_from_db()
    assert membership.expires_at - old_expiry >= datetime.timedelta(days=364)
    assert membership.renewal_requested_at is None
    assert AuditEvent.objects.filter(action="membership-renewed", actor_label="reviewer").exists()
    assert mail.outbox[-1].subject == "Your membership has been renewed"


def test_revocation_ends_an_open_session_at_once(membership, demo_user):
    from django.test import Client

    member, reviewer = Client(), Client()
    member.force_login(demo_user("investigator"))
    reviewer.force_login(demo_user("reviewer"))
    assert member.get(members_library()).status_code == 200

    reviewer.post(f"/en/membership/review/members/{membership.pk}/revoke/", {"reason": "Left the police service."})

    assert member.get(members_library()).status_code == 403
    assert member.get("/en/experts/").status_code == 403
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REVOKED
    assert not Group.objects.get(name=VETTED_MEMBERS_GROUP).user_set.filter(pk=membership.user_id).exists()
    assert AuditEvent.objects.filter(action="membership-revoked").exists()


def test_an_idle_session_of_a_vetted_member_ends(investigator_client, settings):
    settings.MEMBER_IDLE_TIMEOUT_MINUTES = 30
    assert investigator_client.get("/en/experts/").status_code == 200
    session = investigator_client.session
    session[LAST_ACTIVITY] = time.time() - 31 * 60
    session.save()

    response = investigator_client.get("/en/experts/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
