from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.admin.auth import user_passes_test
from wagtail.admin.paginator import WagtailPaginator

from .forms import AuditLogFilterForm
from .selectors import audit_events

EVENTS_PER_PAGE = 50


def may_read_audit_log(user):
    """The audit log is for administrators only (the requirement says so): superusers."""
    return user.is_active and user.is_superuser


@user_passes_test(may_read_audit_log)
def audit_log_report(request):
    form = AuditLogFilterForm(request.GET)
    action = form.cleaned_data["action"] if form.is_valid() else ""
    paginator = WagtailPaginator(audit_events(action=action), EVENTS_PER_PAGE)
    events = paginator.get_page(request.GET.get("p"))
    return render(
        request,
        "audit/admin/audit_log.html",
        {
            "title": _("Audit log"),
            "form": form,
            "events": events,
            "elided_page_range": paginator.get_elided_page_range(events.number),
        },
    )
