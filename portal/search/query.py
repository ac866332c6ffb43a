"""A visitor's query, parsed once and expanded with the thesaurus, for every backend to render.

A query is a list of clauses that must all match; a clause lists alternatives of which one must
match: the word itself, stemmed in every language, and the equivalent terms the thesaurus gives
for it (or for a phrase it starts), each in its own language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from modeltranslation.utils import build_localized_fieldname

from .analysis import fold, stem_words, stems_in_every_language, words
from .models import ThesaurusEntry

THESAURUS_CACHE_KEY = "search:thesaurus"
LONGEST_TERM = 5  # words


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]
    language: str | None = None  # None: a word typed by the visitor, in any language

    def stem_sequences(self):
        """The stem sequences the alternative may appear as: in its language, or in each language if typed."""
        if self.language:
            return [tuple(stem_words(self.words, self.language))]
        return stems_in_every_language(self.words)


@dataclass(frozen=True)
class Clause:
    alternatives: tuple[Alternative, ...]


def thesaurus():
    """{folded term words: [(term words, language), ...] of its entry}, cached until an entry changes."""
    terms = cache.get(THESAURUS_CACHE_KEY)
    if terms is None:
        terms = {}
        for entry in ThesaurusEntry.objects.all():
            equivalents = []
            for code, _name in settings.LANGUAGES:
                text = getattr(entry, build_localized_fieldname("terms", code)) or ""
                equivalents += [(tuple(words(line)), code) for line in text.splitlines() if words(line)]
            for term, _language in equivalents:
                terms.setdefault(tuple(fold(word) for word in term), []).extend(equivalents)
        cache.set(THESAURUS_CACHE_KEY, terms, None)
    return terms


def forget_thesaurus():
    cache.delete(THESAURUS_CACHE_KEY)


def parse(text):
    """Clauses of `text`; a run of words that is a thesaurus term becomes one clause with its equivalents."""
    query_words = words(text)[:32]
    known = thesaurus()
    clauses = []
    position = 0
    while position < len(query_words):
        for length in range(min(LONGEST_TERM, len(query_words) - position), 0, -1):
            phrase = tuple(query_words[position : position + length])
            equivalents = known.get(tuple(fold(word) for word in phrase))
            if equivalents or length == 1:
                break
        alternatives = [Alternative(phrase)]
        alternatives += [Alternative(term, language) for term, language in dict.fromkeys(equivalents or [])]
        clauses.append(Clause(tuple(alternatives)))
        position += length
    return clauses
