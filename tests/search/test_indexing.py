"""The index follows what editors, members and moderators do, and `rebuild_search_index` rebuilds it.

Changes queue indexing tasks on commit (portal/search/indexing.py); the tests run those callbacks
with `on_commit()`, and the test settings run tasks at once.
"""

import datetime
from io import StringIO

from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from forum.models import Category, Topic
from forum.services import post_create, post_delete, post_edit, post_hide, topic_move
from knowledge.models import BestPracticePage, LibraryIndexPage, LibrarySectionPage, WebLink
from portal.accounts import WAGTAIL_EDITORS_GROUP
from portal.pages.models import HomePage, StandardPage
from portal.search import index, rebuild, service
from portal.search.models import IndexRebuild, SearchDocument

pytestmark = pytest.mark.usefixtures("demo_site")


def found(user, text):
    """The object keys `user` finds with `text`."""
    return {hit.document.object_key for hit in service.search(user, text, language="en", limit=200).hits}


def page_key(page):
    return f"wagtailcore.page:{page.pk}"


def documents_of(key):
    return SearchDocument.objects.filter(object_key=key)


def full_text_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fulltext")
        return cursor.fetchone()[0]


def new_practice(parent, on_commit, *, title="Counting quokkas on islands", word="Wombatvision", publish=True):
    page = BestPracticePage(
        title_en=title,
        slug_en=title.lower().replace(" ", "-"),
        summary_en=f"How {word} helps to count quokkas.",
        kind="method",
        date=datetime.date(2024, 5, 1),
        live=False,
    )
    with on_commit():
        parent.add_child(instance=page)
    if publish:
        with on_commit():
            page.save_revision().publish()
        page.refresh_from_db()  # publishing saved a copy made from the revision
    return page


@pytest.fixture
def library():
    return LibraryIndexPage.objects.get()


@pytest.fixture
def members_library():
    return LibrarySectionPage.objects.get(slug_en="members")


# Pages


def test_a_draft_is_not_indexed_and_publishing_it_makes_it_findable(library, on_commit):
    page = new_practice(library, on_commit, publish=False)
    assert not documents_of(page_key(page)).exists()
    assert found(AnonymousUser(), "Wombatvision") == set()

    with on_commit():
        page.save_revision().publish()

    assert found(AnonymousUser(), "Wombatvision") == {page_key(page)}
    document = documents_of(page_key(page)).get()
    assert (document.language, document.kind, document.url, document.audiences) == (
        "en",
        "method",
        "/en/library/counting-quokkas-on-islands/",
        "",
    )
    assert document.tags.split() == ["kind_method", "lang_en", "year_2024"]


def test_a_published_standard_page_is_findable(on_commit):
    page = StandardPage(
        title_en="Accessibility statement", slug_en="accessibility", intro_en="Numbatscope readers are supported."
    )
    page.live = False
    with on_commit():
        HomePage.objects.get().add_child(instance=page)
        page.save_revision().publish()

    assert found(AnonymousUser(), "Numbatscope") == {page_key(page)}
    assert list(documents_of(page_key(page)).values_list("language", "kind")) == [("en", "page")]


def test_unpublishing_a_page_removes_it(library, on_commit):
    page = new_practice(library, on_commit)
    assert found(AnonymousUser(), "Wombatvision") == {page_key(page)}

    with on_commit():
        page.unpublish()

    assert found(AnonymousUser(), "Wombatvision") == set()
    assert not documents_of(page_key(page)).exists()


def test_publishing_a_new_revision_indexes_its_new_text(library, on_commit):
    page = new_practice(library, on_commit)

    page.summary_en = "How Numbatscope helps to count quokkas."
    with on_commit():
        page.save_revision().publish()

    assert found(AnonymousUser(), "Numbatscope") == {page_key(page)}
    assert found(AnonymousUser(), "Wombatvision") == set()


