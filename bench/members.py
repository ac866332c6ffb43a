"""Vetted bench members with a second factor, for the load test: `bench-member-01`, `bench-member-02`, ...

    DATABASE_URL=... .venv/bin/python -m bench.members 50

Each is made as the demo's `investigator` is (portal/membership/seed.py): a verified e-mail
address, an application approved by the demo reviewer and the membership it grants, and a TOTP
authenticator. They share the demo password and one public TOTP secret; allauth remembers used
codes per member, so the members can log in within the same 30 seconds. Idempotent.
`create_members(environment, count)` runs it in a child process with the served portal's environment.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "demo-portal-2026"  # noqa: S105  (the public demo password, portal/accounts.py)
TOTP_SECRET = "JBSWY3DPEHPK3PXPBENCHMEMBERSLOAD"  # noqa: S105  (public, for the bench only)


def username(number):
    return f"bench-member-{number:02d}"


def create_members(environment, count):
    subprocess.run(  # noqa: S603
        [ROOT / ".venv" / "bin" / "python", "-m", "bench.members", str(count)], cwd=ROOT, env=environment, check=True
    )


def create(count):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from portal.membership.seed import INVESTIGATOR_APPLICATION, ensure_vetted_member

    User = get_user_model()
    reviewer = User.objects.get(username="reviewer")
    password_hash = make_password(PASSWORD)  # hashed once: the production hasher is slow on purpose
    with transaction.atomic():
        for number in range(1, count + 1):
            name = username(number)
            email = f"{name}@police.example"
            member, _created = User.objects.get_or_create(
                username=name, defaults={"email": email, "password": password_hash}
            )
            EmailAddress.objects.get_or_create(user=member, email=email, defaults={"verified": True, "primary": True})
            application = {
                **INVESTIGATOR_APPLICATION,
                "full_name": f"Bench Member {number:02d}",
                "official_email": email,
                "justification": "Bench account for the load test.",
            }
            ensure_vetted_member(member, application, reviewer)
            if not Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(member, TOTP_SECRET)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    create(int(sys.argv[1]))
