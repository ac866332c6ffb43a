from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"

    def ready(self):
        from . import search, seed  # noqa: F401  (registers web links in the search and the library's demo content)
