"""The audit log: append-only rows, the events recorded on their own, and the administrators' report."""

from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from portal.accounts import VETTED_MEMBERS_GROUP
from portal.audit.models import AppendOnlyError, AuditAction, AuditEvent
from portal.audit.services import record_event

pytestmark = pytest.mark.usefixtures("demo_site")

needs_allauth_mfa = pytest.mark.skipif(not apps.is_installed("allauth.mfa"), reason="allauth.mfa is not installed")


@pytest.fixture
def users(demo_site):
    User = get_user_model()
    return {name: User.objects.get(username=name) for name in ("admin", "editor", "investigator", "applicant")}


@pytest.fixture
def event(users):
    return record_event(action=AuditAction.VETTING_APPROVED, actor=users["admin"], target="application 12")


def events_of(action):
    return list(AuditEvent.objects.filter(action=action))


# Append-only


def test_an_event_cannot_be_changed(event):
    event.target = "application 13"

    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).target == "application 12"


def test_an_event_cannot_be_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_events_cannot_be_changed_or_deleted_in_bulk(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(target="nothing")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).target == "application 12"


def test_an_event_keeps_the_username_when_the_account_is_deleted(django_user_model):
    user = django_user_model.objects.create_user(username="leaving", password="irrelevant-password-1")
    event = record_event(action=AuditAction.ACCOUNT_DELETED, actor=user, target="user leaving")

    user.delete()

    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor is None
    assert event.actor_label == "leaving"


def test_events_are_listed_newest_first(users):
    first = record_event(action=AuditAction.MEMBERSHIP_RENEWED, actor=users["admin"], target="membership 1")
    second = record_event(action=AuditAction.MEMBERSHIP_REVOKED, actor=users["admin"], target="membership 1")

    assert list(AuditEvent.objects.all()[:2]) == [second, first]


# Recording: who, what, when, from where


def test_record_event_takes_who_and_where_from_the_request(users):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox/140 " + "x" * 400)
    request.user = users["investigator"]

    event = record_event(action=AuditAction.APPLICATION_SUBMITTED, target="application 12", request=request)

    event.refresh_from_db()
    assert event.actor == users["investigator"]
    assert event.actor_label == "investigator"
    assert event.ip_address == "203.0.113.7"
    assert event.user_agent.startswith("Firefox/140")
    assert len(event.user_agent) == 300
    assert event.created_at is not None
    assert event.details == {}


def test_record_event_ignores_x_forwarded_for_by_default():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="10.9.8.7")

    event = record_event(action=AuditAction.LOGIN_FAILED, target="someone", request=request)

    assert event.ip_address == "198.51.100.1"
    assert event.actor is None
    assert event.actor_label == ""


def test_record_event_reads_x_forwarded_for_behind_a_trusted_proxy(settings):
    settings.AUDIT_TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")

    event = record_event(action=AuditAction.LOGIN_FAILED, target="someone", request=request)

    assert event.ip_address == "203.0.113.9"


def test_record_event_without_a_request_records_no_address(users):
    event = record_event(action=AuditAction.MEMBERSHIP_EXPIRED, actor=users["investigator"], target="membership 3")

    assert event.ip_address is None
    assert event.user_agent == ""


def test_logging_in_is_recorded(client, users):
    client.force_login(users["investigator"])

    [event] = events_of(AuditAction.LOGIN)
    assert event.actor == users["investigator"]


def test_logging_out_is_recorded(client, users):
    client.force_login(users["investigator"])

    client.logout()

    [event] = events_of(AuditAction.LOGOUT)
    assert event.actor == users["investigator"]


def test_a_failed_log_in_records_the_identifier_tried_never_the_password(users):
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.44")

    assert authenticate(request, username="investigator", password="wrong-password-123") is None

    [event] = events_of(AuditAction.LOGIN_FAILED)
    assert event.actor is None
    assert event.target == "investigator"
    assert event.ip_address == "192.0.2.44"
    assert "wrong-password-123" not in str(event.details)
    assert "wrong-password-123" not in event.target


def test_a_failed_log_in_without_a_request_is_recorded():
    assert authenticate(request=None, username="nobody-here", password="wrong") is None

    [event] = events_of(AuditAction.LOGIN_FAILED)
    assert event.target == "nobody-here"
    assert event.ip_address is None


@needs_allauth_mfa
@pytest.mark.parametrize(
    ("signal_name", "action"),
    [
        ("authenticator_added", AuditAction.MFA_ADDED),
        ("authenticator_removed", AuditAction.MFA_REMOVED),
        ("authenticator_reset", AuditAction.MFA_RESET),
    ],
)
def test_mfa_changes_are_recorded(django_user_model, signal_name, action):
    from allauth.mfa import signals
    from allauth.mfa.models import Authenticator

    user = django_user_model.objects.create_user(username="newcomer", password="irrelevant-password-1")
    authenticator = Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    request = RequestFactory().post("/accounts/2fa/", REMOTE_ADDR="192.0.2.10")
    request.user = user

    getattr(signals, signal_name).send(sender=Authenticator, request=request, user=user, authenticator=authenticator)

    [event] = events_of(action)
    assert event.actor == user
    assert event.ip_address == "192.0.2.10"
    assert "totp" in event.target


