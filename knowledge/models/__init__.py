from .awareness import AwarenessIndexPage, AwarenessPage, WebLink
from .base import KnowledgeItemPage, LibraryIndexPage, LibrarySectionPage
from .best_practice import BestPracticePage, ItemAttachment
from .country import CountryIndexPage, CountryPage, Hotline, LegislationAssessment
from .hotline_finder import HotlineFinderPage
from .model_law import ModelLawPage, ModelLawPart, ModelLawProvision
from .taxonomy import Topic
from .tool import SoftwareToolPage

__all__ = [
    "AwarenessIndexPage",
    "AwarenessPage",
    "BestPracticePage",
    "CountryIndexPage",
    "CountryPage",
    "Hotline",
    "HotlineFinderPage",
    "ItemAttachment",
    "KnowledgeItemPage",
    "LegislationAssessment",
    "LibraryIndexPage",
    "LibrarySectionPage",
    "ModelLawPage",
    "ModelLawPart",
    "ModelLawProvision",
    "SoftwareToolPage",
    "Topic",
    "WebLink",
]
