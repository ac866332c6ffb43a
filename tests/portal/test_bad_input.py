"""Input that no page can use is answered with a clear client error, never a server error."""

import pytest

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.parametrize(
    "url", ["/en/library/?topic=%00", "/en/library/?country=D%00", "/en/search/?q=child%00", "/en/search/?%00=x"]
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, url):
    assert client.get(url).status_code == 400


def test_a_long_word_like_no_other_gets_results_not_an_error(client):
    response = client.get("/en/search/", {"q": "xylophonequartzwombat"})

    assert response.status_code == 200
    assert response.context["results"].total == 0
