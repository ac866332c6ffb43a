from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .models import AuditAction
from .services import record_event
from .views import audit_log_report

# After every other before_serve_document hook, Wagtail's collection privacy check among them.
AFTER_ACCESS_CHECKS = 10_000


@hooks.register("register_admin_urls")
def register_audit_log_url():
    return [path("reports/audit-log/", audit_log_report, name="audit_log")]


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AdminOnlyMenuItem(_("Audit log"), reverse("audit_log"), icon_name="clipboard-list", order=1050)


@hooks.register("before_serve_document", order=AFTER_ACCESS_CHECKS)
def record_restricted_document_download(document, request):
    """A download of a document in a private collection, by someone its restrictions let through.

    Records only; Wagtail's own hook refuses the request when a restriction is not passed, and this
    one checks the same restrictions so that a refusal is never logged as a download.
    """
    restrictions = list(document.collection.get_view_restrictions())
    if restrictions and all(restriction.accept_request(request) for restriction in restrictions):
        record_event(
            action=AuditAction.DOCUMENT_DOWNLOADED,
            target=f"document {document.pk}: {document.title}",
            request=request,
            details={"document_id": document.pk, "collection": document.collection.name},
        )
