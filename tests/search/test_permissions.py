"""Search shows restricted content only to those who may read it, and gives nobody else a trace of it.

Restricted content here: the members' library (a Wagtail view restriction for vetted members) and
the forum (each category readable by its groups, for members with a second factor). For anyone who
may not read it, a results page, its counts, its facets, its suggestions and its "did you mean"
must be what they would be if the restricted documents did not exist (portal/search/registry.py).
"""

import re
from html import unescape
from urllib.parse import urlencode, urljoin

from django.contrib.auth.models import Group

import pytest
from allauth.mfa.models import Authenticator

from forum.models import Category
from forum.services import topic_create
from knowledge.models import LibrarySectionPage
from portal.search import index
from portal.search.analysis import fold, stems, stems_in_every_language, words
from portal.search.models import SearchDocument, SearchWord
from portal.search.query import parse
from tests.members import make_member
from tests.search.facets import facets_of
from tests.text import shows

pytestmark = pytest.mark.usefixtures("demo_site")

# Words of the demo that only restricted documents contain (checked by the first test).
FORUM_WORD = "Fallaufkommen"  # the German topic "Priorisierung eingehender Hinweise bei hohem Fallaufkommen"
LIBRARY_WORD = "composite"  # the members' library case study "… a composite case"
RESTRICTED_WORDS = [FORUM_WORD, LIBRARY_WORD, "PhotoDNA", "cryptographic"]
RESTRICTED_FORUM_TITLE = "Priorisierung eingehender Hinweise bei hohem Fallaufkommen"
RESTRICTED_ITEM_TITLE = "Coordinating a cross-border online grooming investigation: a composite case"
# From the body of that case study: the snippet shows it to those who may read it.
RESTRICTED_BODY_PHRASE = "case shows how police and prosecutors in several countries coordinated"
# Words both public and restricted documents contain, so that hiding the restricted ones changes the counts.
MIXED_QUERIES = ["triage", "hash", "keynote", "database"]
# The category of the workshop of 2008's discussion, readable by its participants only.
WORKSHOP_CATEGORY = "workshop-85"
WORKSHOP_WORD = "keynote"  # its topics' titles

NOT_ALLOWED = ["anonymous", "applicant", "vetted member without a second factor"]


def log_in(client, demo_user, who):
    """A client for `who`: nobody, a demo account, or a vetted member who never set up a second factor."""
    if who == "vetted member without a second factor":
        client.force_login(make_member("no.second.factor", second_factor=False))
    elif who != "anonymous":
        client.force_login(demo_user(who))
    return client


def search(client, query, language="en", **filters):
    response = client.get(f"/{language}/search/?{urlencode({'q': query, **filters}, doseq=True)}")
    assert response.status_code == 200
    return response


def suggestions(client, typed, language="en"):
    response = client.get(f"/{language}/search/suggest/?{urlencode({'q': typed})}")
    assert response.status_code == 200
    typed_back, titles = response.json()
    assert typed_back == typed
    return titles


def results_html(response):
    """The results and facets, without the form and page title that repeat the query."""
    html = response.content.decode()
    return html[html.index('<div class="search-layout">') :]


def public(audiences):
    return audiences == ""


def anyone(audiences):
    return True


def expected_documents(query, readable=public):
    """The indexed documents a one-word query must find, among those whose audiences pass `readable`."""
    query_stems = {stem for sequence in stems_in_every_language([query]) for stem in sequence}
    return [
        document
        for document in SearchDocument.objects.all()
        if readable(document.audiences)
        and query_stems & set(stems(f"{document.title} {document.body}", document.language))
    ]


def forum_kinds(facets):
    return {kind for kind in facets.get("kind", {}) if kind.startswith("forum")}


def forget_restricted_documents():
    """Removes every restricted document from the index, as if the restricted content did not exist."""
    keys = set(SearchDocument.objects.exclude(audiences="").values_list("object_key", flat=True))
    index.replace([(key, []) for key in keys])


