"""The search in the portal's six languages, as a visitor sees it on /<lang>/search/: stemming and folding,
the visitor's language first, the thesaurus, facets, "did you mean", suggestions, escaped snippets,
pagination, and the OpenSearch description every page announces."""

import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from django.conf import settings
from django.utils import translation

from wagtail.models import Page

import polib
import pytest
from defusedxml import ElementTree

from knowledge.models import WebLink
from portal.search.analysis import fold, words
from portal.search.models import SearchDocument, ThesaurusEntry
from tests.text import SUGGESTIONS_SCRIPT, scripts

pytestmark = pytest.mark.usefixtures("demo_site")

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE]
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"

RESULT = re.compile(r'<li class="item-card" lang="(?P<language>[\w-]+)">(?P<card>.*?)</li>', re.S)
RESULT_LINK = re.compile(r'<h3><a href="(?P<url>[^"]*)">(?P<title>.*?)</a></h3>', re.S)
SNIPPET = re.compile(r'<p class="snippet">(.*?)</p>', re.S)
DETAIL = re.compile(r"<dd>(.*?)</dd>", re.S)  # kind, language, date
TOTAL = re.compile(r'<h2 id="results-heading"[^>]*>\D*(\d+)')
FACET_GROUP = re.compile(r'<section class="facet-group" aria-labelledby="facet-(\w+)">(.*?)</section>', re.S)
FACET = re.compile(
    r'<li><a href="(?P<url>[^"]*)"(?P<attributes>[^>]*)>(?:<span class="visually-hidden">[^<]*</span>)?'
    r'(?P<label>[^<]*)</a> <span class="facet-count">\((?P<count>\d+)\)</span></li>'
)
DID_YOU_MEAN = re.compile(r'<p class="did-you-mean">.*?<a href="(?P<url>[^"]*)">(?P<query>[^<]*)</a>', re.S)
NEXT_PAGE = re.compile(r'<a href="([^"]*)" rel="next">')


@dataclass
class Result:
    language: str
    url: str
    title: str
    snippet: str
    kind_label: str
    language_label: str


@dataclass
class Facet:
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class SearchPage:
    html: str
    total: int
    results: list[Result]
    facets: dict[str, list[Facet]] = field(default_factory=dict)

    @property
    def titles(self):
        return [result.title for result in self.results]

    def result(self, title):
        matching = [result for result in self.results if result.title == title]
        assert matching, f"{title!r} is not among {self.titles}"
        return matching[0]


def read_search_page(html):
    results = []
    for match in RESULT.finditer(html):
        link = RESULT_LINK.search(match["card"])
        snippet = SNIPPET.search(match["card"])
        kind_label, language_label, *_date = DETAIL.findall(match["card"])
        results.append(
            Result(
                language=match["language"],
                url=unescape(link["url"]),
                title=unescape(link["title"]),
                snippet=snippet.group(1) if snippet else "",
                kind_label=unescape(kind_label),
                language_label=unescape(language_label),
            )
        )
    facets = {
        name: [
            Facet(
                label=unescape(facet["label"]),
                count=int(facet["count"]),
                url=unescape(facet["url"]),
                selected='aria-current="true"' in facet["attributes"],
            )
            for facet in FACET.finditer(group)
        ]
        for name, group in FACET_GROUP.findall(html)
    }
    total = TOTAL.search(html)
    return SearchPage(html=html, total=int(total.group(1)) if total else 0, results=results, facets=facets)


def search_page(client, language, params_or_query_string):
    """The search page as a visitor gets it: `params` as a dict, or a link's "?q=…" from a page."""
    if isinstance(params_or_query_string, str):
        response = client.get(f"/{language}/search/{params_or_query_string}")
    else:
        response = client.get(f"/{language}/search/", params_or_query_string)
    assert response.status_code == 200
    return read_search_page(response.content.decode())


def word_forms(document):
    return {word.casefold() for word in words(f"{document.title} {document.body}")}


