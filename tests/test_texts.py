"""The text catalogue: one file per language, the same keys and placeholders in each, Danish first."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from dialogs import texts

CATALOGUE = Path(texts.__file__).parent / "catalogue"
ROOT = Path(texts.__file__).parent.parent


def fields(template: object) -> set[str]:
    """The placeholder names of a template (none for a list entry)."""
    if not isinstance(template, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_catalogue_file_is_a_language_and_danish_comes_first() -> None:
    assert texts.languages()[0] == "da"
    assert set(texts.languages()) == {p.stem for p in CATALOGUE.glob("*.toml")}
    assert {"da", "en"} <= set(texts.languages())


@pytest.mark.parametrize("lang", [code for code in texts.languages() if code != texts.DEFAULT_LANGUAGE])
def test_every_key_is_in_every_language_with_the_same_placeholders(lang: str) -> None:
    danish, other = texts.catalogues()["da"], texts.catalogues()[lang]
    assert sorted(set(danish) - set(other)) == [], f"{lang}.toml lacks these keys"
    assert sorted(set(other) - set(danish)) == [], f"{lang}.toml has keys Danish does not"
    # A meeting kind is always passed both as written and lower-cased; a language takes the form it needs.
    either = {"kind", "kind_lower"}
    differ = [key for key in danish if fields(danish[key]) - either != fields(other[key]) - either]
    assert differ == [], f"{lang}.toml fills other placeholders"
    assert len(other["date.weekdays"]) == 7 and len(other["date.months"]) == 12


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        texts.text("no.such.key", "da")


def test_an_unknown_language_falls_back_to_danish() -> None:
    assert texts.help_text("sv") == texts.help_text("da")
    assert texts.known("sv") is None and texts.known("en") == "en" and texts.known(None) is None


def test_dates_read_naturally_in_each_language() -> None:
    assert texts.date_long(date(2023, 9, 15), "da") == "fredag den 15. september 2023"
    assert texts.date_long(date(2023, 9, 15), "en") == "Friday 15 September 2023"
    assert texts.date_long(date(2026, 1, 3), "da") == "lørdag den 3. januar 2026"


def test_no_dialog_or_bot_module_names_the_languages_itself() -> None:
    """The language list lives in the catalogue: no ``lang == "en"`` and no ("da", "en") in code."""
    pattern = re.compile(r"""lang\s*[!=]=\s*["']|\(\s*["']da["']\s*,\s*["']en["']\s*\)""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for package in ("dialogs", "bot")
        for path in sorted((ROOT / package).glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
