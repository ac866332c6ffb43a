from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "portal.membership"
    label = "membership"
    verbose_name = "Membership"

    def ready(self):
        from . import seed  # noqa: F401  (registers the demo memberships)