def test_a_public_item_moved_into_the_members_library_is_found_only_by_members(
    library, members_library, demo_user, on_commit
):
    item = BestPracticePage.objects.live().public().order_by("pk").first()
    languages = set(documents_of(page_key(item)).values_list("language", flat=True))
    assert len(languages) == 6
    assert page_key(item) in found(AnonymousUser(), item.title_en)

    with on_commit():
        item.move(members_library, pos="last-child")

    restriction = PageViewRestriction.objects.get(page=members_library)
    documents = documents_of(page_key(item))
    assert set(documents.values_list("language", flat=True)) == languages
    assert set(documents.values_list("audiences", flat=True)) == {f"pagerestriction{restriction.pk}"}
    assert documents.get(language="en").url == f"/en/library/members/{item.slug_en}/"
    assert page_key(item) not in found(AnonymousUser(), item.title_en)
    assert page_key(item) not in found(demo_user("applicant"), item.title_en)
    assert page_key(item) in found(demo_user("investigator"), item.title_en)


def test_a_restricted_item_moved_out_of_the_members_library_is_found_by_everyone(library, members_library, on_commit):
    item = new_practice(members_library, on_commit)
    assert found(AnonymousUser(), "Wombatvision") == set()

    with on_commit():
        item.move(library, pos="last-child")

    assert found(AnonymousUser(), "Wombatvision") == {page_key(item)}
    assert documents_of(page_key(item)).get().url == "/en/library/counting-quokkas-on-islands/"


def test_deleting_a_page_removes_its_documents(on_commit):
    item = BestPracticePage.objects.live().public().order_by("pk").first()
    assert documents_of(page_key(item)).count() == 6

    with on_commit():
        item.delete()

    assert not documents_of(page_key(item)).exists()
    assert page_key(item) not in found(AnonymousUser(), item.title_en)


def test_deleting_a_section_removes_the_documents_of_its_items(library, on_commit):
    section = LibrarySectionPage(title_en="Working papers", slug_en="working-papers")
    with on_commit():
        library.add_child(instance=section)
        section.save_revision().publish()
    item = new_practice(section, on_commit)
    assert found(AnonymousUser(), "Wombatvision") == {page_key(item)}

    with on_commit():
        section.delete()

    assert not documents_of(page_key(item)).exists()


def test_a_view_restriction_removes_the_subtree_from_the_results_of_those_it_excludes(library, demo_user, on_commit):
    section = LibrarySectionPage(title_en="Working papers", slug_en="working-papers")
    with on_commit():
        library.add_child(instance=section)
        section.save_revision().publish()
    item = new_practice(section, on_commit)
    assert found(AnonymousUser(), "Wombatvision") == {page_key(item)}

    with on_commit():
        restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.get(name=WAGTAIL_EDITORS_GROUP))

    assert documents_of(page_key(item)).get().audiences == f"pagerestriction{restriction.pk}"
    assert found(AnonymousUser(), "Wombatvision") == set()
    assert found(demo_user("applicant"), "Wombatvision") == set()
    assert found(demo_user("investigator"), "Wombatvision") == set()
    assert found(demo_user("editor"), "Wombatvision") == {page_key(item)}

    with on_commit():
        restriction.delete()

    assert documents_of(page_key(item)).get().audiences == ""
    assert found(AnonymousUser(), "Wombatvision") == {page_key(item)}


# The forum


@pytest.fixture
def topic():
    """The demo's "Triage of seized devices in high-volume cases", in the vetted members' category."""
    return Topic.objects.get(title="Triage of seized devices in high-volume cases")


@pytest.fixture
def reply(topic, demo_user, on_commit):
    with on_commit():
        return post_create(
            author=demo_user("investigator"), topic=topic, body="We tried Wombatvision on phones.", language="en"
        )


def test_a_new_post_is_found_by_those_who_may_read_its_category(reply, demo_user):
    assert found(demo_user("investigator"), "Wombatvision") == {f"forum.post:{reply.pk}"}
    assert found(demo_user("moderator"), "Wombatvision") == {f"forum.post:{reply.pk}"}
    assert found(AnonymousUser(), "Wombatvision") == set()
    assert found(demo_user("applicant"), "Wombatvision") == set()
    document = documents_of(f"forum.post:{reply.pk}").get()
    assert (document.kind, document.title, document.url) == (
        "forum-post",
        reply.topic.title,
        f"/en/forum/posts/{reply.pk}/",
    )
    assert document.audiences == f"forumcategory{reply.topic.category_id}"


