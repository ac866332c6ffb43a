"""The load test: 50 vetted members for 5 minutes against the portal on PostgreSQL and Redis.

    .venv/bin/python bench/load.py [--users 50] [--minutes 5] [--spawn-rate 0.4]

Serves the portal as in production (`bench.server.served` on PostgreSQL, the cache in Redis),
adds the bench members (`bench.members`) and runs the locust scenario `bench/locustfile.py`
headless. Then compares the replies locust saw confirmed with the posts in the database: every
confirmed reply must be stored exactly once. Prints requests, failures, response times and the
reply check; writes them to reports/load/summary.txt, beside locust's final figures
(figures.json), its printed summary and log, and the markers of the confirmed replies.

Users are spawned at 0.4 a second (24 log-ins a minute): allauth allows 30 a minute from one
address, and every simulated member logs in from 127.0.0.1.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.members import create_members  # noqa: E402
from bench.server import REDIS_URL, code_version, portal_environment, served  # noqa: E402
from bench.targets import targets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports" / "load"
PORT = 8102
STATS_FILE = REPORTS / "figures.json"
MARKER = re.compile(r"bench-reply-[\w-]+")


def prepare_members(count):
    def before_serving(environment):
        # The bench's Redis database starts empty: posting and log-in counters of an earlier run would carry over.
        redis.Redis.from_url(REDIS_URL).flushdb()
        create_members(environment, count)

    return before_serving


def database_check(environment, run, workshop_pk):
    """The replies of `run` and the workshop registrations as stored (the portal's models, in a child process)."""
    result = subprocess.run(  # noqa: S603
        [ROOT / ".venv" / "bin" / "python", "-m", "bench.load", "--database-check", run, str(workshop_pk)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )
    return json.loads(result.stdout)


def print_database_check(run, workshop_pk):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    from django.db.models import Count

    from forum.models import Post
    from workshops.models import Registration

    markers = Counter()
    for body in Post.objects.filter(body__contains=f"bench-reply-{run}-").values_list("body", flat=True):
        markers.update(MARKER.findall(body))
    bench_registrations = Registration.objects.filter(workshop_id=workshop_pk, user__username__startswith="bench-")
    by_status = dict(bench_registrations.values_list("status").annotate(Count("pk")))
    print(json.dumps({"replies": markers, "registrations": by_status}))


def run_locust(base_url, addresses, options, run):
    replies_file = REPORTS / "replies-confirmed.txt"
    replies_file.write_text("")
    STATS_FILE.unlink(missing_ok=True)
    environment = {
        **os.environ,
        "BENCH_TARGETS": json.dumps(addresses),
        "BENCH_MEMBERS": str(options.users),
        "BENCH_RUN": run,
        "BENCH_REPLIES": str(replies_file),
        "BENCH_STATS": str(STATS_FILE),
    }
    command = [
        ROOT / ".venv" / "bin" / "locust",
        "-f",
        ROOT / "bench" / "locustfile.py",
        "--headless",
        "--host",
        base_url,
        "--users",
        str(options.users),
        "--spawn-rate",
        str(options.spawn_rate),
        "--run-time",
        f"{options.minutes}m",
        "--stop-timeout",
        "30",
        "--logfile",
        REPORTS / "locust.log",
        "--only-summary",
    ]
    with open(REPORTS / "locust-output.txt", "w") as output:
        subprocess.run(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    return replies_file.read_text().split()


def summary(options, figures, confirmed, stored, registration_counts):
    """The report's text, and whether the run met its aims."""
    confirmed_set = set(confirmed)
    missing = sorted(confirmed_set - set(stored))
    doubled = sorted(marker for marker, count in stored.items() if count > 1)
    unconfirmed = sorted(set(stored) - confirmed_set)
    lines = [
        f"Load test: {options.users} vetted members for {options.minutes} min, spawned at {options.spawn_rate}/s; "
        f"gunicorn 2 workers, PostgreSQL, Redis; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end; code {code_version()}",
        f"{'request':<22} {'count':>7} {'failures':>8} {'median ms':>10} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'req/s':>7}",
    ]
    for row in figures["requests"]:
        lines.append(
            f"{row['request']:<22} {row['count']:>7} {row['failures']:>8} {row['median']:>10.0f} {row['p95']:>8.0f} "
            f"{row['p99']:>8.0f} {row['max']:>8.0f} {row['rate']:>7.1f}"
        )
    total = figures["requests"][-1]
    failures, errors = total["failures"], figures["error_count"]
    sound = not missing and not doubled and len(confirmed_set) == len(confirmed)
    lines += [
        f"Requests {total['count']}, failures {failures}, errors in the scenario {errors} (aim 0 and 0): "
        + ("met" if failures == errors == 0 else "MISSED"),
        f"Replies confirmed by the portal: {len(confirmed)}; stored: {sum(stored.values())}; "
        f"missing: {len(missing)}; doubled: {len(doubled)} (aim 0 and 0): " + ("met" if sound else "MISSED"),
        f"Stored but not confirmed to the client (a reply cut off by the end of the run): {len(unconfirmed)}",
        f"Workshop registrations of the bench members by status: {registration_counts}",
        *(f"Failure: {failure}" for failure in figures["failures"]),
        *(f"Error: {error}" for error in figures["errors"]),
    ]
    if missing or doubled:
        lines.append(f"Missing: {missing[:10]}; doubled: {doubled[:10]}")
    return "\n".join(lines), failures == errors == 0 and sound


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=int, default=5)
    parser.add_argument("--spawn-rate", type=float, default=0.4, help="users a second (log-ins are limited to 30/min)")
    parser.add_argument("--database-check", nargs=2, metavar=("RUN", "WORKSHOP"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.database_check:
        return print_database_check(*options.database_check)
    REPORTS.mkdir(parents=True, exist_ok=True)
    run = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d%H%M%S")
    environment = portal_environment("postgresql", REDIS_URL)
    print(f"Serving on PostgreSQL with Redis; {options.users} members for {options.minutes} min ...", flush=True)
    with served(
        "postgresql", port=PORT, redis_url=REDIS_URL, before_serving=prepare_members(options.users)
    ) as base_url:
        addresses = targets(environment)
        confirmed = run_locust(base_url, addresses, options, run)
    stored = database_check(environment, run, addresses["workshop"]["pk"])
    figures = json.loads(STATS_FILE.read_text())
    text, passed = summary(options, figures, confirmed, stored["replies"], stored["registrations"])
    print(text)
    (REPORTS / "summary.txt").write_text(text + "\n")
    print(f"Written to {(REPORTS / 'summary.txt').relative_to(ROOT)} (locust's figures, output and log beside it)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
