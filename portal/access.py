"""Who may see what: the one place that answers it.

Views, templates, listings, feeds, sitemaps and search all ask these functions, so that the
check that guards a page is the same one that filters it out of every list. Restricted pages
use Wagtail's own page view restrictions (for the vetted members group); this module applies
the same restrictions to querysets.
"""

from wagtail.models import PageViewRestriction

from .accounts import VETTED_MEMBERS_GROUP


def is_vetted_member(user):
    """A vetted member in good standing may see restricted content. Cached on the user object."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_portal_is_vetted"):
        user._portal_is_vetted = user.is_superuser or user.groups.filter(name=VETTED_MEMBERS_GROUP).exists()
    return user._portal_is_vetted


def _group_ids(user):
    if not hasattr(user, "_portal_group_ids"):
        user._portal_group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    return user._portal_group_ids


def passes_restriction(user, restriction):
    """Whether `user` passes a page view restriction without a request (listings, feeds, search)."""
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return bool(user and user.is_authenticated)
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not (user and user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or bool(_group_ids(user) & {group.pk for group in restriction.groups.all()})
    # Password restrictions are passed per session, never in a list.
    return False


def restrictions_not_passed_by(user):
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [restriction for restriction in restrictions if not passes_restriction(user, restriction)]


def pages_visible_to(user, queryset):
    """`queryset` without the pages that sit under a view restriction `user` does not pass."""
    for restriction in restrictions_not_passed_by(user):
        queryset = queryset.exclude(path__startswith=restriction.page.path)
    return queryset


def can_view_page(user, page):
    return all(passes_restriction(user, restriction) for restriction in page.get_view_restrictions())


def refuses_member(user, page):
    """A signed-in user blocked by a group restriction on `page` (anonymous visitors are Wagtail's to handle)."""
    if not (user and user.is_authenticated):
        return False
    return any(
        restriction.restriction_type == PageViewRestriction.GROUPS and not passes_restriction(user, restriction)
        for restriction in page.get_view_restrictions()
    )
