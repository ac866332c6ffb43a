from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from knowledge.models import (
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
    SoftwareToolPage,
)
from portal.pages.models import HomePage, SectionPage, StandardPage
from workshops.models import WorkshopIndexPage, WorkshopPage

ITEM_TYPES = {BestPracticePage, SoftwareToolPage, ModelLawPage}


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {SectionPage, StandardPage, AwarenessIndexPage, HotlineFinderPage, LibraryIndexPage, WorkshopIndexPage},
        )

    def test_library_holds_items_sections_and_the_countries(self):
        self.assertAllowedSubpageTypes(LibraryIndexPage, ITEM_TYPES | {LibrarySectionPage, CountryIndexPage})
        self.assertAllowedSubpageTypes(LibrarySectionPage, ITEM_TYPES)

    def test_items_live_in_the_library_only_and_have_no_children(self):
        for item_type in ITEM_TYPES:
            self.assertAllowedParentPageTypes(item_type, {LibraryIndexPage, LibrarySectionPage})
            self.assertAllowedSubpageTypes(item_type, set())

    def test_countries_live_under_the_country_index(self):
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryIndexPage, {CountryPage})
        self.assertAllowedParentPageTypes(CountryIndexPage, {LibraryIndexPage})

    def test_awareness_pages_live_under_the_awareness_index(self):
        self.assertAllowedParentPageTypes(AwarenessPage, {AwarenessIndexPage})
        self.assertAllowedSubpageTypes(AwarenessIndexPage, {AwarenessPage})

    def test_the_shared_item_base_cannot_be_created(self):
        self.assertFalse(KnowledgeItemPage.is_creatable)


class WorkshopPageRulesTest(WagtailPageTestCase):
    def test_workshops_live_under_the_workshop_index(self):
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})
        self.assertAllowedSubpageTypes(WorkshopIndexPage, {WorkshopPage})
        self.assertAllowedSubpageTypes(WorkshopPage, set())
