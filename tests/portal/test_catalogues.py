"""Every string a user sees exists in all six languages."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
SOURCE_FOLDERS = ["portal", "knowledge", "forum", "workshops"]


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_fuzzy_or_obsolete_entry(code):
    po = catalogue(code)

    assert len(po) > 0
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_placeholders_are_identical_to_the_source(code):
    mismatches = []
    for entry in catalogue(code).translated_entries():
        if entry.msgid_plural:
            sources = [entry.msgid, entry.msgid_plural]
            translations = list(entry.msgstr_plural.values())
        else:
            sources, translations = [entry.msgid], [entry.msgstr]
        expected = sorted(set().union(*(PLACEHOLDER.findall(text) for text in sources)))
        for translation in translations:
            if sorted(set(PLACEHOLDER.findall(translation))) != expected:
                mismatches.append((entry.msgid, translation))
    assert mismatches == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_contain_every_string_of_the_source(tmp_path):
    """Extract the strings afresh from a copy of the source and compare them with the catalogues."""
    root = Path(settings.BASE_DIR)
    shutil.copy(root / "manage.py", tmp_path)
    for folder in [*SOURCE_FOLDERS, "locale"]:
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--all", "--no-obsolete", "--verbosity=0"],
        cwd=tmp_path,
        check=True,
        timeout=300,
    )

    for code in TRANSLATED_LANGUAGES:
        extracted = polib.pofile(str(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"))
        committed = {entry.msgid for entry in catalogue(code)}
        missing = sorted(entry.msgid for entry in extracted if entry.msgid not in committed)
        assert missing == [], f"{code}: strings missing from the catalogue"
