from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from csp.decorators import csp_update

from knowledge.feeds import LibraryFeed

from . import routing
from .sitemaps import PageSitemap

# The Wagtail admin (behind log-in) runs inline scripts of its own and of wagtail-modeltranslation,
# e.g. the schedule-publishing date pickers; the public site never gets 'unsafe-inline'.
admin_csp = csp_update({"script-src": ["'unsafe-inline'"]})

urlpatterns = [
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_csp))),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are served through Wagtail's view, which checks collection privacy.
    urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=f"{settings.MEDIA_ROOT}/images")

urlpatterns += i18n_patterns(
    path("feeds/library/", LibraryFeed(), name="library_feed"),
    path("accounts/", include("allauth.urls")),
    path("", include("portal.search.urls")),
    path("", include("portal.membership.urls")),
    path("", include("forum.urls")),
    path("", include("workshops.urls")),
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
