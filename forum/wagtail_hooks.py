from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category


class CategoryViewSet(SnippetViewSet):
    """Editors name and describe categories in six languages and choose who may read, write and moderate."""

    model = Category
    icon = "group"
    menu_label = _("Forum categories")
    list_display = ["name", "slug", "position"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("slug"),
        FieldPanel("position"),
        FieldPanel("read_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("start_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("reply_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("moderate_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("writable_from"),
        FieldPanel("writable_until"),
    ]


register_snippet(CategoryViewSet)
