"""Reading the audit log."""

from .models import AuditEvent


def audit_events(*, action=""):
    """Events newest first, of one action when `action` is given."""
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action=action)
    return events