def language_name(code, in_language):
    with translation.override(in_language):
        return str(dict(settings.LANGUAGES)[code])


# 1. Stemming: a word finds a page that has only another form of it, and the snippet marks that form.

STEMMING = [
    ("de", "Ermittlung", "Griffeye Analyze DI", "Ermittlungen"),
    ("ru", "эксплуатация", "Решение № 9/07: Борьба с сексуальной эксплуатацией детей в Интернете", "эксплуатации"),
    ("fr", "enquêteur", "bulk_extractor", "enquêteurs"),
    (
        "it",
        "vittima",
        "Identificazione congiunta delle vittime: la Victim Identification Taskforce di Europol",
        "vittime",
    ),
    ("es", "víctima", "Identificación conjunta de víctimas: la Victim Identification Taskforce de Europol", "víctimas"),
    ("en", "investigation", "Griffeye Analyze DI", "investigations"),
]


@pytest.mark.parametrize(("language", "query", "title", "inflected"), STEMMING, ids=[case[0] for case in STEMMING])
def test_a_word_finds_the_pages_that_have_another_form_of_it(client, language, query, title, inflected):
    document = SearchDocument.objects.get(language=language, title=title)
    assert query.casefold() not in word_forms(document)
    assert inflected.casefold() in word_forms(document)

    page = search_page(client, language, {"q": query})

    assert f"<mark>{inflected}</mark>" in page.result(title).snippet


# 2. Case and accent folding.

FOLDING = [
    ("fr", "reseau", "réseau", "Du signalement à la police : le réseau INHOPE et la plateforme ICCAM", "réseau"),
    ("de", "ERMITTLUNGEN", "Ermittlungen", "Griffeye Analyze DI", "Ermittlungen"),
    (
        "es",
        "VICTIMAS",
        "víctimas",
        "Identificación conjunta de víctimas: la Victim Identification Taskforce de Europol",
        "víctimas",
    ),
    (
        "ru",
        "ребенком",
        "ребёнком",
        "Как распознать сексуальную эксплуатацию детей в Интернете: рекомендации для педагогов и медицинских "
        "работников",
        "ребёнком",
    ),
]


@pytest.mark.parametrize(
    ("language", "typed", "written", "title", "marked"), FOLDING, ids=[case[1] for case in FOLDING]
)
def test_case_and_accents_do_not_matter(client, language, typed, written, title, marked):
    typed_page = search_page(client, language, {"q": typed})
    written_page = search_page(client, language, {"q": written})

    assert f"<mark>{marked}</mark>" in typed_page.result(title).snippet
    assert typed_page.titles == written_page.titles
    assert typed_page.total == written_page.total


# 3. Across languages: every language where the query matches, the visitor's own first, each labelled.


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_results_come_in_every_language_the_visitors_own_first_each_labelled(client, language):
    page = search_page(client, language, {"q": "Europol"})
    languages = [result.language for result in page.results]
    own = languages.count(language)

    assert page.total == len(page.results)  # all on the first page
    assert set(languages) == set(LANGUAGE_CODES)
    assert own and languages[:own] == [language] * own
    for result in page.results:
        assert result.language_label == language_name(result.language, language), result.title


# 4. The thesaurus: a term finds its equivalents in every language.


def test_grooming_from_a_russian_visitor_finds_the_russian_and_the_german_wording(client):
    russian = "Груминг в Интернете: как распознать тревожные признаки и поговорить с ребёнком"
    german = "Cybergrooming: Warnzeichen erkennen und mit Ihrem Kind sprechen"
    assert "grooming" not in word_forms(SearchDocument.objects.get(title=russian))
    assert "grooming" not in word_forms(SearchDocument.objects.get(title=german))

    page = search_page(client, "ru", {"q": "grooming"})

    assert page.results[0].title == russian
    assert german in page.titles


