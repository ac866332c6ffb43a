"""The portal's roles and the demo accounts that hold them.

The account names are a fixed contract of the project: later modules give each its rights.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .demo import register_seeder

VETTED_MEMBERS_GROUP = "Vetted members"
REVIEWERS_GROUP = "Reviewers"
FORUM_MODERATORS_GROUP = "Forum moderators"
# Created by Wagtail's own migrations; they hold the page editing and publishing permissions.
WAGTAIL_EDITORS_GROUP = "Editors"
WAGTAIL_MODERATORS_GROUP = "Moderators"

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105  (public demo credential, printed by seed_demo)

DEMO_ACCOUNTS = [
    # username, groups, is_superuser, what the account is for
    ("admin", [], True, "administrator (superuser)"),
    ("editor", [WAGTAIL_EDITORS_GROUP], False, "editor and translator of content"),
    ("moderator", [FORUM_MODERATORS_GROUP], False, "forum moderator (vetted)"),
    ("reviewer", [REVIEWERS_GROUP, WAGTAIL_MODERATORS_GROUP], False, "vets members, publishes content"),
    ("investigator", [VETTED_MEMBERS_GROUP], False, "vetted law-enforcement member"),
    ("applicant", [], False, "registered, not yet vetted"),
]


@register_seeder(order=10, name="accounts")
def seed_demo_accounts():
    User = get_user_model()
    for username, group_names, is_superuser, _purpose in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "is_superuser": is_superuser,
                "is_staff": is_superuser or username in ("editor", "reviewer"),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for group_name in group_names:
            group, _ = Group.objects.get_or_create(name=group_name)
            user.groups.add(group)
