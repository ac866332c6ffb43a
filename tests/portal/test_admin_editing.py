"""Editors can open every page type and snippet in the Wagtail admin (panels, translated fields, inline panels)."""

from wagtail.models import Page

import pytest

from forum.models import Category
from knowledge.models import Hotline, SoftwareToolPage, Topic, WebLink

pytestmark = pytest.mark.usefixtures("demo_site")


def test_every_page_type_opens_in_the_editor(client, demo_user):
    client.force_login(demo_user("admin"))
    one_page_per_type = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        one_page_per_type.setdefault(type(page), page)

    for page_type, page in one_page_per_type.items():
        response = client.get(f"/admin/pages/{page.pk}/edit/")

        assert response.status_code == 200, page_type.__name__
        assert 'name="title_de"' in response.content.decode(), page_type.__name__
    assert len(one_page_per_type) >= 14


def test_every_snippet_opens_in_the_editor(client, demo_user):
    client.force_login(demo_user("admin"))
    for model in (Category, Hotline, Topic, WebLink):
        instance = model.objects.first()
        url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/edit/{instance.pk}/"

        assert client.get(url).status_code == 200, model.__name__


def test_the_editor_saves_a_software_tool_with_its_check_boxes(client, demo_user):
    client.force_login(demo_user("admin"))
    tool = SoftwareToolPage.objects.live().first()
    form = client.get(f"/admin/pages/{tool.pk}/edit/").context["form"]

    assert set(form.fields["platforms"].initial or tool.platforms) == set(tool.platforms)
    assert form.fields["platforms"].widget.__class__.__name__ == "CheckboxSelectMultiple"
