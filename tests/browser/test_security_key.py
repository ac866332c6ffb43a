"""A vetted member adds a security key (WebAuthn) with a virtual authenticator in Chromium."""

import re

import pyotp
import pytest
from allauth.mfa.models import Authenticator

from portal.audit.models import AuditEvent
from portal.membership.seed import DEMO_TOTP_SECRET

pytestmark = pytest.mark.browser


def test_investigator_adds_a_security_key(page, seeded_live_server):
    base = seeded_live_server.url.replace("127.0.0.1", "localhost")  # WebAuthn needs a secure context
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_login", "investigator")
    page.fill("#id_password", "demo-portal-2026")
    page.get_by_role("button", name="Sign In").click()
    page.fill("#id_code", pyotp.TOTP(DEMO_TOTP_SECRET).now())
    page.get_by_role("button", name="Sign In").click()

    page.goto(f"{base}/en/accounts/2fa/webauthn/add/")
    if "reauthenticate" in page.url:  # allauth confirms the password before a new second factor
        page.fill("#id_password", "demo-portal-2026")
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_url(re.compile(r"/webauthn/add/"))
    page.fill("#id_name", "Office key")
    page.get_by_role("button", name="Add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)

    assert Authenticator.objects.filter(user__username="investigator", type=Authenticator.Type.WEBAUTHN).exists()
    assert AuditEvent.objects.filter(action="mfa-added", actor_label="investigator").exists()