def test_a_hidden_post_is_not_found(reply, demo_user, on_commit):
    with on_commit():
        post_hide(post=reply, moderator=demo_user("moderator"), reason="Off topic")

    assert found(demo_user("investigator"), "Wombatvision") == set()
    assert not documents_of(f"forum.post:{reply.pk}").exists()


def test_a_deleted_post_is_not_found(reply, demo_user, on_commit):
    with on_commit():
        post_delete(post=reply, user=demo_user("investigator"))

    assert found(demo_user("investigator"), "Wombatvision") == set()
    assert not documents_of(f"forum.post:{reply.pk}").exists()


def test_an_edited_post_is_found_by_its_new_words_only(reply, demo_user, on_commit):
    investigator = demo_user("investigator")

    with on_commit():
        post_edit(post=reply, editor=investigator, body="We tried Numbatscope on phones.")

    assert found(investigator, "Numbatscope") == {f"forum.post:{reply.pk}"}
    assert found(investigator, "Wombatvision") == set()


def test_editing_the_first_post_changes_what_its_topic_is_found_by(topic, demo_user, on_commit):
    investigator = demo_user("investigator")
    first_post = topic.posts.order_by("created_at", "pk").first()
    assert f"forum.topic:{topic.pk}" in found(investigator, "dozen devices")

    with on_commit():
        post_edit(post=first_post, editor=investigator, body="How do you decide which Wombatvision scans come first?")

    assert found(investigator, "Wombatvision") == {f"forum.topic:{topic.pk}", f"forum.post:{first_post.pk}"}
    assert f"forum.topic:{topic.pk}" not in found(investigator, "dozen devices")


def test_hiding_the_first_post_makes_the_next_one_the_topics_text(topic, demo_user, on_commit):
    first_post, second_post = topic.posts.order_by("created_at", "pk")[:2]

    with on_commit():
        post_hide(post=first_post, moderator=demo_user("moderator"), reason="Duplicate")

    assert documents_of(f"forum.topic:{topic.pk}").get().body == second_post.body


def test_hiding_a_topic_removes_it_and_all_its_posts(topic, reply, demo_user, on_commit):
    keys = {f"forum.topic:{topic.pk}", *(f"forum.post:{pk}" for pk in topic.posts.values_list("pk", flat=True))}
    assert SearchDocument.objects.filter(object_key__in=keys).count() == len(keys)

    topic.is_hidden = True
    with on_commit():
        topic.save(update_fields=["is_hidden"])

    assert not SearchDocument.objects.filter(object_key__in=keys).exists()
    assert found(demo_user("moderator"), "Wombatvision") == set()
    assert not found(demo_user("moderator"), "triage") & keys

    topic.is_hidden = False
    with on_commit():
        topic.save(update_fields=["is_hidden"])

    assert SearchDocument.objects.filter(object_key__in=keys).count() == len(keys)


def test_moving_a_topic_to_another_category_changes_who_finds_it(topic, reply, demo_user, on_commit):
    # The investigator takes part in the workshop of 2008, not in the online workshop of category "workshop-86".
    closed = Category.objects.get(slug="workshop-86")
    keys = {f"forum.topic:{topic.pk}", *(f"forum.post:{pk}" for pk in topic.posts.values_list("pk", flat=True))}
    assert found(demo_user("investigator"), "Wombatvision") == {f"forum.post:{reply.pk}"}

    with on_commit():
        topic_move(topic=topic, moderator=demo_user("moderator"), category=closed, reason="Belongs to the workshop")

    documents = SearchDocument.objects.filter(object_key__in=keys)
    assert documents.count() == len(keys)
    assert set(documents.values_list("audiences", flat=True)) == {f"forumcategory{closed.pk}"}
    assert found(demo_user("investigator"), "Wombatvision") == set()
    assert not found(demo_user("investigator"), "triage") & keys
    assert found(demo_user("moderator"), "Wombatvision") == {f"forum.post:{reply.pk}"}


# Web links


