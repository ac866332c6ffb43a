from modeltranslation.translator import TranslationOptions, register

from .models import (
    AwarenessIndexPage,
    AwarenessPage,
    BestPracticePage,
    CountryIndexPage,
    CountryPage,
    HotlineFinderPage,
    KnowledgeItemPage,
    LibraryIndexPage,
    LibrarySectionPage,
    ModelLawPage,
    ModelLawPart,
    ModelLawProvision,
    SoftwareToolPage,
    Topic,
    WebLink,
)

PAGE_TEXT = ("intro", "body")


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(WebLink)
class WebLinkTranslation(TranslationOptions):
    fields = ("title", "description")


@register(KnowledgeItemPage)
class KnowledgeItemPageTranslation(TranslationOptions):
    fields = (*PAGE_TEXT, "summary")


@register(BestPracticePage)
class BestPracticePageTranslation(TranslationOptions):
    fields = ("context", "what_was_done", "results")


@register(SoftwareToolPage)
class SoftwareToolPageTranslation(TranslationOptions):
    fields = ("purpose", "licence_and_cost", "how_to_obtain", "members_only_notes")


@register(ModelLawPage)
class ModelLawPageTranslation(TranslationOptions):
    fields = ()


@register(ModelLawPart)
class ModelLawPartTranslation(TranslationOptions):
    fields = ("title",)


@register(ModelLawProvision)
class ModelLawProvisionTranslation(TranslationOptions):
    fields = ("title", "text", "commentary")


@register(CountryPage)
class CountryPageTranslation(TranslationOptions):
    fields = (*PAGE_TEXT, "competent_authority", "how_to_report")


@register([LibraryIndexPage, LibrarySectionPage, CountryIndexPage, AwarenessIndexPage, HotlineFinderPage])
class SectionPageTranslation(TranslationOptions):
    fields = PAGE_TEXT


@register(AwarenessPage)
class AwarenessPageTranslation(TranslationOptions):
    fields = (*PAGE_TEXT, "summary")
