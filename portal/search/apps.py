from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import indexing, pages, seed  # noqa: F401  (signal receivers, the page indexer, the seeder)
