from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_cookie

from knowledge.models import Topic
from portal.osce import country_name
from portal.page_cache import cached_until_content_changes

from . import service
from .registry import kind_labels, language_names

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
FACET_HEADINGS = {
    "kind": _("Kind"),
    "topic": _("Topic"),
    "country": _("Country"),
    "lang": _("Language"),
    "year": _("Year"),
}


def topic_names():
    return cached_until_content_changes(
        f"topic-names:{get_language()}", lambda: {topic.key: topic.name for topic in Topic.objects.all()}
    )


def facet_labels(facets):
    return {
        "kind": kind_labels(),
        "lang": language_names(),
        "topic": topic_names(),
        "country": {code: country_name(code.upper()) for code in facets.get("country", {})},
    }


def facet_groups(facets, filters, query):
    """Each facet's values with their counts and a link that adds or removes the value."""
    labels = facet_labels(facets)
    groups = []
    for facet in service.FACETS:
        counts = facets.get(facet, {})
        values = sorted(counts, reverse=True) if facet == "year" else sorted(counts, key=lambda v: (-counts[v], v))
        items = []
        for value in values:
            selected = value in filters.get(facet, [])
            chosen = {
                **filters,
                facet: [v for v in filters.get(facet, []) if v != value] + ([] if selected else [value]),
            }
            items.append(
                {
                    "label": labels.get(facet, {}).get(value, value),
                    "count": counts[value],
                    "selected": selected,
                    "url": "?" + urlencode({"q": query, **chosen}, doseq=True),
                }
            )
        if items:
            groups.append({"name": facet, "heading": FACET_HEADINGS[facet], "items": items})
    return groups


def run_search(user, query, language, filters, page_number):
    offset = (page_number - 1) * RESULTS_PER_PAGE
    return service.search(user, query, language=language, filters=filters, offset=offset, limit=RESULTS_PER_PAGE)


@transaction.non_atomic_requests  # reads only; on SQLite a transaction would take the write lock
@vary_on_cookie
@cache_control(private=True)
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    filters = {facet: request.GET.getlist(facet) for facet in service.FACETS if request.GET.getlist(facet)}
    language = get_language()
    page_number = request.GET.get("page", "1")
    page_number = int(page_number) if page_number.isdigit() and int(page_number) > 0 else 1
    results = run_search(request.user, query, language, filters, page_number)
    last_page = max(1, -(-results.total // RESULTS_PER_PAGE))
    if page_number > last_page:
        page_number = last_page
        results = run_search(request.user, query, language, filters, page_number)
    # The backend counted the results: the paginator only numbers the pages.
    page = Paginator(range(results.total), RESULTS_PER_PAGE).get_page(page_number)
    context = {
        "query": query,
        "results": results,
        "page_obj": page,
        "facet_groups": facet_groups(results.facets, filters, query),
        "filters": filters,
        "did_you_mean": service.did_you_mean(request.user, query, language, results.total, filters)
        if query and page_number == 1
        else "",
        "searched": bool(query or filters),
    }
    return render(request, "search/search.html", context)


@vary_on_cookie
@cache_control(private=True, max_age=60)
def suggest(request):
    """OpenSearch suggestions: ["what was typed", ["title", ...]]."""
    typed = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    titles = service.suggestions(request.user, typed, get_language()) if len(typed) >= 2 else []
    return JsonResponse([typed, titles], safe=False)


def opensearch(request):
    # Its strings are made here: message extraction reads Python and HTML templates, not XML.
    context = {
        "short_name": pgettext("OpenSearch short name: at most 16 characters", "Expert Portal"),
        "description": gettext("Search the Expert Portal against Child Sexual Exploitation Online"),
        "base_url": request.build_absolute_uri("/").rstrip("/"),
        "language": get_language(),
    }
    return render(request, "search/opensearch.xml", context, content_type="application/opensearchdescription+xml")
