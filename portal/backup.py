"""Backups of the portal: the database and the two file folders, into one dated folder, and back.

A backup folder holds `database.pgdump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3`
(SQLite, through its online backup API), `media.tar` (MEDIA_ROOT: Wagtail documents and images) and
`private.tar` (PRIVATE_MEDIA_ROOT: forum attachments, workshop materials). The portal may keep running
during a backup: the database is dumped first, then the folders are archived, so a file uploaded
in between is archived unused (harmless) and one deleted in between is missing. The PostgreSQL client
programs must match the server's major version or be newer:
https://www.postgresql.org/docs/current/app-pgdump.html
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
FOLDERS = {"media.tar": "MEDIA_ROOT", "private.tar": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def create_backup(*, destination, database="default"):
    """Write a new backup folder, named by the time in UTC, under `destination`; return its path."""
    connection = connections[database]
    name = database_file(connection)
    folder = Path(destination) / f"portal-backup-{timezone.now():%Y%m%dT%H%M%SZ}"
    folder.mkdir(mode=0o700, parents=True)  # it holds password hashes and the private documents
    target = folder / name
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--file", str(target), "--dbname", connection.settings_dict["NAME"]],
            connection,
        )
    else:
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    for archive, setting in FOLDERS.items():
        with tarfile.open(folder / archive, "w") as tar:
            root = Path(getattr(settings, setting))
            if root.is_dir():
                tar.add(root, arcname=".")
    return folder


def restore_backup(*, source, database="default", force=False):
    """Load a backup folder into `database` and unpack its files into the configured folders.

    The database must be empty (no tables) unless `force`, in which case what the backup holds
    replaces the tables of the same names. Files are unpacked over the folders' current contents.
    """
    source = Path(source)
    connection = connections[database]
    dump = source / database_file(connection)
    missing = [path.name for path in (dump, *(source / archive for archive in FOLDERS)) if not path.is_file()]
    if missing:
        raise BackupError(f"{source} is not a complete {connection.vendor} backup: {', '.join(missing)} missing.")
    tables = connection.introspection.table_names()
    if tables and not force:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables); "
            "restore into an empty database, or force it to replace what is there."
        )
    if connection.vendor == "postgresql":
        clean = ["--clean", "--if-exists"] if force else []
        database_name = connection.settings_dict["NAME"]
        _run(["pg_restore", "--no-owner", "--exit-on-error", *clean, "--dbname", database_name, str(dump)], connection)
    else:
        connection.close()
        shutil.copyfile(dump, connection.settings_dict["NAME"])
    for archive, setting in FOLDERS.items():
        root = Path(getattr(settings, setting))
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / archive) as tar:
            tar.extractall(root, filter="data")


def database_file(connection):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return DATABASE_FILES[connection.vendor]


def _run(command, connection):
    """Run a PostgreSQL client program against `connection`, with the password in the environment, not argv."""
    database = connection.settings_dict
    _arguments, password_and_ssl = connection.client.settings_to_cmd_args_env(database, [])
    environment = {**os.environ, **(password_and_ssl or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if database.get(key):
            environment[variable] = str(database[key])
    result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
