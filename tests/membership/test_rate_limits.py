import pytest

pytestmark = pytest.mark.usefixtures("demo_site")
TOO_MANY = "Too many failed login attempts. Try again later."


def test_repeated_failed_log_ins_are_rate_limited(client):
    pages = [
        client.post("/en/accounts/login/", {"login": "investigator", "password": f"wrong-{attempt}"})
        for attempt in range(6)
    ]

    assert TOO_MANY not in pages[0].content.decode()
    assert TOO_MANY in pages[-1].content.decode()


def test_the_rate_limit_holds_even_for_the_right_password(client):
    for attempt in range(6):
        client.post("/en/accounts/login/", {"login": "applicant", "password": f"wrong-{attempt}"})

    response = client.post("/en/accounts/login/", {"login": "applicant", "password": "demo-portal-2026"})

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session
