from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"

    def ready(self):
        from . import personal_data, seed  # noqa: F401  (registers the data download and the demo discussions)
