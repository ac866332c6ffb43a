from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"

    def ready(self):
        from . import seed  # noqa: F401  (registers the demo workshops)
