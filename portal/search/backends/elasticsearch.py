"""Elasticsearch: the database's search documents in an index of its own, for when the portal grows.

Each language's title and body are fields of their own, stemmed by that language's Snowball
stemmer before accents are folded, as `portal.search.analysis` does for the database. A word the
visitor typed is looked for in every language's fields, a thesaurus term only in its language's.
`ELASTICSEARCH_INDEX` is an alias: a rebuild fills a new index, then switches the alias to it in
one request (https://www.elastic.co/docs/api/elasticsearch/operation/operation-indices-update-aliases).
"""

from collections import Counter

from django.conf import settings
from django.utils import timezone

from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError, bulk
from elasticsearch_dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    connections,
    token_filter,
)

from ..analysis import SNOWBALL_ALGORITHMS, words
from .base import SearchBackend, SearchResponse

REQUEST_TIMEOUT = 3  # seconds: past that, the database answers instead
TITLE_BOOST = 3
# Far above the text score of any query (at most 32 words of a few dozen points each), so that
# the visitor's language comes first and the text score ranks within each language.
LANGUAGE_BOOST = 10_000
FACET_SIZE = 100
FACET_FIELDS = {"kind": "kind", "lang": "language", "year": "year", "topic": "topics", "country": "countries"}
SUGGEST_FIELDS = ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"]


def connection():
    """The client for `ELASTICSEARCH_URL`, made on first use: importing this module needs no server.

    It is registered under its URL, so that a changed setting (in tests) gets a client of its own.
    """
    url = settings.ELASTICSEARCH_URL
    try:
        return connections.get_connection(url)
    except KeyError:
        return connections.create_connection(
            url, hosts=[url], request_timeout=REQUEST_TIMEOUT, max_retries=0, retry_on_timeout=False
        )


def language_analyzer(code):
    algorithm = SNOWBALL_ALGORITHMS[code]
    stemmer = token_filter(f"{algorithm}_snowball", type="snowball", language=algorithm.capitalize())
    return analyzer(f"folding_{algorithm}", tokenizer="standard", filter=["lowercase", stemmer, "asciifolding"])


