from django.core.management import call_command

import pytest


@pytest.fixture
def demo_site(db):
    """The demo site tree and accounts, as `make run` builds them."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
