from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.signals import page_published

from .translation_status import record_translation_state
from .views import translation_status_report


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", translation_status_report, name="translation_status")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=700)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def note_translation_state(request, page):
    record_translation_state(page)


def note_translation_state_on_publish(sender, instance, **kwargs):
    record_translation_state(instance)


page_published.connect(note_translation_state_on_publish, dispatch_uid="portal.pages.translation_state")
