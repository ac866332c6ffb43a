from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Registers the demo accounts seeder; drops cached pages when public content changes.
        from . import accounts, page_cache  # noqa: F401
