from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import Page

import pytest

from knowledge.models import (
    AwarenessPage,
    BestPracticePage,
    CountryPage,
    KnowledgeItemPage,
    ModelLawPage,
    SoftwareToolPage,
    WebLink,
)

pytestmark = pytest.mark.usefixtures("demo_site")
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def test_demo_has_the_promised_amount_of_content():
    assert AwarenessPage.objects.live().count() >= 3
    assert BestPracticePage.objects.live().count() >= 6
    assert SoftwareToolPage.objects.live().count() >= 4
    model_law = ModelLawPage.objects.get()
    assert model_law.parts.count() >= 4
    assert model_law.provisions.count() >= 10
    assert CountryPage.objects.live().count() == 57
    assert WebLink.objects.count() >= 10


def test_some_items_are_restricted_and_some_public():
    items = KnowledgeItemPage.objects.live()

    assert items.public().exists()
    assert items.count() > items.public().count()


@pytest.mark.parametrize("model", [AwarenessPage, BestPracticePage, SoftwareToolPage, ModelLawPage])
def test_demo_items_are_written_in_all_six_languages(model):
    for page in model.objects.all():
        for code in LANGUAGE_CODES:
            assert page.is_translated_into(code), (page.title_en, code)


def test_every_demo_page_renders_in_every_language_for_a_vetted_member(client):
    client.force_login(get_user_model().objects.get(username="investigator"))
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for code in LANGUAGE_CODES:
            with translation.override(code):
                url = page.get_url()
            assert client.get(url).status_code == 200, url
