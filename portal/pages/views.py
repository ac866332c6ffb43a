from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.admin.auth import user_has_any_page_permission, user_passes_test
from wagtail.models import Page

from .translation_status import translation_report


@user_passes_test(user_has_any_page_permission)
def translation_status_report(request):
    pages = Page.objects.filter(depth__gt=1).order_by("path").specific()
    rows, totals = translation_report(pages)
    return render(
        request,
        "pages/admin/translation_status.html",
        {"rows": rows, "totals": totals, "title": _("Translation status")},
    )
