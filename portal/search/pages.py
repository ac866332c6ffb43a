"""The site's pages in the index: each page type that declares `search_kinds`, in every language it is in."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Page, get_page_models

from portal.access import restrictions_not_passed_by
from portal.pages.models import PortalPage

from .registry import Entry, Indexer, audience, register_audience, register_indexer

RESTRICTION = "pagerestriction"


def indexed_page_types():
    return [model for model in get_page_models() if issubclass(model, PortalPage) and model.search_kinds]


@register_indexer
class PageIndexer(Indexer):
    model = Page

    @property
    def kinds(self):
        return {value: label for model in indexed_page_types() for value, label in model.search_kinds.items()}

    def queryset(self):
        return Page.objects.live().order_by("pk")

    def entries(self, page):
        page = page.specific
        if not (page.live and getattr(page, "search_kinds", None)):
            return []
        audiences = [audience(RESTRICTION, restriction.pk) for restriction in page.get_view_restrictions()]
        kind, date, topics, countries = page.search_classification()
        entries = []
        for code, _name in settings.LANGUAGES:
            if not page.is_translated_into(code):
                continue
            with translation.override(code):
                entries.append(
                    Entry(
                        language=code,
                        title=page.title,
                        body=page.search_text(),
                        extra=page.search_extra_text(),
                        url=page.get_url(),
                        kind=kind,
                        date=date,
                        topics=topics,
                        countries=countries,
                        audiences=audiences,
                    )
                )
        return entries


register_audience(RESTRICTION, lambda user: [restriction.pk for restriction in restrictions_not_passed_by(user)])