def test_the_chosen_words_occur_only_in_restricted_documents():
    for word in RESTRICTED_WORDS:
        assert not expected_documents(word), word
        assert expected_documents(word, readable=anyone), word
    for title in (RESTRICTED_FORUM_TITLE, RESTRICTED_ITEM_TITLE):
        assert set(SearchDocument.objects.filter(title=title).values_list("audiences", flat=True)) - {""}
        assert not SearchDocument.objects.filter(title=title, audiences="").exists()
    assert SearchDocument.objects.filter(body__contains=RESTRICTED_BODY_PHRASE).exclude(audiences="").exists()
    assert not SearchDocument.objects.filter(body__contains=RESTRICTED_BODY_PHRASE, audiences="").exists()


@pytest.mark.parametrize("who", NOT_ALLOWED)
@pytest.mark.parametrize("query", RESTRICTED_WORDS)
def test_words_only_restricted_content_contains_find_nothing(client, demo_user, who, query):
    response = search(log_in(client, demo_user, who), query)

    results = response.context["results"]
    assert results.total == 0
    assert results.hits == []
    assert results.facets == {}
    assert response.context["facet_groups"] == []
    html = results_html(response)
    assert "0 results" in html
    assert "/library/members/" not in html
    assert "/forum/" not in html


@pytest.mark.parametrize("who", NOT_ALLOWED)
@pytest.mark.parametrize("query", MIXED_QUERIES)
def test_totals_and_facet_counts_are_those_of_the_public_documents(client, demo_user, who, query):
    public = expected_documents(query)
    everything = expected_documents(query, readable=anyone)
    assert 0 < len(public) < len(everything), "the query must match public and restricted documents"
    assert [len(clause.alternatives) for clause in parse(query)] == [1], "the thesaurus must not widen the query"

    response = search(log_in(client, demo_user, who), query)

    results = response.context["results"]
    assert results.total == len(public)
    assert results.facets == facets_of(document.tags for document in public)
    assert not forum_kinds(results.facets)
    shown = {
        (group["name"], item["label"], item["count"])
        for group in response.context["facet_groups"]
        for item in group["items"]
    }
    assert sum(count for name, _label, count in shown if name == "kind") == len(public)
    html = results_html(response)
    assert "kind=forum" not in html
    assert "/library/members/" not in html


@pytest.mark.parametrize("who", ["anonymous", "applicant"])
@pytest.mark.parametrize("query", [*MIXED_QUERIES, FORUM_WORD])
def test_a_results_page_is_the_same_as_if_restricted_documents_did_not_exist(client, demo_user, who, query):
    client = log_in(client, demo_user, who)
    before = results_html(search(client, query))
    filtered_before = results_html(search(client, query, kind="software", lang="en"))

    forget_restricted_documents()

    assert results_html(search(client, query)) == before
    assert results_html(search(client, query, kind="software", lang="en")) == filtered_before


@pytest.mark.parametrize("who", NOT_ALLOWED)
@pytest.mark.parametrize(
    ("typed", "restricted_title"),
    [
        ("Fallauf", RESTRICTED_FORUM_TITLE),
        ("Priorisierung eingeh", RESTRICTED_FORUM_TITLE),
        ("Coordinating a cross", RESTRICTED_ITEM_TITLE),
        ("compos", RESTRICTED_ITEM_TITLE),
        ("Keyno", "Keynote: identifying victims"),
    ],
)
def test_no_suggestion_offers_a_restricted_title(client, demo_user, who, typed, restricted_title):
    titles = suggestions(log_in(client, demo_user, who), typed)

    assert restricted_title not in titles
    public_titles = set(SearchDocument.objects.filter(audiences="").values_list("title", flat=True))
    assert set(titles) <= public_titles


@pytest.mark.parametrize("who", NOT_ALLOWED)
@pytest.mark.parametrize(
    ("misspelt", "restricted_word"), [("Fallaufkomen", "fallaufkommen"), ("photodnna", "photodna")]
)
def test_did_you_mean_never_points_to_a_word_only_restricted_content_contains(
    client, demo_user, who, misspelt, restricted_word
):
    response = search(log_in(client, demo_user, who), misspelt)

    assert restricted_word not in response.context["did_you_mean"]
    assert restricted_word not in fold(response.content.decode())


