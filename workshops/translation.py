from modeltranslation.translator import TranslationOptions, register

from .models import WorkshopIndexPage, WorkshopPage, WorkshopSession


@register(WorkshopIndexPage)
class WorkshopIndexPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(WorkshopPage)
class WorkshopPageTranslation(TranslationOptions):
    fields = ("intro", "body", "summary", "report_recommendations")


@register(WorkshopSession)
class WorkshopSessionTranslation(TranslationOptions):
    fields = ("title", "description")
