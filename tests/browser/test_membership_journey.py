"""From sign-up to the first restricted page: verify e-mail, apply, be approved, set up TOTP."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

import pyotp
import pytest

from portal.membership.models import MembershipApplication
from portal.membership.services import vetting_decide

pytestmark = pytest.mark.browser
PASSWORD = "a-long-journey-password-42"  # noqa: S105


def test_a_newcomer_signs_up_is_vetted_and_reaches_the_members_library(page, seeded_live_server):
    base = seeded_live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Apply for membership").first.click()

    page.fill("#id_email", "erika.example@police.example")
    page.fill("#id_username", "erika")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    confirmation = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(confirmation)
    page.get_by_role("button", name="Confirm").click()
    page.goto(f"{base}/en/membership/apply/")

    page.fill("#id_full_name", "Erika Example")
    page.fill("#id_organisation", "Sample federal police (browser test)")
    page.fill("#id_official_role", "Investigator")
    page.select_option("#id_country", "DE")
    page.fill("#id_referee_name", "Head of unit")
    page.fill("#id_referee_email", "head@police.example")
    page.get_by_label("German").check()
    page.get_by_label("Victim identification").check()
    page.fill("#id_justification", "Investigates online child sexual exploitation.")
    page.get_by_role("button", name="Submit application").click()
    assert page.get_by_text("Submitted, waiting for review").is_visible()

    application = MembershipApplication.objects.get(user__username="erika")
    vetting_decide(
        application=application, reviewer=get_user_model().objects.get(username="reviewer"), decision="approve"
    )

    page.goto(f"{base}/en/library/members/")
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Activate").click()

    page.goto(f"{base}/en/library/members/")
    assert page.locator("h1").inner_text() == "Members' library"
