import pytest

from portal.membership.models import ExpertProfile

pytestmark = pytest.mark.usefixtures("demo_site")


def test_directory_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/en/experts/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_directory_is_refused_to_an_unvetted_member(client, demo_user):
    client.force_login(demo_user("applicant"))

    response = client.get("/en/experts/")

    assert response.status_code == 403
    assert "Ina Vestigatorin" not in response.content.decode()


def test_directory_shows_members_and_only_the_contact_details_they_share(client, demo_user):
    profile = ExpertProfile.objects.get(user__username="investigator")
    profile.phone, profile.share_phone, profile.share_email = "+43 1 234 567", True, False
    profile.save()
    client.force_login(demo_user("investigator"))

    html = client.get("/en/experts/").content.decode()

    assert "Ina Vestigatorin" in html
    assert "+43 1 234 567" in html
    assert profile.contact_email not in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"expertise": "victim-identification"}, True),
        ({"expertise": "prosecution"}, False),
        ({"country": "AT"}, True),
        ({"country": "FR"}, False),
        ({"language": "de"}, True),
        ({"language": "ru"}, False),
        ({"q": "Vestigatorin"}, True),
        ({"q": "nobody-by-this-name"}, False),
    ],
)
def test_directory_search_and_filters(client, demo_user, query, found):
    client.force_login(demo_user("investigator"))

    html = client.get("/en/experts/", query).content.decode()

    assert ("Ina Vestigatorin" in html) is found


def test_directory_lists_no_pending_applicant(client, demo_user):
    client.force_login(demo_user("investigator"))

    assert "Alex Applicant" not in client.get("/en/experts/").content.decode()
