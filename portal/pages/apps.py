from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from . import seed  # noqa: F401  (registers the site tree seeder)
