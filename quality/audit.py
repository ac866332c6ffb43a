"""Accessibility, markup, header and security audit of the portal as it runs in production.

    .venv/bin/python quality/audit.py [--ci] [--prepared] [--database sqlite|postgresql]

serves the portal with production settings through bench/server.py (its own scratch database in
var/audit/ or portal_audit), visits one page of every type in every language anonymously and as the vetted member
`investigator`, and checks them with axe-core (in Debian's Chromium), the Nu HTML checker and the
security headers. Without `--ci` it also runs Lighthouse, wapiti and sqlmap. Reports go to
reports/audit/; the script prints a summary table and exits non-zero if an aim is missed.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyotp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import server  # noqa: E402
from bench.login import csrf_token  # noqa: E402

QUALITY = ROOT / "quality"
NODE_MODULES = QUALITY / "node_modules"
AUDIT_BIN = ROOT / ".venv-audit" / "bin"
REPORTS = ROOT / "reports" / "audit"
PORT = 8150
CRAWLERS = 4  # browsers at once, one per gunicorn worker
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ["critical", "serious", "moderate", "minor"]
MEMBER = "investigator"
MEMBER_PASSWORD = "demo-portal-2026"  # noqa: S105 - the demo account of seed_demo
MEMBER_TOTP_SECRET = "JBSWY3DPEHPK3PXPDEMOPORTALOSCE22"  # noqa: S105
LIGHTHOUSE_PAGES = ["home", "library", "item-practice", "country", "search", "forum"]
LIGHTHOUSE_CATEGORIES = ["accessibility", "best-practices", "seo"]
LIGHTHOUSE_MINIMUM = 0.95
WAPITI_MODULES = "xss,permanentxss,sql,exec,file,redirect,crlf"
# Forms whose submission would end the scan's own session or account, or change its log-in: the e-mail
# addresses too, which allauth lets a member change 10 times a minute, so that wapiti's blind SQL test
# took the answers turning from 200 to 429 for an injection (in a button's name, whose value is never read).
WAPITI_EXCLUDED = [
    "/*/accounts/logout/*",
    "/*/membership/profile/delete/*",
    "/*/accounts/password/*",
    "/*/accounts/email/*",
    "/admin/*",
]


# The audit's own scratch folder and database (var/audit/, portal_audit), apart from the benchmarks'.
SCRATCH = "audit"


class Outcome:
    """The rows of the summary table: what was measured, the aim, and whether it was met."""

    def __init__(self):
        self.rows = []

    def add(self, check, figure, aim, passed):
        self.rows.append((check, str(figure), str(aim), "ok" if passed else "FAIL"))
        print(f"  {'ok  ' if passed else 'FAIL'} {check}: {figure} (aim: {aim})", flush=True)

    @property
    def passed(self):
        return all(row[3] == "ok" for row in self.rows)

    def table(self):
        lines = [("check", "figure", "aim", "result"), *self.rows]
        widths = [max(len(line[column]) for line in lines) for column in range(4)]
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines
        )


# --- HTTP as the production site sees it behind its TLS proxy -------------------------------------------


def request(base_url, method, path, *, cookies=None, form=None):
    """One request with `X-Forwarded-Proto: https`; returns (status, headers list, body)."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    headers = {"X-Forwarded-Proto": "https", "Host": address.netloc}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://{address.netloc}"
        headers["Referer"] = f"https://{address.netloc}{path}"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    result = response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    connection.close()
    return result


def set_cookies(headers):
    """The Set-Cookie headers of a response, parsed: name -> Morsel."""
    cookies = SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            cookies.load(value)
    return cookies


def log_in(base_url):
    """Sign `investigator` in through allauth and its TOTP step.

    Returns the session's cookies and the Set-Cookie headers of the log-in form's GET and POST."""
    login_path = "/en/accounts/login/"
    _status, headers, html = request(base_url, "GET", login_path)
    login_cookies = set_cookies(headers)
    cookies = {name: morsel.value for name, morsel in login_cookies.items()}
    form = {"csrfmiddlewaretoken": csrf_token(html), "login": MEMBER, "password": MEMBER_PASSWORD}
    status, headers, _html = request(base_url, "POST", login_path, cookies=cookies, form=form)
    login_cookies.update(set_cookies(headers))
    cookies.update({name: morsel.value for name, morsel in login_cookies.items()})
    second_step = dict(headers).get("Location", "")
    if status != 302 or "2fa" not in second_step:
        raise SystemExit(f"Log-in of {MEMBER} failed: {status} {second_step}")
    _status, headers, html = request(base_url, "GET", second_step, cookies=cookies)
    cookies.update({name: morsel.value for name, morsel in set_cookies(headers).items()})
    totp = pyotp.TOTP(MEMBER_TOTP_SECRET)
    seconds_left = totp.interval - time.time() % totp.interval
    if seconds_left < 5:  # the code would expire before the server checks it
        time.sleep(seconds_left + 0.5)
    form = {"csrfmiddlewaretoken": csrf_token(html), "code": totp.now()}
    status, headers, _html = request(base_url, "POST", second_step, cookies=cookies, form=form)
    cookies.update({name: morsel.value for name, morsel in set_cookies(headers).items()})
    if status != 302 or "2fa" in dict(headers).get("Location", ""):
        raise SystemExit(f"The TOTP step of {MEMBER} failed: {status}")
    return cookies, login_cookies


