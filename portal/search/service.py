"""What the search page asks: ranked, permitted, faceted results with snippets, suggestions and corrections."""

import collections
import difflib
import itertools
import logging
import re
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import mark_safe

from .analysis import WORD, fold, stem_word, words
from .backends import get_backend
from .backends.base import SearchRequest
from .models import SearchDocument, SearchWord
from .query import parse
from .registry import forbidden_audiences, kind_labels, language_names

logger = logging.getLogger(__name__)

FACETS = ["kind", "topic", "country", "lang", "year"]
SNIPPET_WORDS = 30
WHITESPACE = re.compile(r"\s+")
MAX_CORRECTIONS_TRIED = 10


@dataclass
class Hit:
    document: SearchDocument
    snippet: str
    kind_label: str
    language_label: str


@dataclass
class Results:
    hits: list[Hit]
    total: int
    facets: dict = field(default_factory=dict)


def with_fallback(operation):
    """`operation(backend)` on the configured backend, or on the database when that cannot answer."""
    backend = get_backend()
    try:
        return operation(backend)
    except backend.unavailable as error:
        logger.warning("Search backend %s failed (%s); answering from the database.", backend.name, error)
        return operation(get_backend("database"))


def search(user, text, *, language, filters=None, offset=0, limit=20, with_facets=True):
    clauses = parse(text)
    filters = {facet: values for facet, values in (filters or {}).items() if facet in FACETS and values}
    if not (clauses or filters):
        return Results(hits=[], total=0)
    request = SearchRequest(
        clauses=clauses,
        language=language,
        filters=filters,
        forbidden=forbidden_audiences(user),
        offset=offset,
        limit=limit,
        with_facets=with_facets,
    )
    response = with_fallback(lambda backend: backend.search(request))
    documents = SearchDocument.objects.in_bulk(response.document_ids)
    query_stems = {
        stem
        for clause in clauses
        for alternative in clause.alternatives
        for sequence in alternative.stem_sequences()
        for stem in sequence
    }
    kinds, languages = kind_labels(), language_names()
    hits = [
        Hit(
            document=documents[pk],
            snippet=snippet(documents[pk], query_stems),
            kind_label=kinds.get(documents[pk].kind, documents[pk].kind),
            language_label=languages[documents[pk].language],
        )
        for pk in response.document_ids
        if pk in documents
    ]
    return Results(hits=hits, total=response.total, facets=response.facets)


def snippet(document, query_stems):
    """About 30 words of the body around the first match, escaped, with matching words in <mark>.

    The body is read word by word up to the end of the window: bodies can be long. The text between
    marks is escaped in one piece.
    """
    body = document.body

    def matches_query(match):
        return stem_word(match.group(), document.language) in query_stems

    body_words = WORD.finditer(body)
    preceding = collections.deque(maxlen=SNIPPET_WORDS // 3)
    cut_at_start = False
    for match in body_words:
        if matches_query(match):
            window = [*preceding, match]
            break
        cut_at_start = cut_at_start or len(preceding) == preceding.maxlen
        preceding.append(match)
    else:  # no word matches: the start of the body
        body_words, window, cut_at_start = WORD.finditer(body), [], False
    window += itertools.islice(body_words, SNIPPET_WORDS - len(window))
    if not window:
        return ""
    cut_at_end = next(body_words, None) is not None
    pieces, position = [], window[0].start()
    for match in filter(matches_query, window):
        pieces += [escape(body[position : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        position = match.end()
    pieces.append(escape(body[position : window[-1].end() if cut_at_end else len(body)]))
    text = WHITESPACE.sub(" ", "".join(pieces))
    text = f"{text} …" if cut_at_end else text.rstrip()
    return mark_safe(f"… {text}" if cut_at_start else text)  # noqa: S308  (the body is escaped piece by piece above)


def did_you_mean(user, text, language, total, filters=None):
    """A corrected query for a query that found nothing, offered only if the correction finds something.

    A word counts as known when it finds something the visitor may see: a word that only restricted
    documents contain is corrected like any unknown word, so corrections reveal nothing restricted.
    """
    if total:
        return ""  # all of a query's words must match: each found something

    def count(text):
        return search(user, text, language=language, filters=filters, limit=0, with_facets=False).total

    typed = [fold(word) for word in words(text)]
    corrected = []
    for word in typed:
        if word.isdigit() or count(word):
            corrected.append(word)
            continue
        candidates = SearchWord.objects.filter(word__startswith=word[0]).values_list("word", flat=True)
        similar = [candidate for candidate in candidates if abs(len(candidate) - len(word)) <= 2]
        closest = difflib.get_close_matches(word, similar, n=len(similar), cutoff=0.75) if similar else []
        # The closest word the visitor may find: words only restricted documents contain are passed over.
        visible = (candidate for candidate in closest[:MAX_CORRECTIONS_TRIED] if count(candidate))
        corrected.append(next(visible, word))
    if corrected == typed:
        return ""
    suggestion = " ".join(corrected)
    return suggestion if count(suggestion) else ""


def suggestions(user, text, language, limit=8):
    """Titles of visible documents with words that start as typed, the visitor's language first."""
    forbidden = forbidden_audiences(user)
    ids = with_fallback(lambda backend: backend.suggest(text, forbidden, language, limit * 3))
    documents = SearchDocument.objects.in_bulk(ids)
    titles = []
    for pk in ids:
        if pk in documents and documents[pk].title not in titles:
            titles.append(documents[pk].title)
    return titles[:limit]
