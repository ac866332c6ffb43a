from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.pages.models import PortalPage

from .country import CountryPage

# Where a visitor's language is an official language: the countries offered first.
COUNTRIES_BY_LANGUAGE = {
    "en": ["GB", "IE", "US", "CA", "MT"],
    "de": ["DE", "AT", "CH", "LI", "LU", "BE"],
    "fr": ["FR", "BE", "CH", "LU", "MC", "CA"],
    "it": ["IT", "CH", "SM", "VA"],
    "ru": ["RU", "BY", "KZ", "KG"],
    "es": ["ES", "AD"],
}


class HotlineFinderPage(PortalPage):
    """Report abuse: pick a country, see its hotlines and how to report safely. Always public."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("hotline finder page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        countries = sorted(
            CountryPage.objects.live().public().defer_streamfields(), key=lambda country: country.title.casefold()
        )
        by_code = {country.iso_code: country for country in countries}
        selected = by_code.get(request.GET.get("country", "").upper())
        context.update(
            countries=countries,
            suggested=[by_code[code] for code in COUNTRIES_BY_LANGUAGE.get(get_language(), []) if code in by_code],
            selected=selected,
            hotlines=selected.hotlines.all() if selected else [],
        )
        return context