# --- Checks -------------------------------------------------------------------------------------------------


def check_headers(base_url, login_cookies, outcome):
    _status, headers, _body = request(base_url, "GET", "/en/")
    header = {name.lower(): value for name, value in headers}
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in header.get("content-security-policy", "").split(";")
        if directive.strip()
    }
    results = {
        "Content-Security-Policy present": bool(policy),
        "CSP script-src without 'unsafe-inline'": "script-src" in policy
        and "'unsafe-inline'" not in policy["script-src"],
        "CSP style-src without 'unsafe-inline'": "style-src" in policy and "'unsafe-inline'" not in policy["style-src"],
        "CSP frame-ancestors 'none'": policy.get("frame-ancestors") == ["'none'"],
        "Strict-Transport-Security": header.get("strict-transport-security", "").startswith("max-age="),
        "X-Content-Type-Options: nosniff": header.get("x-content-type-options") == "nosniff",
        "Referrer-Policy": bool(header.get("referrer-policy")),
        "X-Frame-Options: DENY": header.get("x-frame-options") == "DENY",
    }
    for name in ("sessionid", "csrftoken"):
        morsel = login_cookies.get(name)
        results[f"{name} cookie Secure and HttpOnly"] = bool(morsel and morsel["secure"] and morsel["httponly"])
    (REPORTS / "headers.json").write_text(
        json.dumps(
            {
                "home_headers": header,
                "login_set_cookie": {name: morsel.OutputString() for name, morsel in login_cookies.items()},
                "checks": results,
            },
            indent=1,
        )
    )
    for check, passed in results.items():
        outcome.add(f"header: {check}", "present" if passed else "missing", "present", passed)


def audit_pages(base_url, visitor, cookies, pages):
    """One visitor's view of `pages` in its own browser: save the server's HTML and run axe-core on it."""
    from playwright.sync_api import sync_playwright

    html_folder = REPORTS / "html" / visitor
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # axe is injected into every page as a script, which the portal's CSP rightly forbids; an audit may bypass it.
        context = browser.new_context(bypass_csp=True, locale="en-GB")
        context.add_init_script(path=NODE_MODULES / "axe-core" / "axe.min.js")
        context.add_cookies(
            [
                {"name": name, "value": value, "domain": urlsplit(base_url).hostname, "path": "/", "secure": True}
                for name, value in cookies.items()
            ]
        )
        page = context.new_page()
        for entry in pages:
            response = page.goto(base_url + entry["path"], wait_until="load")
            html_file = html_folder / f"{entry['language']}-{entry['name']}.html"
            html_file.write_text(response.text() if response else "")
            axe = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            violations = [
                {
                    "id": violation["id"],
                    "impact": violation["impact"],
                    "help": violation["help"],
                    "nodes": [node["target"] for node in violation["nodes"]],
                }
                for violation in axe["violations"]
            ]
            status = response.status if response else None
            results.append(
                {**entry, "visitor": visitor, "status": status, "final_url": page.url, "violations": violations}
            )
        browser.close()
    return results