def test_a_web_link_is_indexed_when_saved_and_removed_when_deleted(on_commit):
    with on_commit():
        link = WebLink.objects.create(
            title_en="Wombatvision helpline",
            title_de="Wombatvision-Beratung",
            url="https://helpline.example.org/",
            description_en="Advice for parents.",
            language="en",
        )
    link_key = f"knowledge.weblink:{link.pk}"
    assert found(AnonymousUser(), "Wombatvision") == {link_key}
    assert set(documents_of(link_key).values_list("language", "kind", "url")) == {
        ("en", "web-link", "https://helpline.example.org/"),
        ("de", "web-link", "https://helpline.example.org/"),
    }

    link.title_en = "Numbatscope helpline"
    link.title_de = ""
    with on_commit():
        link.save()

    assert found(AnonymousUser(), "Numbatscope") == {link_key}
    assert found(AnonymousUser(), "Wombatvision") == set()

    with on_commit():
        link.delete()

    assert not documents_of(link_key).exists()
    assert found(AnonymousUser(), "Numbatscope") == set()


# Rebuilding


def index_state():
    return sorted(SearchDocument.objects.values_list("key", "title", "audiences", "url"))


def rebuild_index(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("rebuild_search_index", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_rebuilding_gives_the_same_documents_and_reports_progress_on_stderr(demo_user):
    before = index_state()
    investigator_total = service.search(demo_user("investigator"), "triage", language="en").total

    stdout, stderr = rebuild_index()

    assert index_state() == before
    assert full_text_rows() == len(before)
    assert service.search(demo_user("investigator"), "triage", language="en").total == investigator_total
    assert stdout == "database: index rebuilt (in place).\n"
    assert "database" in stderr
    assert "100%" in stderr
    assert IndexRebuild.objects.latest("pk").finished_at is not None


def test_the_progress_bar_redraws_one_line():
    _stdout, stderr = rebuild_index()

    assert stderr.count("\n") == 1


def test_rebuilding_the_database_backend_alone_quietly():
    before = index_state()

    stdout, stderr = rebuild_index("--backend", "database", "--verbosity", "0")

    assert index_state() == before
    assert stdout == "database: index rebuilt (in place).\n"
    assert stderr == ""


def test_rebuilding_removes_the_documents_of_objects_that_no_longer_exist():
    link = WebLink.objects.order_by("pk").first()
    link_key = f"knowledge.weblink:{link.pk}"
    # Deleted without its on-commit indexing task, as when a task was lost.
    WebLink.objects.filter(pk=link.pk).delete()
    stale = documents_of(link_key).count()
    assert stale
    before = index_state()

    rebuild_index()

    assert not documents_of(link_key).exists()
    assert len(index_state()) == len(before) - stale
    assert full_text_rows() == len(before) - stale


def test_an_interrupted_rebuild_resumes_where_it_stopped(monkeypatch):
    before = index_state()
    monkeypatch.setattr(rebuild, "BATCH_SIZE", 20)
    original_replace = index.replace
    written = []

    def replace_then_fail(items, backends=None):
        if len(written) == 2:
            raise ConnectionError("the database went away")
        written.append([key for key, _entries in items])
        return original_replace(items, backends)

    monkeypatch.setattr(index, "replace", replace_then_fail)
    with pytest.raises(ConnectionError):
        rebuild_index()
    interrupted = IndexRebuild.objects.latest("pk")
    assert interrupted.finished_at is None
    assert interrupted.position == {"wagtailcore.page": int(written[1][-1].rpartition(":")[2])}
    first_batches = {key for batch in written for key in batch}

    written.clear()
    monkeypatch.setattr(
        index, "replace", lambda items, backends=None: written.append(items) or original_replace(items, backends)
    )
    rebuild_index("--resume")

    assert IndexRebuild.objects.latest("pk") == interrupted
    interrupted.refresh_from_db()
    assert interrupted.finished_at is not None
    assert not first_batches & {key for items in written for key, _entries in items}
    assert index_state() == before
    assert full_text_rows() == len(before)
    assert SearchDocument.objects.values("object_key", "language").distinct().count() == len(before)


def test_resuming_without_an_interrupted_rebuild_rebuilds_afresh():
    before = index_state()
    rebuilds = IndexRebuild.objects.count()

    rebuild_index("--resume")

    assert IndexRebuild.objects.count() == rebuilds + 1
    assert index_state() == before
