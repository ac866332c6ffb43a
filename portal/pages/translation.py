from modeltranslation.translator import TranslationOptions, register

from .models import HomePage, SectionPage, StandardPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(SectionPage)
class SectionPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body", "note")
