"""Which pages are translated, missing or stale in each language.

A translation is stale when the English text changed after that translation was last saved.
`record_translation_state` notes, per page and language, a fingerprint of the language's text and
of the English text it was made from; it runs whenever a page is created, edited or published.
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.blocks import StreamValue

from .models import TranslationRecord

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
# Derived from the title per language; their changes are not changes of the text.
NOT_TEXT = {"slug", "url_path"}

TRANSLATED, MISSING, STALE = "translated", "missing", "stale"


def text_field_names(page):
    return sorted(set(translator.get_options_for_model(type(page)).get_field_names()) - NOT_TEXT)


def text_value(page, name, language):
    value = getattr(page, build_localized_fieldname(name, language))
    # A StreamField's raw blocks, not its JSON text: PostgreSQL's jsonb returns keys in another order.
    return list(value.raw_data) if isinstance(value, StreamValue) else value or ""


def fingerprint(page, language):
    values = [text_value(page, name, language) for name in text_field_names(page)]
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def is_present(page, language):
    return bool(getattr(page, build_localized_fieldname("title", language)))


def record_translation_state(page):
    page = page.specific
    source = fingerprint(page, SOURCE_LANGUAGE)
    records = {record.language: record for record in TranslationRecord.objects.filter(page_id=page.pk)}
    for language in TARGET_LANGUAGES:
        text = fingerprint(page, language)
        record = records.get(language)
        if record is None or record.text_fingerprint != text:
            TranslationRecord.objects.update_or_create(
                page_id=page.pk, language=language, defaults={"text_fingerprint": text, "source_fingerprint": source}
            )


@dataclass
class PageTranslationStatus:
    page: object
    statuses: list  # in the order of TARGET_LANGUAGES


@dataclass
class LanguageTotals:
    language: str
    name: str
    translated: int = 0
    missing: int = 0
    stale: int = 0


def translation_report(pages):
    """Each page with its status per language, and the count of each status per language."""
    pages = list(pages)
    records = {
        (record.page_id, record.language): record
        for record in TranslationRecord.objects.filter(page_id__in=[page.pk for page in pages])
    }
    names = dict(settings.LANGUAGES)
    totals = [LanguageTotals(language=language, name=names[language]) for language in TARGET_LANGUAGES]
    rows = []
    for page in pages:
        source = fingerprint(page, SOURCE_LANGUAGE)
        statuses = []
        for language, total in zip(TARGET_LANGUAGES, totals, strict=True):
            record = records.get((page.pk, language))
            if not is_present(page, language):
                status = MISSING
            elif record is not None and record.source_fingerprint != source:
                status = STALE
            else:
                status = TRANSLATED
            statuses.append(status)
            setattr(total, status, getattr(total, status) + 1)
        rows.append(PageTranslationStatus(page=page, statuses=statuses))
    return rows, totals
