from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"

    def ready(self):
        from . import seed  # noqa: F401  (registers the forum's demo discussions)
