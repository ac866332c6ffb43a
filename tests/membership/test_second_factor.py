"""Vetted members must log in with a second factor (allauth MFA); without one they are sent to set it up."""

from django.contrib.auth.models import Group

import pyotp
import pytest
from allauth.mfa.models import Authenticator

from portal.accounts import VETTED_MEMBERS_GROUP
from portal.membership.models import MembershipApplication
from portal.membership.seed import DEMO_TOTP_SECRET
from portal.membership.services import membership_grant
from tests.membership.conftest import APPLICATION_DATA

pytestmark = pytest.mark.usefixtures("demo_site")
PASSWORD = "a-long-test-password-123"


@pytest.fixture
def member_without_second_factor(user_factory):
    user = user_factory("nofactor", password=PASSWORD)
    application = MembershipApplication.objects.create(user=user, **APPLICATION_DATA)
    membership_grant(application=application)
    return user


def restricted_addresses():
    from knowledge.models import LibrarySectionPage

    return [LibrarySectionPage.objects.get(slug_en="members").url, "/en/experts/"]


def test_a_vetted_member_without_a_second_factor_is_sent_to_set_one_up(client, member_without_second_factor):
    client.force_login(member_without_second_factor)

    for address in restricted_addresses():
        response = client.get(address)

        assert response.status_code == 302, address
        assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


def test_a_vetted_member_without_a_second_factor_sees_no_restricted_item_in_lists(client, member_without_second_factor):
    from knowledge.models import KnowledgeItemPage

    restricted = KnowledgeItemPage.objects.live().exclude(pk__in=KnowledgeItemPage.objects.live().public())
    client.force_login(member_without_second_factor)

    html = client.get("/en/library/").content.decode()

    assert restricted.exists()
    assert not any(item.title_en in html for item in restricted)


def test_setting_up_totp_opens_the_restricted_pages(client, member_without_second_factor):
    client.post("/en/accounts/login/", {"login": "nofactor", "password": PASSWORD})
    first = client.get("/en/accounts/2fa/totp/activate/")
    assert "/accounts/reauthenticate/" in first["Location"]  # allauth confirms the password first
    client.post(first["Location"], {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret

    response = client.post("/en/accounts/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member_without_second_factor, type="totp").exists()
    for address in restricted_addresses():
        assert client.get(address).status_code == 200, address


def test_investigator_logs_in_with_password_then_an_authenticator_code(client):
    response = client.post("/en/accounts/login/", {"login": "investigator", "password": "demo-portal-2026"})

    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert client.get("/en/experts/").status_code == 302  # not logged in until the second step

    client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()})

    assert client.get("/en/experts/").status_code == 200


def test_a_wrong_authenticator_code_is_refused(client):
    client.post("/en/accounts/login/", {"login": "investigator", "password": "demo-portal-2026"})

    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert client.get("/en/experts/").status_code == 302


def test_security_keys_and_recovery_codes_are_offered(client, member_without_second_factor):
    client.force_login(member_without_second_factor)

    html = client.get("/en/accounts/2fa/").content.decode()

    assert "/accounts/2fa/webauthn/" in html
    assert "/accounts/2fa/totp/activate/" in html


def test_a_member_removed_from_the_vetted_group_is_refused_at_once(client, demo_user):
    investigator = demo_user("investigator")
    client.force_login(investigator)
    assert client.get("/en/experts/").status_code == 200

    investigator.groups.remove(Group.objects.get(name=VETTED_MEMBERS_GROUP))

    assert client.get("/en/experts/").status_code == 403
