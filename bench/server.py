"""The portal as it runs in production, for the benchmarks, the load test and the audit.

    .venv/bin/python bench/server.py [--database sqlite|postgresql] [--redis] [--port 8100]

prepares a scratch database with the demo content (SQLite in `var/bench/`, or the PostgreSQL
database `portal_bench` on 127.0.0.1:5432, dropped and created afresh), collects the static
files, and serves the portal under gunicorn with production settings (2 workers) until
interrupted, with a task worker (`manage.py db_worker`) beside it. Plain HTTP on localhost:
`SECURE_SSL_REDIRECT` is off, everything else is as in production. Other scripts use `served()`.
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
POSTGRESQL_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/15"


# Each user of a served portal has a scratch name: its folder `var/<name>/` and its PostgreSQL database
# `portal_<name>`, so that the benchmarks and the audit can run at the same time.
def work_dir(scratch):
    return ROOT / "var" / scratch


def postgresql_database(scratch):
    return f"portal_{scratch}"


def database_url(database, scratch):
    if database == "sqlite":
        return f"sqlite:///{work_dir(scratch) / 'portal.sqlite3'}"
    return f"{POSTGRESQL_SERVER}/{postgresql_database(scratch)}"


def portal_environment(database, redis_url="", scratch="bench"):
    """The environment of every process of the served portal: one database, one media folder."""
    folder = work_dir(scratch)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(database, scratch),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "PAGE_CACHE_DIR": str(folder / "cache"),
        "EMAIL_URL": "dummymail://",
        "SITE_BASE_URL": "http://127.0.0.1",
    }


def manage(environment, *arguments, settings=None):
    if settings:
        environment = {**environment, "DJANGO_SETTINGS_MODULE": settings}
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def prepare(database, environment, scratch):
    """A fresh database with the demo content; seed_demo refuses production settings, so it runs under dev."""
    shutil.rmtree(work_dir(scratch), ignore_errors=True)
    work_dir(scratch).mkdir(parents=True)
    if database == "postgresql":
        name = postgresql_database(scratch)
        for statement in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", "-q", f"{POSTGRESQL_SERVER}/postgres", "-c", statement], check=True)  # noqa: S603, S607
    manage(environment, "migrate", "--noinput")
    manage(environment, "seed_demo", settings="portal.settings.dev")
    manage(environment, "collectstatic", "--noinput")


def code_version():
    """The commit served, for the reports: other engineers change the code while benchmarks run."""

    def git(*arguments):
        return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True).stdout.strip()  # noqa: S603, S607

    changed = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if changed else "")


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on port {port} within {timeout} s")


@contextlib.contextmanager
def served(
    database="sqlite",
    *,
    port=8100,
    redis_url="",
    workers=2,
    prepared=False,
    before_serving=None,
    log=subprocess.DEVNULL,
    scratch="bench",
):
    """Yield the base URL of the portal under gunicorn; `prepared=True` reuses the last prepared database.

    `before_serving(environment)`, when given, runs once the database is ready and before gunicorn
    starts, e.g. to add bench members (`bench.members.create_members`).
    """
    environment = portal_environment(database, redis_url, scratch)
    if not prepared:
        prepare(database, environment, scratch)
    if before_serving:
        before_serving(environment)
    gunicorn = subprocess.Popen(  # noqa: S603
        [GUNICORN, "portal.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--access-logfile", "-"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=log,
    )
    worker = subprocess.Popen([PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=environment, stdout=log, stderr=log)  # noqa: S603
    try:
        wait_for_port(port, gunicorn)
        yield f"http://127.0.0.1:{port}"
    finally:
        for process in (gunicorn, worker):
            process.send_signal(signal.SIGTERM)
        for process in (gunicorn, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--redis", action="store_true", help=f"share the cache through Redis ({REDIS_URL})")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--prepared", action="store_true", help="reuse the database of the last run")
    options = parser.parse_args()
    redis_url = REDIS_URL if options.redis else ""
    with served(options.database, port=options.port, redis_url=redis_url, prepared=options.prepared, log=None) as url:
        print(f"Serving the portal with production settings on {url}/ (Ctrl-C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    sys.exit(main())