def crawl(base_url, pages, member_cookies, outcome):
    """Every page in every language as each visitor, in browsers side by side.

    The member browses in one browser, as a person would: the session's writes (forum read marks)
    then never race each other, which SQLite answers with "database is locked". Anonymous
    visitors get one browser per language."""
    for visitor in ("anonymous", MEMBER):
        (REPORTS / "html" / visitor).mkdir(parents=True)
    jobs = [(base_url, MEMBER, member_cookies, pages)]
    for language in dict.fromkeys(entry["language"] for entry in pages):
        jobs.append((base_url, "anonymous", {}, [entry for entry in pages if entry["language"] == language]))
    with ThreadPoolExecutor(max_workers=CRAWLERS) as executor:
        results = [
            result for job_results in executor.map(lambda job: audit_pages(*job), jobs) for result in job_results
        ]
    (REPORTS / "axe.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    write_axe_html(results)
    counts = dict.fromkeys(IMPACTS, 0)
    for result in results:
        for violation in result["violations"]:
            counts[violation["impact"]] += len(violation["nodes"])
    figure = ", ".join(f"{impact} {count}" for impact, count in counts.items())
    passed = not (counts["critical"] or counts["serious"])
    outcome.add(f"axe-core on {len(results)} page views", figure, "0 serious, 0 critical", passed)
    return results


def write_axe_html(results):
    from html import escape

    rows = []
    for result in results:
        for violation in result["violations"]:
            rows.append(
                f"<tr><td>{escape(result['visitor'])}</td><td>{escape(result['path'])}</td>"
                f"<td>{escape(violation['impact'])}</td><td>{escape(violation['id'])}: {escape(violation['help'])}</td>"
                f"<td>{escape(json.dumps(violation['nodes']))}</td></tr>"
            )
    (REPORTS / "axe.html").write_text(
        "<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>axe-core violations</title>"
        f"<h1>axe-core violations ({len(rows)})</h1><table><tr><th>Visitor</th><th>Page</th><th>Impact</th>"
        f"<th>Rule</th><th>Elements</th></tr>{''.join(rows)}</table></html>"
    )


def check_markup(outcome):
    """The Nu HTML checker over every saved page, once."""
    vnu = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    completed = subprocess.run(  # noqa: S603
        [
            shutil.which("java") or "java",
            "-Dnu.validator.servlet.allow-forbidden-hosts=true",
            "-jar",
            str(vnu),
            "--format",
            "json",
            "--exit-zero-always",
            str(REPORTS / "html"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(completed.stderr)["messages"]
    (REPORTS / "vnu.json").write_text(json.dumps(messages, indent=1, ensure_ascii=False))
    errors = [message for message in messages if message["type"] in ("error", "non-document-error")]
    warnings = [message for message in messages if message.get("subType") == "warning"]
    outcome.add("Nu HTML checker", f"{len(errors)} errors, {len(warnings)} warnings", "0 errors", not errors)


def run_lighthouse(base_url, pages, member_cookies, outcome):
    folder = REPORTS / "lighthouse"
    folder.mkdir()
    english = {entry["name"]: entry["path"] for entry in pages if entry["language"] == "en"}
    cookie_header = "; ".join(f"{name}={value}" for name, value in member_cookies.items())
    scores = {}
    for name in LIGHTHOUSE_PAGES:
        arguments = [
            "node",
            str(NODE_MODULES / "lighthouse" / "cli" / "index.js"),
            base_url + english[name],
            "--quiet",
            "--output=json",
            "--output=html",
            f"--output-path={folder / name}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        ]
        if name == "forum":
            arguments.append(f"--extra-headers={json.dumps({'Cookie': cookie_header})}")
        subprocess.run(arguments, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)  # noqa: S603
        report = json.loads((folder / f"{name}.report.json").read_text())
        scores[name] = {category: report["categories"][category]["score"] for category in LIGHTHOUSE_CATEGORIES}
        for category, score in scores[name].items():
            outcome.add(
                f"Lighthouse {category} {name}", f"{score:.2f}", f">= {LIGHTHOUSE_MINIMUM}", score >= LIGHTHOUSE_MINIMUM
            )
    return scores


def run_wapiti(base_url, member_cookies, outcome):
    cookie_header = "; ".join(f"{name}={value}" for name, value in member_cookies.items())
    scans = {"anonymous": [], MEMBER: ["--cookie-value", cookie_header]}
    processes = {}
    for visitor, extra in scans.items():
        arguments = [
            str(AUDIT_BIN / "wapiti"),
            "-u",
            f"{base_url}/en/",
            "--scope",
            "folder",
            "-m",
            WAPITI_MODULES,
            "--flush-session",
            "--store-session",
            str(REPORTS / f"wapiti-session-{visitor}"),
            "-d",
            "3",
            "--max-links-per-page",
            "40",
            "--max-scan-time",
            "240",
            "--max-attack-time",
            "45",
            "-f",
            "json",
            "-o",
            str(REPORTS / f"wapiti-{visitor}.json"),
            *extra,
        ]
        for pattern in WAPITI_EXCLUDED:
            arguments += ["-x", base_url + pattern]
        log = open(REPORTS / f"wapiti-{visitor}.log", "w")  # noqa: SIM115 - closed when the scan ends
        processes[visitor] = (subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT), log)  # noqa: S603
    findings = {}
    for visitor, (process, log) in processes.items():
        process.wait()
        log.close()
        report = json.loads((REPORTS / f"wapiti-{visitor}.json").read_text())
        vulnerabilities = sum(len(found) for found in report["vulnerabilities"].values())
        anomalies = sum(len(found) for found in report["anomalies"].values())
        findings[visitor] = {"vulnerabilities": vulnerabilities, "anomalies": anomalies}
        outcome.add(
            f"wapiti ({visitor})",
            f"{vulnerabilities} vulnerabilities, {anomalies} anomalies",
            "0 findings",
            not (vulnerabilities or anomalies),
        )
    return findings


def run_sqlmap(base_url, pages, outcome):
    english = {entry["name"]: entry["path"] for entry in pages if entry["language"] == "en"}
    targets = {
        "search": f"{base_url}/en/search/?q=grooming&kind=practice&topic=grooming&country=DE&lang=en&year=2024",
        "library": f"{base_url}{english['library']}?kind=practice&topic=grooming&country=DE&language=en&page=1",
    }
    verdicts = {}
    for name, url in targets.items():
        completed = subprocess.run(  # noqa: S603
            [
                str(AUDIT_BIN / "sqlmap"),
                "-u",
                url,
                "--batch",
                "--level=1",
                "--risk=1",
                "--threads=4",
                "--disable-coloring",
                f"--output-dir={REPORTS / 'sqlmap'}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        (REPORTS / f"sqlmap-{name}.log").write_text(completed.stdout + completed.stderr)
        not_injectable = "all tested parameters do not appear to be injectable" in completed.stdout
        injectable = re.search(
            r"parameter '[^']+' is vulnerable|sqlmap identified the following injection", completed.stdout
        )
        verdicts[name] = "not injectable" if not_injectable and not injectable else "INJECTABLE or inconclusive"
        outcome.add(f"sqlmap {name} parameters", verdicts[name], "not injectable", verdicts[name] == "not injectable")
    return verdicts


def check_server_errors(outcome):
    """Every 5xx answer of the audit's whole run, from gunicorn's access log: pages, scans and probes."""
    requests = re.findall(r'"[A-Z]+ (\S+) HTTP/[\d.]+" (\d{3}) ', (REPORTS / "server.log").read_text())
    errors = [f"{status} {path}" for path, status in requests if status.startswith("5")]
    (REPORTS / "server-errors.txt").write_text("".join(f"{error}\n" for error in errors))
    paths = sorted({error.split()[1].split("?")[0] for error in errors})
    figure = f"{len(errors)} of {len(requests)} requests" + (f" ({', '.join(paths)})" if paths else "")
    outcome.add("server errors (5xx)", figure, "0", not errors)


def discover_pages(database):
    environment = server.portal_environment(database, scratch=SCRATCH)
    completed = subprocess.run(  # noqa: S603
        [server.PYTHON, str(QUALITY / "pages.py")],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ci", action="store_true", help="axe-core, Nu checker and headers only")
    parser.add_argument("--prepared", action="store_true", help="reuse the database of the last audit")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    options = parser.parse_args()

    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", PORT), timeout=1):
        raise SystemExit(f"Port {PORT} is taken: another audit still running? The audit serves its own portal there.")
    shutil.rmtree(REPORTS, ignore_errors=True)
    REPORTS.mkdir(parents=True)
    outcome = Outcome()
    started = time.monotonic()
    with (
        open(REPORTS / "server.log", "w") as server_log,
        server.served(
            options.database, port=PORT, workers=4, prepared=options.prepared, log=server_log, scratch=SCRATCH
        ) as base_url,
    ):
        print(f"Portal prepared and served in {time.monotonic() - started:.0f} s", flush=True)
        pages = discover_pages(options.database)
        print(f"Auditing {len(pages)} pages at {base_url} as anonymous visitor and as {MEMBER}", flush=True)
        member_cookies, login_cookies = log_in(base_url)
        check_headers(base_url, login_cookies, outcome)
        crawl(base_url, pages, member_cookies, outcome)
        if not options.ci:
            run_lighthouse(base_url, pages, member_cookies, outcome)
            run_wapiti(base_url, member_cookies, outcome)
            run_sqlmap(base_url, pages, outcome)
        print(f"Pages audited after {time.monotonic() - started:.0f} s", flush=True)
    check_server_errors(outcome)
    check_markup(outcome)

    summary = f"{outcome.table()}\n\n{'PASSED' if outcome.passed else 'FAILED'} in {time.monotonic() - started:.0f} s\n"
    (REPORTS / "summary.txt").write_text(summary)
    print("\n" + summary)
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
