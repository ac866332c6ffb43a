from modeltranslation.translator import TranslationOptions, register

from .models import ThesaurusEntry


@register(ThesaurusEntry)
class ThesaurusEntryTranslation(TranslationOptions):
    fields = ("terms",)