def test_the_russian_word_finds_the_english_awareness_page(client):
    page = search_page(client, "en", {"q": "груминг"})

    assert page.results[0].title == "Online grooming: recognising the warning signs and talking with your child"


def test_a_new_equivalent_counts_as_soon_as_the_entry_is_saved(client, on_commit):
    assert search_page(client, "en", {"q": "child luring"}).total == 0  # the thesaurus is cached now
    entry = ThesaurusEntry.objects.get(name="grooming")

    entry.terms_en = f"{entry.terms_en}\nchild luring"
    with on_commit():
        entry.save()

    page = search_page(client, "en", {"q": "child luring"})
    assert page.results[0].title == "Online grooming: recognising the warning signs and talking with your child"
    assert "Груминг в Интернете: как распознать тревожные признаки и поговорить с ребёнком" in page.titles


# 5. Facets: counts, filters, and plain links.


def unselected_facets(page):
    return [(name, facet) for name, facets in page.facets.items() for facet in facets if not facet.selected]


def test_the_page_shows_facet_groups_with_counts(client):
    page = search_page(client, "en", {"q": "victim identification"})

    assert {"kind", "lang", "topic", "year"} <= set(page.facets)
    assert all(facet.count > 0 for facets in page.facets.values() for facet in facets)
    assert sum(facet.count for facet in page.facets["lang"]) == page.total
    assert sum(facet.count for facet in page.facets["kind"]) == page.total


def test_each_facet_count_is_the_number_of_results_its_link_gives(client):
    page = search_page(client, "en", {"q": "victim identification"})
    links = unselected_facets(page)
    assert len(links) >= 10

    for name, facet in links:
        filtered = search_page(client, "en", facet.url)
        assert filtered.total == facet.count, f"{name}: {facet.label}"
        assert [chosen for chosen in filtered.facets[name] if chosen.selected][0].label == facet.label


def test_a_kind_filter_narrows_the_results_to_that_kind(client):
    page = search_page(client, "en", {"q": "victim identification"})
    practice = next(facet for facet in page.facets["kind"] if facet.label == "Best practice")

    filtered = search_page(client, "en", practice.url)

    assert filtered.total == practice.count < page.total
    assert {result.kind_label for result in filtered.results} == {"Best practice"}


def test_filters_of_two_facets_combine(client):
    page = search_page(client, "en", {"q": "victim identification"})
    practice = next(facet for facet in page.facets["kind"] if facet.label == "Best practice")
    practices = search_page(client, "en", practice.url)
    german = next(facet for facet in practices.facets["lang"] if facet.label == "German")

    both = search_page(client, "en", german.url)

    assert "kind=practice" in german.url and "lang=de" in german.url
    assert both.total == german.count
    assert 0 < both.total < practices.total
    assert {(result.kind_label, result.language) for result in both.results} == {("Best practice", "de")}
    assert both.total < next(facet for facet in page.facets["lang"] if facet.label == "German").count


def test_removing_all_filters_returns_to_the_unfiltered_results(client):
    page = search_page(client, "en", {"q": "victim identification"})
    filtered = search_page(client, "en", {"q": "victim identification", "kind": "practice", "lang": "de"})
    remove_all = re.search(r'<a href="([^"]*)">Remove all filters</a>', filtered.html)

    unfiltered = search_page(client, "en", unescape(remove_all.group(1)))

    assert (unfiltered.total, unfiltered.titles) == (page.total, page.titles)


def test_facets_are_plain_links_that_work_without_javascript(client):
    page = search_page(client, "en", {"q": "victim identification"})
    start = page.html.index('<nav class="facets"')
    facets_nav = page.html[start : page.html.index("</nav>", start)]

    assert scripts(page.html) == [SUGGESTIONS_SCRIPT]  # only the optional suggestions
    assert facets_nav.count('<a href="?q=') == len(unselected_facets(page)) > 0
    assert "onclick" not in facets_nav and "javascript:" not in facets_nav
    assert all(facet.url.startswith("?q=victim+identification&") for _name, facet in unselected_facets(page))


