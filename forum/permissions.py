"""Who may do what in the forum: declared once, asked by every view, template, list and notification.

A member may act in a category when they may see restricted content at all (vetted, in good
standing, with a second factor) and are in one of the category's groups for that action. The one
exception: a workshop's discussion open to its invited guests, who must log in with a second
factor too.
Moderators of a category may do everything in it. A suspended member may read but not write, and
nobody but moderators writes in a category outside its posting window (a finished workshop).
"""

from django.utils import timezone

from portal.access import cached_on_user, group_ids, has_second_factor, may_see_restricted

from .models import Category

READ, START, REPLY, MODERATE = "read", "start", "reply", "moderate"
GROUP_FIELDS = {READ: "read_groups", START: "start_groups", REPLY: "reply_groups", MODERATE: "moderate_groups"}


def is_suspended(user):
    return cached_on_user(
        user, "_forum_suspended", lambda: user.forum_suspensions.filter(until__gt=timezone.now()).exists()
    )


def category_group_ids(category, action):
    """Group ids allowed to do `action`; uses prefetched groups when the selector fetched them."""
    return {group.pk for group in getattr(category, GROUP_FIELDS[action]).all()}


def is_guest_of(user, category):
    """An invited guest (not vetted) in the groups of a category open to guests, logged in with a second factor."""
    return (
        category.open_to_guests
        and user.is_authenticated
        and has_second_factor(user)
        and bool(group_ids(user) & category_group_ids(category, READ))
    )


def may_enter_forum(user):
    """Vetted members, and guests invited to a workshop's discussion; each category then decides."""
    return may_see_restricted(user) or (
        user.is_authenticated
        and has_second_factor(user)
        and Category.objects.filter(open_to_guests=True, read_groups__in=group_ids(user)).exists()
    )


def can(user, action, category):
    if not (may_see_restricted(user) or (action != MODERATE and is_guest_of(user, category))):
        return False
    if user.is_superuser:
        return True
    groups = group_ids(user)
    if groups & category_group_ids(category, MODERATE):
        return True
    if action in (START, REPLY) and (is_suspended(user) or not category.is_writable(timezone.now())):
        return False
    return bool(groups & category_group_ids(category, action))


def can_edit_post(user, post, category):
    return can(user, MODERATE, category) or (
        post.author_id == user.pk and can(user, REPLY, category) and not post.is_hidden and not post.is_deleted
    )
