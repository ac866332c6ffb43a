from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.translation import get_language, gettext

from wagtail.models import Page

from portal.access import pages_visible_to

from .models import AwarenessPage, KnowledgeItemPage, LibraryIndexPage

FEED_LENGTH = 30


class LibraryFeed(Feed):
    """New public items of the library and awareness pages, in the language of the feed's address."""

    def title(self):
        return gettext("New in the knowledge library")

    def description(self):
        return gettext("Best practices, methods, software, model legislation and awareness information.")

    def link(self):
        library = LibraryIndexPage.objects.live().first()
        return library.get_url() if library else "/"

    def items(self):
        pages = pages_visible_to(AnonymousUser(), Page.objects.live().type(KnowledgeItemPage, AwarenessPage))
        language = get_language()
        latest = pages.order_by("-first_published_at").specific()[:FEED_LENGTH]
        return [page for page in latest if page.is_translated_into(language)]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at
