"""Backup and restore (issue item 6): a backup restored into an empty PostgreSQL database holds every page,
member, post and attachment, and its folders every file with the same bytes."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

import psycopg
import pytest
from psycopg import sql

from forum.models import Attachment, Category, Post
from forum.services import topic_create
from portal.accounts import VETTED_MEMBERS_GROUP
from tests.members import make_member

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
# What must come back, table by table, in a stable order; a file name, where there is one, comes last.
ROWS = {
    "pages": "SELECT id, title, url_path, live FROM wagtailcore_page ORDER BY id",
    "members": "SELECT id, username, email, password, is_active FROM auth_user ORDER BY id",
    "memberships": "SELECT id, user_id, status FROM membership_membership ORDER BY id",
    "topics": "SELECT id, title FROM forum_topic ORDER BY id",
    "posts": "SELECT id, topic_id, author_id, body FROM forum_post ORDER BY id",
    "attachments": "SELECT id, post_id, size, file FROM forum_attachment ORDER BY id",
    "documents": "SELECT id, title, file FROM wagtaildocs_document ORDER BY id",
    "workshop materials": "SELECT id, title, file FROM workshops_workshopmaterial ORDER BY id",
}
PRIVATE_FILES = ("attachments", "workshop materials")

on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="restores with pg_restore into a scratch PostgreSQL database: run with DATABASE_URL=postgres://…",
)


def rows(cursor, query):
    cursor.execute(query)
    return [tuple(row) for row in cursor.fetchall()]


def server_connection(dbname):
    database = connection.settings_dict
    return psycopg.connect(
        host=database["HOST"],
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database beside the test database; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with server_connection("postgres") as server:
        server.execute(drop)
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with server_connection("postgres") as server:
        server.execute(drop)


@pytest.fixture
def demo_with_an_attachment(transactional_db):
    """The demo, committed for pg_dump to see (transactional_db empties the database afterwards), and a new
    topic whose post carries a PDF."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    category = Category.objects.create(slug="backups", name_en="Backups")
    category.start_groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    return topic_create(
        author=make_member("restored.member"),
        category=category,
        title="Is this kept?",
        body="With the checklist attached.",
        language="en",
        attachments=[(SimpleUploadedFile("checklist.pdf", PDF), "application/pdf")],
    )


def restore_in_a_new_process(backup, database_name, folder):
    """`manage.py restore` as an operator runs it: configured only by the environment."""
    database = connection.settings_dict
    password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT'] or 5432}"
        f"/{database_name}",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)], cwd=ROOT, env=environment, capture_output=True, text=True
    )


@on_postgresql
def test_a_backup_restored_into_an_empty_database_holds_every_page_member_post_and_attachment(
    demo_with_an_attachment, empty_database, tmp_path
):
    call_command("backup", str(tmp_path / "backups"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    (backup,) = (tmp_path / "backups").iterdir()
    restored_files = tmp_path / "restored"

    result = restore_in_a_new_process(backup, empty_database, restored_files)

    assert result.returncode == 0, result.stderr
    with connection.cursor() as cursor:
        expected = {name: rows(cursor, query) for name, query in ROWS.items()}
    with server_connection(empty_database) as restored, restored.cursor() as cursor:
        found = {name: rows(cursor, query) for name, query in ROWS.items()}
    for name in ROWS:
        assert found[name] == expected[name], f"{name} differ after the restore"
    assert len(expected["pages"]) > 50 and len(expected["members"]) > 5
    post = Post.objects.get(topic=demo_with_an_attachment)
    assert (post.pk, post.body) in [(post_id, body) for post_id, _topic, _author, body in found["posts"]]
    attachment = Attachment.objects.get(post=post)
    files = [(restored_files / "media", Path(settings.MEDIA_ROOT), row[-1]) for row in found["documents"]]
    files += [
        (restored_files / "private", Path(settings.PRIVATE_MEDIA_ROOT), row[-1])
        for name in PRIVATE_FILES
        for row in found[name]
    ]
    assert attachment.file.name in [name for _restored, _original, name in files]
    for restored_root, original_root, name in files:
        assert (restored_root / name).read_bytes() == (original_root / name).read_bytes(), name
    print(
        f"Backup restored: {len(found['pages'])} pages, {len(found['members'])} members, {len(found['posts'])} "
        f"posts, {len(found['attachments'])} attachments, {len(files)} files identical"
    )


def test_restore_refuses_a_database_that_is_not_empty(demo_site, tmp_path):
    call_command("backup", str(tmp_path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    (backup,) = tmp_path.iterdir()

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(backup))

    assert Post.objects.exists()
