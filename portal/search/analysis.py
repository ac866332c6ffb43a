"""Text analysis shared by every database: words, Snowball stems per language, case and accent folding.

Both database engines index the stems made here, so SQLite and PostgreSQL match the same words.
A word is stemmed in its own language before accents are folded, because the Snowball stemmers
expect accented letters ("réseaux" → "réseau" → "reseau"). A query word of unknown language is
stemmed in all six languages and matches any of the stems.
"""

import functools
import re
import threading
import unicodedata

from django.conf import settings

import Stemmer

SNOWBALL_ALGORITHMS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "it": "italian",
    "ru": "russian",
    "es": "spanish",
}
WORD = re.compile(r"[^\W_]+")
_stemmers = threading.local()  # PyStemmer's stemmers are not thread-safe


@functools.lru_cache(maxsize=200_000)  # called for every word indexed: a vocabulary repeats itself
def fold(text):
    """Lower case without accents: "Ermittlungsverfahren" and "ermittlungsverfahren", "réseau" and "reseau" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    return WORD.findall(text)


def stemmer(language):
    cache = _stemmers.__dict__
    if language not in cache:
        cache[language] = Stemmer.Stemmer(SNOWBALL_ALGORITHMS[language])
    return cache[language]


def stems(text, language):
    """The folded stems of `text` in `language`, in order (one per word)."""
    return [fold(stem) for stem in stemmer(language).stemWords([word.casefold() for word in words(text)])]


def stems_in_every_language(word):
    """The stems a query word may have: it is stemmed as a word of each of the portal's languages."""
    word = word.casefold()
    return sorted({fold(stemmer(code).stemWord(word)) for code, _name in settings.LANGUAGES})
