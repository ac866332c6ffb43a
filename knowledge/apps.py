from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"

    def ready(self):
        from . import seed  # noqa: F401  (registers the library's demo content)
