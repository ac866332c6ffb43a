from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from wagtail.models import Page

from .access import pages_visible_to


class PageSitemap(Sitemap):
    """Every live page an anonymous visitor may see, in each language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return pages_visible_to(AnonymousUser(), Page.objects.live().filter(depth__gt=1).order_by("path"))

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at
