"""The default backend: full-text tables of the database itself (SQLite FTS5 or PostgreSQL tsvector).

Both hold the stems made by `portal.search.analysis`, so both match the same words. Filters,
facet values and the audiences a visitor may not see are tags in the same full-text index, so
one index lookup answers the query, its filters and its permissions together.

Ranking: the visitor's language comes first, then the other languages; within each, documents
are ranked by BM25 (SQLite) or ts_rank (PostgreSQL). A term found in more than `RANK_WINDOW`
documents of a segment distinguishes none of them (BM25 gives it almost no weight), and scoring
each would cost time for every match: such a segment is listed most recently indexed first.
"""

import functools
import math
from collections import Counter, defaultdict
from operator import itemgetter

from django.db import connection

from ..analysis import fold, stems, words
from .base import SearchBackend, SearchResponse

RANK_WINDOW = 5000
# ts_rank's weights of the labels D (secondary text), C (body), B (unused) and A (title), as in SQLite.
RANK_WEIGHTS = "{0.005, 0.1, 0.4, 1.0}"
MAX_POSITION = 16383  # PostgreSQL's limits for a word's positions in a tsvector
MAX_POSITIONS = 256


def audience_tag(audience):
    return f"aud_{audience}"


def language_segments(language):
    """The visitor's language, then the others: the (required tag groups, excluded tags) of each."""
    return [([[f"lang_{language}"]], []), ([], [f"lang_{language}"])]


def tag_conditions(request, segment=([], [])):
    """(tag groups that must each match one tag, tags that must not match) of a request within a segment."""
    segment_required, segment_excluded = segment
    required = [[f"{facet}_{value}" for value in values] for facet, values in request.filters.items() if values]
    excluded = [audience_tag(value) for value in request.forbidden]
    return required + segment_required, excluded + segment_excluded


def count_facets(rows):
    """{facet: Counter(value: documents)} from rows of (kind, language, year, topics, countries)."""
    # Counted column by column in C (map, itemgetter, Counter): there may be a row for every document.
    kinds, languages, years, topics, countries = (Counter(map(itemgetter(column), rows)) for column in range(5))
    facets = {
        "kind": kinds,
        "lang": languages,
        "year": Counter({str(year): count for year, count in years.items() if year}),
    }
    for facet, combinations in (("topic", topics), ("country", countries)):
        facets[facet] = Counter()
        for combination, count in combinations.items():
            for value in combination.split():
                facets[facet][value] += count
    return {facet: counts for facet, counts in facets.items() if counts}