# 6. "Did you mean".


MISSPELT = [("en", "investigaton", "investigation"), ("de", "Ermitlungen", "ermittlungen")]


@pytest.mark.parametrize(("language", "misspelt", "corrected"), MISSPELT)
def test_a_misspelt_query_offers_the_corrected_one(client, language, misspelt, corrected):
    page = search_page(client, language, {"q": misspelt})

    assert page.total == 0
    assert DID_YOU_MEAN.search(page.html)["query"] == corrected
    assert search_page(client, language, {"q": corrected}).total > 0


@pytest.mark.parametrize(("language", "misspelt", "corrected"), MISSPELT)
def test_the_offered_correction_links_to_its_results(client, language, misspelt, corrected):
    offer = DID_YOU_MEAN.search(search_page(client, language, {"q": misspelt}).html)

    following = search_page(client, language, unescape(offer["url"]))

    assert following.total == search_page(client, language, {"q": corrected}).total > 0


def test_a_correction_is_offered_only_if_it_finds_results_within_the_chosen_filters(client):
    assert search_page(client, "en", {"q": "investigation", "kind": "workshop"}).total == 0

    page = search_page(client, "en", {"q": "investigaton", "kind": "workshop"})

    assert 'class="did-you-mean"' not in page.html


@pytest.mark.parametrize(("language", "query"), [("en", "investigation"), ("de", "Ermittlungen")])
def test_a_correct_query_offers_no_correction(client, language, query):
    page = search_page(client, language, {"q": query})

    assert page.total > 0
    assert 'class="did-you-mean"' not in page.html


# 7. Suggestions: titles with a word that starts as typed, the visitor's language first.


@pytest.mark.parametrize(
    ("language", "typed", "first"),
    [
        ("en", "vic", "Online workshop: victim identification across borders"),
        ("de", "Interp", "INTERPOL – Straftaten gegen Kinder"),
        ("ru", "гру", "Груминг в Интернете: как распознать тревожные признаки и поговорить с ребёнком"),
        ("fr", "inh", "INHOPE – Association internationale des lignes de signalement sur Internet"),
    ],
)
def test_suggestions_are_titles_with_a_word_begun_as_typed_the_visitors_language_first(client, language, typed, first):
    response = client.get(f"/{language}/search/suggest/", {"q": typed})
    echoed, titles = response.json()
    own_titles = set(SearchDocument.objects.filter(language=language, audiences="").values_list("title", flat=True))
    own = [title in own_titles for title in titles]

    assert echoed == typed
    assert titles[0] == first
    assert own == sorted(own, reverse=True)
    for title in titles:
        assert any(fold(word).startswith(fold(typed)) for word in words(title)), title


def test_a_single_letter_suggests_nothing(client):
    assert client.get("/en/search/suggest/", {"q": "v"}).json() == ["v", []]


# 8. Snippets show the text, escaped.


def test_markup_in_an_indexed_text_is_shown_escaped(client, on_commit):
    with on_commit():
        WebLink.objects.create(
            title_en="Zebrafish <img src=x onerror=alert(2)> guide",
            description_en="Type <script>alert(1)</script> into the zebrafish form.",
            url="https://example.org/zebrafish",
            language="en",
        )

    page = search_page(client, "en", {"q": "zebrafish"})

    assert page.total == 1
    assert page.results[0].snippet.startswith(
        "Type &lt;script&gt;alert(1)&lt;/script&gt; into the <mark>zebrafish</mark> form"
    )
    assert "<script>alert(1)" not in page.html
    assert "<img src=x" not in page.html
    assert "Zebrafish &lt;img src=x onerror=alert(2)&gt; guide" in page.html


def test_what_the_visitor_typed_is_shown_escaped(client):
    html = client.get("/en/search/", {"q": "<script>alert(3)</script> zebrafish"}).content.decode()

    assert "<script>alert(3)" not in html
    assert 'value="&lt;script&gt;alert(3)&lt;/script&gt; zebrafish"' in html