@pytest.mark.parametrize(
    ("misspelt", "restricted_word"), [("Fallaufkomen", "fallaufkommen"), ("photodnna", "photodna")]
)
def test_did_you_mean_offers_a_restricted_word_to_who_may_read_it(client, demo_user, misspelt, restricted_word):
    client.force_login(demo_user("investigator"))

    response = search(client, misspelt)

    assert response.context["did_you_mean"] == restricted_word
    assert f">{restricted_word}</a>" in response.content.decode()


def test_following_the_did_you_mean_link_searches_for_the_correction(client):
    response = search(client, "groomnig")
    assert response.context["did_you_mean"] == "grooming"
    link = re.search(r'<p class="did-you-mean">.*?<a href="([^"]*)"', response.content.decode(), re.DOTALL)

    followed = client.get(urljoin(response.wsgi_request.get_full_path(), unescape(link.group(1))))

    assert followed.context["query"] == "grooming"


@pytest.mark.parametrize("who", ["anonymous", "applicant"])
def test_a_word_only_restricted_content_contains_is_corrected_like_an_unknown_word(client, demo_user, who):
    client = log_in(client, demo_user, who)
    offered = search(client, LIBRARY_WORD).context["did_you_mean"]

    public_words = {
        fold(word)
        for document in SearchDocument.objects.filter(audiences="")
        for word in words(f"{document.title} {document.body}")
    }
    SearchWord.objects.exclude(word__in=public_words).delete()
    forget_restricted_documents()

    assert search(client, LIBRARY_WORD).context["did_you_mean"] == offered


@pytest.mark.parametrize("who", ["anonymous", "applicant"])
@pytest.mark.parametrize("query", [LIBRARY_WORD, "grooming investigation", RESTRICTED_BODY_PHRASE, "triage"])
def test_no_results_page_shows_restricted_text(client, demo_user, who, query):
    html = results_html(search(log_in(client, demo_user, who), query))

    assert not shows(html, RESTRICTED_BODY_PHRASE)
    assert not shows(html, RESTRICTED_ITEM_TITLE)
    assert not shows(html, "Triage of seized devices in high-volume cases")
    assert "more than a dozen devices" not in html  # the first post of that topic


def test_the_investigator_finds_forum_topics_and_posts_and_the_members_library(client, demo_user):
    client.force_login(demo_user("investigator"))

    response = search(client, "triage")

    results = response.context["results"]
    assert results.total == len(expected_documents("triage", readable=lambda audiences: audiences != "forumcategory6"))
    assert results.total > len(expected_documents("triage"))
    assert forum_kinds(results.facets) == {"forum-topic", "forum-post"}
    assert results.facets["kind"]["method"] == 3
    urls = {hit.document.url for hit in results.hits}
    assert "/en/library/members/hash-based-triage-of-seized-media/" in urls
    assert any(url.startswith("/en/forum/topics/") for url in urls)
    assert any(url.startswith("/en/forum/posts/") for url in urls)
    html = results_html(response)
    assert "kind=forum-topic" in html
    assert "Forum post" in html


def test_the_investigator_finds_the_restricted_words_and_sees_the_restricted_text(client, demo_user):
    client.force_login(demo_user("investigator"))

    forum = search(client, FORUM_WORD).context["results"]
    library = search(client, LIBRARY_WORD)

    assert forum.total == 6
    assert dict(forum.facets["kind"]) == {"forum-topic": 1, "forum-post": 5}
    assert {hit.document.title for hit in forum.hits} == {RESTRICTED_FORUM_TITLE}
    assert library.context["results"].hits[0].document.title == RESTRICTED_ITEM_TITLE
    assert RESTRICTED_BODY_PHRASE in results_html(library)


