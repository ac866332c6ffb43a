from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"

    def ready(self):
        from . import personal_data, search, seed  # noqa: F401  (registers the data download, search and demo discussions)