# 9. Pagination.


def test_results_beyond_twenty_are_on_further_pages_each_shown_once(client):
    first = search_page(client, "en", {"q": "hotline"})
    assert first.total > 40
    second = search_page(client, "en", {"q": "hotline", "page": 2})

    assert len(first.results) == len(second.results) == 20
    assert second.total == first.total
    assert not {(r.language, r.url) for r in first.results} & {(r.language, r.url) for r in second.results}
    assert '<ol class="search-results" start="21">' in second.html

    seen, page = [], first
    while True:
        assert page.total == first.total
        seen += [(result.language, result.url) for result in page.results]
        following = NEXT_PAGE.search(page.html)
        if not following:
            break
        page = search_page(client, "en", unescape(following.group(1)))
    assert len(seen) == len(set(seen)) == first.total


def test_a_page_beyond_the_last_shows_the_last(client):
    first = search_page(client, "en", {"q": "hotline"})
    last_number = -(-first.total // 20)

    beyond = search_page(client, "en", {"q": "hotline", "page": 999})

    assert beyond.total == first.total
    assert len(beyond.results) == first.total - 20 * (last_number - 1)


# 10. OpenSearch: the description of each language's search, announced by every page.


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_opensearch_description_is_the_search_of_its_language(client, language):
    response = client.get(f"/{language}/search/opensearch.xml")
    description = ElementTree.fromstring(response.content)
    templates = {url.get("type"): url.get("template") for url in description.iter(f"{{{OPENSEARCH}}}Url")}

    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert description.tag == f"{{{OPENSEARCH}}}OpenSearchDescription"
    assert description.findtext(f"{{{OPENSEARCH}}}Language") == language
    assert templates == {
        "text/html": f"http://testserver/{language}/search/?q={{searchTerms}}",
        "application/x-suggestions+json": f"http://testserver/{language}/search/suggest/?q={{searchTerms}}",
    }
    assert client.get(templates["text/html"].replace("{searchTerms}", "Europol")).status_code == 200
    assert description.findtext(f"{{{OPENSEARCH}}}ShortName")


# The rendered name comes from the compiled catalogues (`make messages`); the sources say what it will be.
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_opensearch_short_name_has_at_most_sixteen_characters_in_each_translation(language):
    catalogue = polib.pofile(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    short_name = catalogue.find("Expert Portal", msgctxt="OpenSearch short name: at most 16 characters")

    assert 0 < len(short_name.msgstr) <= 16


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        pages.setdefault(type(page), page)
    return list(pages.values())


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_announces_the_opensearch_description_and_has_the_search_form(client, language):
    with translation.override(language):
        addresses = [page.get_url() for page in one_page_of_each_type()]
    addresses += [f"/{language}/accounts/login/", f"/{language}/no-such-page/"]
    opensearch_link = re.compile(
        rf'<link rel="search" type="application/opensearchdescription\+xml" title="[^"]+" '
        rf'href="/{language}/search/opensearch.xml">'
    )
    header_form = f'<form class="site-search" role="search" method="get" action="/{language}/search/">'
    assert len(addresses) >= 15

    for address in addresses:
        response = client.get(address)
        html = response.content.decode()
        assert response.status_code == (404 if "no-such-page" in address else 200), address
        assert opensearch_link.search(html), address
        assert header_form in html[html.index("<header") : html.index("</header>")], address


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_search_page_has_its_own_search_form_in_place_of_the_headers(client, language):
    html = client.get(f"/{language}/search/", {"q": "Europol"}).content.decode()

    assert re.search(rf'<link rel="search" [^>]*href="/{language}/search/opensearch.xml">', html)
    assert html.count('role="search"') == 1
    assert f'<form class="search-form" role="search" method="get" action="/{language}/search/">' in html
    assert 'name="q" value="Europol"' in html
