# The simulated members choose pages at random; nothing here needs cryptographic randomness.
# ruff: noqa: S311
"""Vetted members using the portal at once: log in with TOTP, browse, search, reply, register.

Started by `bench/load.py` (`make load`), which serves the portal, creates the bench members and
passes in the environment: BENCH_TARGETS (the demo addresses, JSON from `bench.targets`),
BENCH_MEMBERS (how many members exist), BENCH_RUN (a run id), BENCH_REPLIES (a file where
each reply the portal confirmed is written as its marker, one a line) and BENCH_STATS (a JSON file
for the final figures, written when locust quits: its CSV files are written when the run time
ends, before the users have finished the task they are in). Each simulated user logs in as its
own bench member; allauth allows 30 log-ins a minute from one address, so the driver spawns users
more slowly than that.

Each reply carries a unique marker and counts as sent only when the portal answers with the
redirect to the new post. A member posts at most REPLIES_PER_WINDOW replies in any ten minutes,
fewer than the forum's limit (FORUM_POSTS_PER_WINDOW = 20), so no reply is refused for speed.
"""

import itertools
import json
import os
import random
import re
import sys
import time
from collections import deque
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.login import LoginFailed, csrf_token, log_in  # noqa: E402
from bench.members import PASSWORD, TOTP_SECRET, username  # noqa: E402

TARGETS = json.loads(os.environ.get("BENCH_TARGETS", "{}"))
MEMBER_COUNT = int(os.environ.get("BENCH_MEMBERS", "50"))
RUN = os.environ.get("BENCH_RUN", "trial")
REPLIES_FILE = os.environ.get("BENCH_REPLIES", "")
STATS_FILE = os.environ.get("BENCH_STATS", "")
CODE_ATTEMPTS = 3  # TOTP codes a member types before giving up (see bench.login.log_in)
REPLIES_PER_WINDOW = 15
WINDOW_SECONDS = 600
SEARCH_WORDS = ["hotline", "grooming", "hash", "forensics", "legislation", "victim identification", "OSCE", "Europol"]
member_numbers = itertools.count(1)


@events.init.add_listener
def write_final_figures_on_quit(environment, **_kwargs):
    """Per request type: count, failures, median, 95th and 99th percentile, maximum (ms) and rate."""

    def write(**_kwargs):
        if not STATS_FILE:
            return
        entries = [*sorted(environment.stats.entries.values(), key=lambda e: e.name), environment.stats.total]
        figures = {
            "requests": [
                {
                    "request": f"{entry.method or ''} {entry.name}".strip(),
                    "count": entry.num_requests,
                    "failures": entry.num_failures,
                    "median": entry.median_response_time,
                    "p95": entry.get_response_time_percentile(0.95),
                    "p99": entry.get_response_time_percentile(0.99),
                    "max": entry.max_response_time,
                    "rate": entry.total_rps,
                }
                for entry in entries
            ],
            "failures": [
                f"{error.method} {error.name}: {error.error} x{error.occurrences}"
                for error in environment.stats.errors.values()
            ],
            "errors": [f"{error['msg']} x{error['count']}" for error in environment.runner.exceptions.values()],
            "error_count": sum(error["count"] for error in environment.runner.exceptions.values()),
        }
        Path(STATS_FILE).write_text(json.dumps(figures, indent=1))

    environment.events.quit.add_listener(write)


def record_reply(marker):
    with open(REPLIES_FILE, "a") as replies:
        replies.write(marker + "\n")


class VettedMember(HttpUser):
    wait_time = between(1, 5)

    def on_start(self):
        number = next(member_numbers)
        if number > MEMBER_COUNT:
            raise StopUser
        self.member = username(number)
        self.reply_times = deque()
        self.replies = 0
        self.registered = False
        try:
            codes = log_in(
                self.client,
                self.host,
                username=self.member,
                password=PASSWORD,
                totp_secret=TOTP_SECRET,
                code_attempts=CODE_ATTEMPTS,
                name="log in",
            )
        except LoginFailed as error:
            events.request.fire(
                request_type="LOGIN", name="log in", response_time=0, response_length=0, exception=error, context={}
            )
            raise StopUser from error
        for _expired in range(codes - 1):  # shown as a row of their own: how often a code expired in transit
            events.request.fire(
                request_type="TOTP",
                name="code typed again",
                response_time=0,
                response_length=0,
                exception=None,
                context={},
            )

    def member_page(self, path, name):
        """A page that must answer 200 itself: a redirect (to the log-in page, say) is a failure."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
            return response

    @task(3)
    def home(self):
        self.member_page(TARGETS["home"], "home")

    @task(2)
    def library(self):
        self.member_page(TARGETS["library"], "library index")

    @task(3)
    def library_item(self):
        self.member_page(random.choice(TARGETS["items"]), "library item")

    @task(1)
    def country(self):
        self.member_page(TARGETS["country"], "country page")

    @task(2)
    def forum_category(self):
        self.member_page(random.choice(TARGETS["forum_categories"]), "forum category")

    @task(4)
    def forum_topic(self):
        self.member_page(random.choice(TARGETS["forum_topics"]), "forum topic")

    @task(2)
    def search(self):
        self.member_page(f"/en/search/?q={random.choice(SEARCH_WORDS)}", "search")

    @task(2)
    def reply(self):
        now = time.monotonic()
        while self.reply_times and now - self.reply_times[0] > WINDOW_SECONDS:
            self.reply_times.popleft()
        if len(self.reply_times) >= REPLIES_PER_WINDOW:
            return
        topic = random.choice(TARGETS["reply_topics"])
        page = self.member_page(topic, "forum topic")
        if page.status_code != 200:
            return
        self.replies += 1
        marker = f"bench-reply-{RUN}-{self.member}-{self.replies}"
        self.reply_times.append(now)
        form = {
            "csrfmiddlewaretoken": csrf_token(page.text),
            "body": f"Load test reply, marker {marker}.",
            "language": "en",
        }
        with self.client.post(topic, data=form, name="reply", allow_redirects=False, catch_response=True) as answer:
            if answer.status_code == 302 and "posted=1" in answer.headers.get("Location", ""):
                record_reply(marker)
            else:
                response_text = re.sub(r"\s+", " ", answer.text)[:200]
                answer.failure(f"reply not posted: {answer.status_code} {response_text}")

    @task(1)
    def workshop(self):
        """Register for the upcoming workshop; a registered member sometimes cancels and registers again later."""
        workshop = TARGETS["workshop"]
        page = self.member_page(workshop["url"], "workshop")
        if page.status_code != 200:
            return
        if self.registered and random.random() < 0.5:
            action = "cancel"
        elif not self.registered:
            action = "register"
        else:
            return
        address = f"/en/participation/{workshop['pk']}/{action}/"
        form = {"csrfmiddlewaretoken": csrf_token(page.text)}
        with self.client.post(address, data=form, name=action, allow_redirects=False, catch_response=True) as answer:
            if answer.status_code == 302 and answer.headers.get("Location", "").endswith(workshop["url"]):
                self.registered = action == "register"
            else:
                answer.failure(f"{action}: {answer.status_code}")
