from django.conf import settings

from modeltranslation.utils import build_localized_fieldname

from portal.demo import register_seeder
from portal.pages.models import SectionPage

from .indexing import collected_anything
from .models import SearchDocument, ThesaurusEntry
from .rebuild import rebuild
from .seed_content.thesaurus import THESAURUS


@register_seeder(order=90, name="search")
def seed_search():
    for entry in THESAURUS:
        if not ThesaurusEntry.objects.filter(name=entry["name"]).exists():
            terms = {build_localized_fieldname("terms", code): "\n".join(entry[code]) for code, _ in settings.LANGUAGES}
            ThesaurusEntry.objects.create(name=entry["name"], **terms)
    # Earlier versions of the demo had a placeholder page at /<lang>/search/, where the search now is.
    for placeholder in SectionPage.objects.filter(slug="search", depth=3):
        placeholder.delete()
    # A database seeded before the search existed has content but no index.
    if not (SearchDocument.objects.exists() or collected_anything()):
        rebuild("database")
