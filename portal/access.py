"""Who may see what: the one place that answers it.

Restricted content is for vetted members in good standing who log in with a second factor.
Views, Wagtail hooks, listings, feeds, the sitemap and search all ask these functions, so the
check that guards a page is the same one that filters it out of every list. Restricted pages and
documents use Wagtail's own view restrictions for the vetted members group; this module adds
what groups alone cannot say (expiry, revocation, the second factor) and applies the same rules
to querysets. https://docs.wagtail.org/en/stable/advanced_topics/privacy.html
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.models import PageViewRestriction

from allauth.mfa.models import Authenticator

from .accounts import VETTED_MEMBERS_GROUP
from .page_cache import cached_until_content_changes

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def cached_on_user(user, name, compute):
    """`compute()` once per request: the request's user object carries the answer."""
    if not hasattr(user, name):
        setattr(user, name, compute())
    return getattr(user, name)


def is_vetted_member(user):
    """In the vetted members group with a membership neither expired nor revoked (checked on every request)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    from .membership.models import Membership

    def compute():
        membership = Membership.objects.filter(user=user, user__groups__name=VETTED_MEMBERS_GROUP).first()
        return bool(membership and membership.in_good_standing())

    return cached_on_user(user, "_portal_is_vetted", compute)


def has_second_factor(user):
    return cached_on_user(
        user,
        "_portal_has_second_factor",
        lambda: Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists(),
    )


def may_see_restricted(user):
    return is_vetted_member(user) and has_second_factor(user)


def restricted_response(request):
    """The refusal for restricted content, or None when the visitor may see it."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_vetted_member(user):
        return TemplateResponse(request, "403_members_only.html", status=403)
    if not has_second_factor(user):
        return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
    return None


def vetted_member_required(view):
    """A view for vetted members with a second factor; refuses everyone else like any restricted page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return restricted_response(request) or view(request, *args, **kwargs)

    return wrapper


def is_vetted_restriction(restriction):
    return restriction.restriction_type == restriction.GROUPS and any(
        group.name == VETTED_MEMBERS_GROUP for group in restriction.groups.all()
    )


def group_ids(user):
    return cached_on_user(user, "_portal_group_ids", lambda: set(user.groups.values_list("pk", flat=True)))


def passes_restriction(user, restriction):
    """Whether `user` passes a page view restriction without a request (listings, feeds, search)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if is_vetted_restriction(restriction):
            return may_see_restricted(user)
        return user.is_superuser or bool(group_ids(user) & {group.pk for group in restriction.groups.all()})
    # Password restrictions are passed per session, never in a list.
    return False


def read_view_restrictions():
    return list(
        PageViewRestriction.objects.select_related("page")
        .only("restriction_type", "password", "page__path")
        .prefetch_related("groups")
    )


def view_restrictions(user):
    """Every page view restriction with its page and groups: kept until content changes, read once per request.

    A saved or deleted restriction, or a change of its groups, starts a new content generation
    (`portal.page_cache`), so a new restriction applies from the next request on.
    """
    return cached_on_user(
        user,
        "_portal_view_restrictions",
        lambda: cached_until_content_changes("view-restrictions", read_view_restrictions),
    )


def restrictions_not_passed_by(user):
    return [restriction for restriction in view_restrictions(user) if not passes_restriction(user, restriction)]


def restrictions_over(page, user):
    """The view restrictions of `page` and of its ancestors."""
    return [restriction for restriction in view_restrictions(user) if page.path.startswith(restriction.page.path)]


def pages_visible_to(user, queryset):
    """`queryset` without the pages that sit under a view restriction `user` does not pass."""
    for restriction in restrictions_not_passed_by(user):
        queryset = queryset.exclude(path__startswith=restriction.page.path)
    return queryset


def restricted_response_for(request, restrictions):
    """Applies the vetted-member rules to content under `restrictions` (page or collection view restrictions)."""
    if any(is_vetted_restriction(restriction) for restriction in restrictions):
        return restricted_response(request)
    return None