def mapping():
    fields = {
        "key": Keyword(),
        "document_id": Integer(),
        "kind": Keyword(),
        "language": Keyword(),
        "topics": Keyword(),
        "countries": Keyword(),
        "year": Integer(),
        "audiences": Keyword(),
        "date": Date(),
        "url": Keyword(index=False),
        "title_suggest": SearchAsYouType(
            analyzer=analyzer("folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
        ),
    }
    for code, _name in settings.LANGUAGES:
        folding = language_analyzer(code)
        fields[f"title_{code}"] = Text(analyzer=folding)
        fields[f"body_{code}"] = Text(analyzer=folding)
    result = Mapping()
    for name, field in fields.items():
        result.field(name, field)
    return result


def search_index(name):
    index = Index(name)
    index.mapping(mapping())
    return index


def source(document):
    """The indexed fields of a `SearchDocument`: its facets come from its tags ("topic_grooming")."""
    fields = {field: [] for field in FACET_FIELDS.values()}
    for tag in document.tags.split():
        facet, _separator, value = tag.partition("_")
        fields[FACET_FIELDS[facet]].append(value)
    return {
        **fields,
        "key": document.key,
        "document_id": document.pk,
        "audiences": document.audiences.split(),
        "date": document.date,
        "url": document.url,
        f"title_{document.language}": document.title,
        f"body_{document.language}": "\n".join(text for text in (document.body, document.extra) if text),
        "title_suggest": document.title,
    }


def clause_query(clause):
    """One of the clause's alternatives must match: a typed word in any language, a thesaurus term in its own."""
    text_fields = [f"title_{code}^{TITLE_BOOST}" for code, _name in settings.LANGUAGES]
    text_fields += [f"body_{code}" for code, _name in settings.LANGUAGES]
    queries = []
    for alternative in clause.alternatives:
        text = " ".join(alternative.words)
        if alternative.language:
            queries += [
                Q("match_phrase", **{f"title_{alternative.language}": {"query": text, "boost": TITLE_BOOST}}),
                Q("match_phrase", **{f"body_{alternative.language}": text}),
            ]
        else:
            match_type = "phrase" if len(alternative.words) > 1 else "best_fields"
            queries.append(Q("multi_match", query=text, fields=text_fields, type=match_type))
    return Q("bool", should=queries, minimum_should_match=1)


def visible_query(must, forbidden, language, filters=None):
    """`must`, without the documents the visitor may not see, in the visitor's language first."""
    return Q(
        "bool",
        must=must,
        filter=[Q("terms", **{FACET_FIELDS[facet]: values}) for facet, values in (filters or {}).items()],
        must_not=[Q("terms", audiences=forbidden)] if forbidden else [],
        should=[Q("term", language={"value": language, "boost": LANGUAGE_BOOST})],
    )


def request_search(request):
    """The `Search` that answers a `SearchRequest`."""
    query = visible_query(
        [clause_query(clause) for clause in request.clauses] or [Q("match_all")],
        request.forbidden,
        request.language,
        request.filters,
    )
    search = Search(index=settings.ELASTICSEARCH_INDEX).query(query).source(False).extra(track_total_hits=True)
    search = search[request.offset : request.offset + request.limit]
    if request.with_facets:
        for facet, field in FACET_FIELDS.items():
            search.aggs.bucket(facet, "terms", field=field, size=FACET_SIZE)
    return search


def suggestion_search(text, forbidden, language, limit):
    """Documents whose title has the words typed, the last one begun."""
    typed = Q("multi_match", query=text, type="bool_prefix", operator="and", fields=SUGGEST_FIELDS)
    query = visible_query([typed], forbidden, language)
    return Search(index=settings.ELASTICSEARCH_INDEX).query(query).source(False)[:limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    unavailable = (TransportError, ApiError, BulkIndexError)

    def index(self, documents, index_name=None):
        actions = [
            {"_index": index_name or settings.ELASTICSEARCH_INDEX, "_id": document.pk, "_source": source(document)}
            for document in documents
        ]
        # Before the first rebuild made the alias, writing to its name would create an index of that
        # name, which the alias could then never take.
        bulk(connection(), actions, require_alias=index_name is None)

    def remove(self, document_ids):
        actions = [
            {"_op_type": "delete", "_index": settings.ELASTICSEARCH_INDEX, "_id": document_id}
            for document_id in document_ids
        ]
        bulk(connection(), actions, require_alias=True, ignore_status=404)

    def new_index(self):
        name = f"{settings.ELASTICSEARCH_INDEX}-{timezone.now():%Y%m%d%H%M%S%f}"
        search_index(name).create(using=connection())
        return name

    def activate_index(self, index_name):
        """Points the alias at `index_name`, refreshed so that it finds every document from the start, and
        deletes the indexes rebuilt before it, in one atomic request."""
        client = connection()
        prefix = f"{settings.ELASTICSEARCH_INDEX}-"
        # Timestamped names sort by age; the digits keep another alias's "portal-search-staging-…" out.
        older = [
            name
            for name in client.indices.get_alias(index=f"{prefix}*")
            if name < index_name and name.removeprefix(prefix).isdigit()
        ]
        client.indices.refresh(index=index_name)
        client.indices.update_aliases(
            actions=[
                {"add": {"index": index_name, "alias": settings.ELASTICSEARCH_INDEX}},
                *({"remove_index": {"index": name}} for name in older),
            ]
        )

    def search(self, request):
        response = request_search(request).using(connection()).execute()
        facets = {}
        if request.with_facets:
            facets = {
                facet: Counter({str(bucket.key): bucket.doc_count for bucket in response.aggregations[facet].buckets})
                for facet in FACET_FIELDS
            }
        return SearchResponse(
            document_ids=[int(hit.meta.id) for hit in response],
            total=response.hits.total.value,
            facets=facets,
        )

    def suggest(self, text, forbidden, language, limit):
        if not words(text):
            return []
        response = suggestion_search(text, forbidden, language, limit).using(connection()).execute()
        return [int(hit.meta.id) for hit in response]
