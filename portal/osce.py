"""The 57 OSCE participating States (portal/data/osce-participating-states.csv), named from CLDR."""

import csv
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from babel import Locale

STATES_FILE = Path(__file__).parent / "data" / "osce-participating-states.csv"


@cache
def participating_state_codes():
    with STATES_FILE.open(encoding="utf-8", newline="") as file:
        return tuple(row["iso2"] for row in csv.DictReader(file))


def country_name(code, language=None):
    return Locale.parse(language or get_language() or "en").territories.get(code, code)


def country_choices():
    """(code, name) for every participating State, named and sorted in the active language."""
    return sorted(((code, country_name(code)) for code in participating_state_codes()), key=lambda c: c[1].casefold())
