"""Web links in the search, in each language their title is translated into (pages index themselves)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname

from portal.search.registry import Entry, Indexer, register_indexer

from .models import WebLink


@register_indexer
class WebLinkIndexer(Indexer):
    model = WebLink
    kinds = {"web-link": _("Web link")}

    def entries(self, link):
        entries = []
        for code, _name in settings.LANGUAGES:
            title = getattr(link, build_localized_fieldname("title", code))
            if title:
                description = getattr(link, build_localized_fieldname("description", code)) or ""
                entries.append(Entry(language=code, title=title, body=description, url=link.url, kind="web-link"))
        return entries
