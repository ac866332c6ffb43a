"""Requests per second of the served portal, page by page, on SQLite and on PostgreSQL.

    .venv/bin/python bench/http.py [--databases sqlite postgresql] [--seconds 10] [--prepared]

Serves the portal as in production (`bench.server.served`: gunicorn, 2 workers) and measures each
page with wrk for the given seconds (2 threads, 16 connections): the public pages both cached and
uncached, the search page with a query, a forum topic as the vetted demo member, and one static
file served by WhiteNoise as the machine's limit. Addresses come from the demo content
(`bench.targets`), the static file's hashed name from the home page.

Cached: plain repeated anonymous GETs, which the anonymous page cache answers after the first.
Uncached: the same GETs with a session cookie that names no session, which the page cache always
skips (`portal.page_cache`), so every request renders the page. The search page is never cached.
Prints a table per database, with each page's rate against the static file's, the aims and
whether every response was a 2xx (wrk's count, plus the warm-up requests before and after each
run), and writes them to reports/bench/http.txt.

The machine is often shared (other test runs, the other engineers' servers), so beside the rate
each row gives the gunicorn workers' CPU time per request (from /proc) and the rate it allows
when the 2 workers have a CPU each ("idle req/s"): a figure that other load does not move much.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder heads the import path, where this module would stand in for
# the standard library's `http`; the project's root takes its place.
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse  # noqa: E402
import contextlib  # noqa: E402
import dataclasses  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

import requests  # noqa: E402

from bench.login import log_in  # noqa: E402
from bench.server import code_version, portal_environment, served  # noqa: E402
from bench.targets import targets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "bench" / "http.txt"
PORT = 8101
THREADS, CONNECTIONS = 2, 16
TIMEOUT = 10  # seconds; wrk's default of 2 s would count slow answers on a busy machine as socket errors
WORKERS = 2  # bench.server's default
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# The demo member of portal/accounts.py and portal/membership/seed.py (public demo credentials).
INVESTIGATOR = {
    "username": "investigator",
    "password": "demo-portal-2026",
    "totp_secret": "JBSWY3DPEHPK3PXPDEMOPORTALOSCE22",
}
# A session key of valid form that no session has: the page cache skips the request, Django finds no session.
NO_SESSION_COOKIE = "sessionid=benchnosessionbenchnosession"
SEARCH = "/en/search/?q=hotline"
CACHED_AIM = 0.5  # of the static file's rate
UNCACHED_AIM = 100  # requests per second
STATIC_FILE = re.compile(r'"(/static/[^"]+\.css)"')
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclasses.dataclass(frozen=True)
class Page:
    label: str
    path: str
    kind: str  # "static", "cached", "uncached" or "member"


@dataclasses.dataclass(frozen=True)
class Measurement:
    page: Page
    rate: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    cpu_ms: float  # the server's CPU time per request: what the page costs whatever else the machine runs

    @property
    def idle_rate(self):
        """Requests per second that the workers could serve on CPUs of their own, from their CPU time."""
        return min(WORKERS, os.cpu_count()) * 1000 / self.cpu_ms if self.cpu_ms else 0.0


def pages_to_measure(addresses, static_file):
    public = [
        ("home", addresses["home"]),
        ("library index", addresses["library"]),
        ("library item", addresses["item"]),
        ("country page", addresses["country"]),
        ("legislation matrix", addresses["matrix"]),
    ]
    return [
        Page("static file", static_file, "static"),
        *(Page(label, path, "cached") for label, path in public),
        *(Page(label, path, "uncached") for label, path in public),
        # The search page is never cached (it answers Cache-Control: private), so it is measured once.
        Page("search 'hotline'", SEARCH, "uncached"),
        Page("forum topic (member)", addresses["forum_topics"][0], "member"),
    ]


def request_headers(page, member_cookie):
    if page.kind == "uncached":
        return {"Cookie": NO_SESSION_COOKIE}
    if page.kind == "member":
        return {"Cookie": member_cookie}
    return {}


def warm_up(base_url, page, headers, times=10):
    """Request the page `times` times and return how many answers were not 200.

    A redirect stops the bench: it means a wrong set-up (a member not logged in), and wrk would
    count the redirects as successes.
    """
    not_ok = 0
    for _ in range(times):
        response = requests.get(base_url + page.path, headers=headers, allow_redirects=False, timeout=30)
        if response.is_redirect:
            raise RuntimeError(f"{page.path} ({page.kind}) redirects to {response.headers['Location']}")
        not_ok += response.status_code != 200
    return not_ok


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def server_cpu_seconds():
    """User and system CPU time of the gunicorn processes serving on PORT, from /proc."""
    ticks = 0
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            command_line = (process / "cmdline").read_bytes().split(b"\0")
            if b"--bind" in command_line and f"127.0.0.1:{PORT}".encode() in command_line:
                fields = (process / "stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk(base_url, page, headers, seconds):
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", f"--timeout={TIMEOUT}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    cpu_before = server_cpu_seconds()
    output = subprocess.run([*command, base_url + page.path], check=True, capture_output=True, text=True).stdout  # noqa: S603
    cpu_seconds = server_cpu_seconds() - cpu_before
    requests_done = int(re.search(r"(\d+) requests in", output).group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Measurement(
        page=page,
        rate=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        p99_ms=milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(count) for count in socket_errors.groups()) if socket_errors else 0,
        cpu_ms=1000 * cpu_seconds / requests_done if requests_done else 0.0,
    )


def measure(database, seconds, prepared):
    with served(database, port=PORT, prepared=prepared) as base_url:
        addresses = targets(portal_environment(database))
        static_file = STATIC_FILE.search(requests.get(base_url + addresses["home"], timeout=30).text).group(1)
        session = requests.Session()
        log_in(session, base_url, **INVESTIGATOR)
        member_cookie = f"sessionid={session.cookies['sessionid']}"
        results = []
        for page in pages_to_measure(addresses, static_file):
            headers = request_headers(page, member_cookie)
            not_ok = warm_up(base_url, page, headers)
            result = wrk(base_url, page, headers, seconds)
            not_ok += warm_up(base_url, page, headers, times=1)  # still served as at the start
            results.append(dataclasses.replace(result, non_2xx=result.non_2xx + not_ok))
        return results


def verdict(missed_by):
    return f"missed by {', '.join(missed_by)}" if missed_by else "met"


def table(database, results, seconds):
    static_rate = results[0].rate
    lines = [
        f"{DATABASE_NAMES[database]}: gunicorn, 2 workers, production settings; "
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s --latency; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end; code {code_version()}",
        f"{'page':<22} {'':<9} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>7} {'errors':>6} "
        f"{'vs static':>9} {'CPU ms/req':>10} {'idle req/s':>10}  address",
    ]
    for result in results:
        page = result.page
        lines.append(
            f"{page.label:<22} {page.kind:<9} {result.rate:>7.0f} {result.p50_ms:>7.1f} {result.p99_ms:>7.1f} "
            f"{result.non_2xx:>7} {result.socket_errors:>6} {result.rate / static_rate:>9.0%} "
            f"{result.cpu_ms:>10.1f} {result.idle_rate:>10.0f}  {page.path}"
        )
    cached = [result for result in results if result.page.kind == "cached"]
    uncached = [result for result in results if result.page.kind == "uncached"]
    cached_short = [r.page.label for r in cached if r.rate < CACHED_AIM * static_rate]
    uncached_short = [r.page.label for r in uncached if r.rate < UNCACHED_AIM]
    uncached_idle_short = [r.page.label for r in uncached if r.idle_rate < UNCACHED_AIM]
    failed = [f"{r.page.label} ({r.page.kind})" for r in results if r.non_2xx or r.socket_errors]
    lines += [
        f"Aim: cached public pages >= {CACHED_AIM:.0%} of the static file's rate ({CACHED_AIM * static_rate:.0f} "
        f"req/s): {verdict(cached_short)}",
        f"Aim: uncached public pages >= {UNCACHED_AIM} req/s: {verdict(uncached_short)}",
        f"    and by their CPU time, on CPUs of their own (idle req/s): {verdict(uncached_idle_short)}",
        "Every response 2xx, no socket errors: " + (f"NO: {', '.join(failed)}" if failed else "yes"),
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", nargs="+", choices=list(DATABASE_NAMES), default=list(DATABASE_NAMES))
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--prepared", action="store_true", help="reuse the database of the last run (one database)")
    options = parser.parse_args()
    if options.prepared and len(options.databases) > 1:
        parser.error("--prepared reuses one database: name it with --databases")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    tables = []
    for database in options.databases:
        print(f"Serving and measuring on {DATABASE_NAMES[database]} ...", flush=True)
        tables.append(table(database, measure(database, options.seconds, options.prepared), options.seconds))
        print(tables[-1], flush=True)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n\n".join(tables) + "\n")
    print(f"Written to {REPORT.relative_to(ROOT)}")
    return 1 if any("NO:" in text for text in tables) else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
