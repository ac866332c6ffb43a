"""Events recorded from the signals Django and allauth send: log-ins, log-outs, failed log-ins, MFA changes.

Django's signals: https://docs.djangoproject.com/en/5.2/ref/contrib/auth/#module-django.contrib.auth.signals
allauth's MFA signals: https://docs.allauth.org/en/latest/mfa/signals.html
"""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .models import AuditAction
from .services import record_event

# The keys under which a log-in form sends the account it tries: Django's, allauth's, an e-mail form's.
IDENTIFIER_KEYS = ("username", "email", "login")


def connect():
    user_logged_in.connect(record_login, dispatch_uid="portal.audit.login")
    user_logged_out.connect(record_logout, dispatch_uid="portal.audit.logout")
    user_login_failed.connect(record_login_failure, dispatch_uid="portal.audit.login_failed")
    # Importing allauth.mfa.signals loads allauth's account models, which fails until allauth is installed.
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa import signals as mfa_signals

        mfa_signals.authenticator_added.connect(record_mfa_added, dispatch_uid="portal.audit.mfa_added")
        mfa_signals.authenticator_removed.connect(record_mfa_removed, dispatch_uid="portal.audit.mfa_removed")
        mfa_signals.authenticator_reset.connect(record_mfa_reset, dispatch_uid="portal.audit.mfa_reset")


def record_login(sender, request, user, **kwargs):
    record_event(action=AuditAction.LOGIN, actor=user, request=request)


def record_logout(sender, request, user, **kwargs):
    # Django sends this signal for visitors who were not signed in, too: nothing happened to an account.
    if user is None:
        return
    record_event(action=AuditAction.LOGOUT, actor=user, request=request)


def record_login_failure(sender, credentials, request=None, **kwargs):
    """The identifier that was tried is kept; the password never is (Django masks it in `credentials` anyway)."""
    identifier = next((str(credentials[key]) for key in IDENTIFIER_KEYS if credentials.get(key)), "")
    record_event(action=AuditAction.LOGIN_FAILED, target=identifier, request=request)


def record_mfa_added(sender, request, user, authenticator, **kwargs):
    record_mfa_change(AuditAction.MFA_ADDED, request, user, authenticator)


def record_mfa_removed(sender, request, user, authenticator, **kwargs):
    record_mfa_change(AuditAction.MFA_REMOVED, request, user, authenticator)


def record_mfa_reset(sender, request, user, authenticator, **kwargs):
    record_mfa_change(AuditAction.MFA_RESET, request, user, authenticator)


def record_mfa_change(action, request, user, authenticator):
    record_event(
        action=action,
        actor=user,
        target=f"authenticator {authenticator.pk}: {authenticator.type}",
        request=request,
        details={"authenticator_type": authenticator.type},
    )
