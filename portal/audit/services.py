"""Writing to the audit log. Every event goes through `record_event`, whoever records it."""

import ipaddress

from django.conf import settings

from .models import AuditEvent

USER_AGENT_MAX_LENGTH = AuditEvent._meta.get_field("user_agent").max_length
TARGET_MAX_LENGTH = AuditEvent._meta.get_field("target").max_length


def record_event(*, action, actor=None, target="", request=None, details=None):
    """Append one event: `actor` defaults to the signed-in user of `request`; the address and browser come from it."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    meta = request.META if request is not None else {}
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor.get_username() if actor is not None else "",
        target=str(target)[:TARGET_MAX_LENGTH],
        ip_address=client_ip_address(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH],
        details=details or {},
    )


def client_ip_address(request):
    """The address the request came from, or None when it is not a valid IP address.

    X-Forwarded-For is set by whoever sends the request, so it is read only behind a proxy the
    deployment vouches for (`AUDIT_TRUST_X_FORWARDED_FOR`), and then only its last entry: the
    address that proxy saw. Entries further left are whatever the client chose to send.
    """
    candidates = []
    if getattr(settings, "AUDIT_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        candidates.append(forwarded.split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None