def execute(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


class Sqlite:
    """FTS5: one table with the columns title, body, extra (secondary text), tags and words (the title's
    words, for suggestions)."""

    id_column = "search_fulltext.rowid"
    # SQLite would read each match's whole row, body included, unless told to use the facets' index.
    documents_for_facets = "search_searchdocument d INDEXED BY search_document_facets"

    def score_order(self, clauses):
        # Title words weigh ten times body words, secondary text a twentieth; tags and title words do not count.
        return "bm25(search_fulltext, 10.0, 1.0, 0.05, 0.0, 0.0), search_fulltext.rowid DESC", []

    def quote(self, token):
        return '"{}"'.format(token.replace('"', '""'))

    def any_tag(self, tags):
        return "tags : (" + " OR ".join(self.quote(tag) for tag in tags) + ")"

    def text_condition(self, clauses):
        groups = [
            " OR ".join(
                self.quote(" ".join(sequence))
                for alternative in clause.alternatives
                for sequence in alternative.stem_sequences()
            )
            for clause in clauses
        ]
        return "{title body extra} : (" + " AND ".join(f"({group})" for group in groups) + ")"

    def prefix_condition(self, folded_words):
        *complete, prefix = folded_words
        return "words : (" + " AND ".join([*(self.quote(word) for word in complete), self.quote(prefix) + " *"]) + ")"

    def where(self, text, required, excluded):
        """`text` (a text or prefix condition, or None) and the tag conditions, as one FTS5 query."""
        parts = ([text] if text else []) + [self.any_tag(tags) for tags in required]
        expression = " AND ".join(f"({part})" for part in parts)
        if excluded:
            expression = f"({expression}) NOT {self.any_tag(excluded)}"
        return "search_fulltext MATCH %s", [expression]

    def insert(self, rows):
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fulltext (rowid, title, body, extra, tags, words) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (pk, " ".join(title), " ".join(body), " ".join(extra), " ".join(tags), " ".join(title_words))
                    for pk, title, body, extra, tags, title_words in rows
                ],
            )

    def delete(self, ids):
        execute(f"DELETE FROM search_fulltext WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)


class Postgres:
    """tsvector columns with GIN indexes: vector (title labelled A, body C, secondary text D), tags, words."""

    id_column = "search_fulltext.document_id"
    documents_for_facets = "search_searchdocument d"

    def score_order(self, clauses):
        """ts_rank knows no word frequencies: each clause's rank is weighted by its BM25 inverse document
        frequency, so that words found everywhere ("el", "the") count for little; rank flag 1 divides
        by the logarithm of the document's length."""
        queries = [self.text_query([clause]) for clause in clauses]
        # All documents, and those that match each clause, counted in one round trip.
        counts = [
            "(SELECT count(*) FROM search_fulltext)",
            *["(SELECT count(*) FROM search_fulltext WHERE vector @@ %s::tsquery)"] * len(queries),
        ]
        documents, *found_per_clause = execute(f"SELECT {', '.join(counts)}", queries)[0]
        terms, params = [], []
        for query, found in zip(queries, found_per_clause, strict=True):
            terms.append(f"%s * ts_rank('{RANK_WEIGHTS}', search_fulltext.vector, %s::tsquery, 1)")
            params += [math.log(1 + (documents - found + 0.5) / (found + 0.5)), query]
        return f"({' + '.join(terms)}) DESC, search_fulltext.document_id DESC", params

    def lexeme(self, token):
        return "'{}'".format(token.replace("\\", "\\\\").replace("'", "''"))

    def any_tag(self, tags):
        return "(" + " | ".join(self.lexeme(tag) for tag in tags) + ")"

    def text_query(self, clauses):
        groups = [
            " | ".join(
                "(" + " <-> ".join(self.lexeme(stem) for stem in sequence) + ")"
                for alternative in clause.alternatives
                for sequence in alternative.stem_sequences()
            )
            for clause in clauses
        ]
        return " & ".join(f"({group})" for group in groups)

    def text_condition(self, clauses):
        return "search_fulltext.vector", self.text_query(clauses)

    def prefix_condition(self, folded_words):
        *complete, prefix = folded_words
        return "search_fulltext.words", " & ".join(
            [*(self.lexeme(word) for word in complete), f"{self.lexeme(prefix)}:*"]
        )

    def where(self, text, required, excluded):
        """`text` (a text or prefix condition: column and tsquery, or None) and the tag conditions."""
        conditions = [text] if text else []
        tags = [*(self.any_tag(group) for group in required), *(f"!{self.lexeme(tag)}" for tag in excluded)]
        if tags:
            conditions.append(("search_fulltext.tags", " & ".join(tags)))
        return " AND ".join(f"{column} @@ %s::tsquery" for column, _query in conditions), [
            query for _column, query in conditions
        ]

    def vector(self, title, body, extra):
        positions = defaultdict(list)
        weighted = [(stem, "A") for stem in title] + [(stem, "C") for stem in body] + [(stem, "") for stem in extra]
        for position, (stem, weight) in enumerate(weighted, start=1):
            if len(positions[stem]) < MAX_POSITIONS:
                positions[stem].append(f"{min(position, MAX_POSITION)}{weight}")
        return " ".join(f"{self.lexeme(stem)}:{','.join(places)}" for stem, places in positions.items())

    def insert(self, rows):
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fulltext (document_id, vector, tags, words)"
                " VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector)",
                [
                    (
                        pk,
                        self.vector(title, body, extra),
                        " ".join(self.lexeme(tag) for tag in tags),
                        " ".join(self.lexeme(word) for word in set(title_words)),
                    )
                    for pk, title, body, extra, tags, title_words in rows
                ],
            )

    def delete(self, ids):
        execute("DELETE FROM search_fulltext WHERE document_id = ANY(%s)", [list(ids)])


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self):
        self.dialect = Postgres() if connection.vendor == "postgresql" else Sqlite()

    def index(self, documents, index_name=None):
        self.dialect.insert(
            [
                (
                    document.pk,
                    stems(document.title, document.language),
                    stems(document.body, document.language),
                    stems(document.extra, document.language),
                    [*document.tags.split(), *(audience_tag(value) for value in document.audiences.split())],
                    [fold(word) for word in words(document.title)],
                )
                for document in documents
            ]
        )

    def remove(self, document_ids):
        if document_ids:
            self.dialect.delete(list(document_ids))

    def new_index(self):
        # Rows left by documents deleted without the backend (`flush` in tests) would count as matches.
        execute(
            f"DELETE FROM search_fulltext WHERE {self.dialect.id_column} NOT IN (SELECT id FROM search_searchdocument)",
            [],
        )
        return ""

    def count(self, where):
        sql, params = where
        return execute(f"SELECT count(*) FROM search_fulltext WHERE {sql}", params)[0][0]

    def ranked_ids(self, where, order, offset, limit):
        sql, params = where
        order, order_params = order
        rows = execute(
            f"SELECT {self.dialect.id_column} FROM search_fulltext WHERE {sql} ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, *order_params, limit, offset],
        )
        return [row[0] for row in rows]

    def text(self, request):
        return self.dialect.text_condition(request.clauses) if request.clauses else None

    def search(self, request):
        text = self.text(request)
        segments = language_segments(request.language)
        wheres = [self.dialect.where(text, *tag_conditions(request, segment)) for segment in segments]
        facets = self.facets(request, text) if request.with_facets else {}
        if facets:  # the language facet counts the segments already
            in_language = facets["lang"][request.language]
            counts = [in_language, facets["lang"].total() - in_language]
        else:
            counts = [self.count(where) for where in wheres]
        recency = (f"{self.dialect.id_column} DESC", [])
        # Made once for both segments: on PostgreSQL it counts the documents of each query word.
        score = functools.cache(lambda: self.dialect.score_order(request.clauses))
        document_ids, offset = [], request.offset
        for where, count in zip(wheres, counts, strict=True):
            wanted = request.limit - len(document_ids)
            if offset >= count:
                offset -= count
                continue
            if wanted:
                order = score() if request.clauses and count <= RANK_WINDOW else recency
                document_ids += self.ranked_ids(where, order, offset, wanted)
            offset = 0
        return SearchResponse(document_ids=document_ids, total=sum(counts), facets=facets)

    def facets(self, request, text):
        sql, params = self.dialect.where(text, *tag_conditions(request))
        rows = execute(
            "SELECT d.kind, d.language, d.year, d.topics, d.countries FROM search_fulltext"
            f" JOIN {self.dialect.documents_for_facets} ON d.id = {self.dialect.id_column} WHERE {sql}",
            params,
        )
        return count_facets(rows)

    def suggest(self, text, forbidden, language, limit):
        folded_words = [fold(word) for word in words(text)]
        if not folded_words:
            return []
        prefix = self.dialect.prefix_condition(folded_words)
        excluded = [audience_tag(value) for value in forbidden]
        ids = []
        for required, segment_excluded in language_segments(language):
            sql, params = self.dialect.where(prefix, required, excluded + segment_excluded)
            rows = execute(
                f"SELECT {self.dialect.id_column} FROM search_fulltext WHERE {sql}"
                f" ORDER BY {self.dialect.id_column} DESC LIMIT %s",
                [*params, limit - len(ids)],
            )
            ids += [row[0] for row in rows]
            if len(ids) >= limit:
                break
        return ids