def test_the_investigator_is_offered_restricted_titles(client, demo_user):
    client.force_login(demo_user("investigator"))

    assert RESTRICTED_FORUM_TITLE in suggestions(client, "Fallauf")
    assert RESTRICTED_ITEM_TITLE in suggestions(client, "Coordinating a cross")


def test_a_vetted_member_finds_restricted_content_once_they_have_a_second_factor(client):
    member = make_member("second.factor.later", second_factor=False)
    client.force_login(member)
    assert search(client, LIBRARY_WORD).context["results"].total == 0
    assert suggestions(client, "Fallauf") == []

    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})

    assert search(client, LIBRARY_WORD).context["results"].total == 6
    assert RESTRICTED_FORUM_TITLE in suggestions(client, "Fallauf")


def test_a_category_for_one_group_is_searched_only_by_its_members(client, demo_user):
    workshop = Category.objects.get(slug=WORKSHOP_CATEGORY)
    in_workshop = expected_documents(
        WORKSHOP_WORD, readable=lambda audiences: audiences == f"forumcategory{workshop.pk}"
    )
    assert in_workshop
    outsider = make_member("outside.the.workshop")
    client.force_login(outsider)

    outside = search(client, WORKSHOP_WORD).context["results"]

    assert outside.total == len(expected_documents(WORKSHOP_WORD))
    assert not forum_kinds(outside.facets)
    assert not any(title.startswith("Keynote:") for title in suggestions(client, "Keyno"))

    outsider.groups.add(*workshop.read_groups.all())
    inside = search(client, WORKSHOP_WORD).context["results"]

    assert inside.total == outside.total + len(in_workshop)
    assert forum_kinds(inside.facets) == {"forum-topic", "forum-post"}
    assert "Keynote: identifying victims" in suggestions(client, "Keyno")


def test_a_new_category_for_one_group_is_searched_only_by_that_group(client, demo_user, on_commit):
    group = Group.objects.create(name="Case conference participants")
    category = Category.objects.create(slug="case-conference", name_en="Case conference")
    for groups in (category.read_groups, category.start_groups, category.reply_groups):
        groups.add(group)
    participant = make_member("case.participant")
    participant.groups.add(group)
    with on_commit():
        topic_create(
            author=participant,
            category=category,
            title="Quarterly case conference",
            body="Agenda: the Aardwolf operation.",
            language="en",
        )
    # The investigator is vetted with a second factor, and in another group: the demo's workshop.
    client.force_login(demo_user("investigator"))
    assert search(client, "Aardwolf").context["results"].total == 0
    assert suggestions(client, "Quarterly case") == []

    client.force_login(participant)
    found = search(client, "Aardwolf").context["results"]

    assert found.total == 2
    assert dict(found.facets["kind"]) == {"forum-topic": 1, "forum-post": 1}
    assert suggestions(client, "Quarterly case") == ["Quarterly case conference"]


@pytest.mark.parametrize("who", ["anonymous", "applicant", "investigator"])
def test_search_responses_are_private_and_vary_on_the_cookie(client, demo_user, who):
    client = log_in(client, demo_user, who)

    for response in (
        search(client, "grooming"),
        search(client, ""),
        client.get("/en/search/suggest/?q=groom"),
        client.get("/de/search/suggest/?q=gr"),
    ):
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "Cookie" in [value.strip() for value in response["Vary"].split(",")]


def test_every_restricted_document_carries_an_audience():
    """The index marks the documents of the members' library and the forum; search filters on these marks."""
    members_library = LibrarySectionPage.objects.get(slug_en="members")
    restricted_pages = members_library.get_descendants(inclusive=True).values_list("pk", flat=True)
    keys = [f"wagtailcore.page:{pk}" for pk in restricted_pages]
    assert SearchDocument.objects.filter(object_key__in=keys).count() >= 24

    assert not SearchDocument.objects.filter(object_key__in=keys, audiences="").exists()
    assert not SearchDocument.objects.filter(kind__startswith="forum", audiences="").exists()
