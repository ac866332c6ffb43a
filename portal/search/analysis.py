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


def stem_words(word_list, language):
    """The folded stems of the words in `word_list`, in `language`, in order."""
    return [fold(stem) for stem in stemmer(language).stemWords([word.casefold() for word in word_list])]


@functools.lru_cache(maxsize=200_000)  # snippets stem the same words of the same documents again and again
def stem_word(word, language):
    return stem_words([word], language)[0]


def stems(text, language):
    """The folded stems of `text` in `language`, in order (one per word)."""
    return stem_words(words(text), language)


def stems_in_every_language(word_list):
    """The stem sequences words of unknown language may have: stemmed as words of each portal language."""
    return sorted({tuple(stem_words(word_list, code)) for code, _name in settings.LANGUAGES})