# Downloads of restricted documents


@pytest.fixture
def documents(demo_site):
    Document = get_document_model()
    restricted_collection = Collection.objects.get(name="Members' documents")
    restricted = Document.objects.filter(collection=restricted_collection).first()
    public = Document.objects.filter(collection=Collection.get_first_root_node()).first()
    assert restricted and public
    return {"restricted": restricted, "public": public}


@pytest.fixture
def vetted_member(users):
    """investigator, as able to download restricted documents as the portal lets anyone be."""
    from django.contrib.auth.models import Group

    investigator = users["investigator"]
    investigator.groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.get_or_create(
            user=investigator, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
        )
    return investigator


def download(client, document):
    response = client.get(document.url, REMOTE_ADDR="192.0.2.99")
    if response.status_code == 200:
        b"".join(response.streaming_content)
    return response


def test_downloading_a_restricted_document_is_recorded(client, vetted_member, documents):
    client.force_login(vetted_member)
    document = documents["restricted"]

    assert download(client, document).status_code == 200

    [event] = events_of(AuditAction.DOCUMENT_DOWNLOADED)
    assert event.actor == vetted_member
    assert event.target == f"document {document.pk}: {document.title}"
    assert event.ip_address == "192.0.2.99"


def test_downloading_a_public_document_is_not_recorded(client, vetted_member, documents):
    client.force_login(vetted_member)

    assert download(client, documents["public"]).status_code == 200

    assert events_of(AuditAction.DOCUMENT_DOWNLOADED) == []


@pytest.mark.parametrize("who", [None, "applicant"])
def test_a_refused_download_is_not_recorded(client, users, documents, who):
    if who:
        client.force_login(users[who])

    assert download(client, documents["restricted"]).status_code != 200

    assert events_of(AuditAction.DOCUMENT_DOWNLOADED) == []


# The administrators' report


def test_the_audit_log_lists_events_for_an_administrator(client, users, event):
    record_event(action=AuditAction.LOGIN_FAILED, target="mallory@example.org")
    client.force_login(users["admin"])

    response = client.get(reverse("audit_log"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "application 12" in html
    assert "mallory@example.org" in html
    assert "Application approved" in html


def test_the_audit_log_filters_by_action(client, users, event):
    record_event(action=AuditAction.LOGIN_FAILED, target="mallory@example.org")
    client.force_login(users["admin"])

    response = client.get(reverse("audit_log"), {"action": AuditAction.LOGIN_FAILED})

    html = response.content.decode()
    assert "mallory@example.org" in html
    assert "application 12" not in html


def test_the_audit_log_is_paginated_newest_first(client, users):
    for number in range(1, 56):
        record_event(action=AuditAction.VETTING_REJECTED, actor=users["admin"], target=f"application #{number:03d}")
    client.force_login(users["admin"])

    first_page = client.get(reverse("audit_log"), {"action": AuditAction.VETTING_REJECTED}).content.decode()
    second_page = client.get(reverse("audit_log"), {"action": AuditAction.VETTING_REJECTED, "p": 2}).content.decode()

    assert "application #055" in first_page
    assert "application #006" in first_page
    assert "application #005" not in first_page
    assert "application #005" in second_page
    assert "application #001" in second_page


def test_the_audit_log_costs_the_same_queries_for_5_or_50_events(client, users, django_assert_max_num_queries):
    client.force_login(users["admin"])
    client.get(reverse("audit_log"))
    for number in range(5):
        record_event(action=AuditAction.MEMBERSHIP_RENEWED, actor=users["admin"], target=f"membership {number}")
    with django_assert_max_num_queries(50) as five:
        client.get(reverse("audit_log"))
    for number in range(45):
        record_event(action=AuditAction.MEMBERSHIP_RENEWED, actor=users["admin"], target=f"membership {number}")
    with django_assert_max_num_queries(50) as fifty:
        client.get(reverse("audit_log"))

    assert len(fifty.captured_queries) == len(five.captured_queries)


@pytest.mark.parametrize("who", ["editor", "investigator"])
def test_the_audit_log_is_refused_to_anyone_but_administrators(client, users, event, who):
    client.force_login(users[who])

    response = client.get(reverse("audit_log"))

    assert response.status_code in (302, 403)
    assert "application 12" not in response.content.decode()


def test_the_reports_menu_offers_the_audit_log_to_administrators_only(client, users):
    audit_log_url = reverse("audit_log")
    client.force_login(users["admin"])
    assert audit_log_url in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(users["editor"])
    assert audit_log_url not in client.get(reverse("wagtailadmin_home")).content.decode()
