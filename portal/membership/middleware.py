import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from portal.access import is_vetted_member

LAST_ACTIVITY = "member_last_activity"


class MemberIdleTimeoutMiddleware:
    """Ends a vetted member's session after MEMBER_IDLE_TIMEOUT_MINUTES without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_vetted_member(request.user):
            now = time.time()
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > settings.MEMBER_IDLE_TIMEOUT_MINUTES * 60:
                logout(request)
                messages.info(request, _("Your session ended after a period of inactivity. Please log in again."))
            else:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)
