"""Adaptive Card builders (schema 1.5, Teams' limit). Python builders, never JSON string templates.

Buttons use ``Action.Execute`` (invoke ``adaptiveCard/action``); Teams clients that do not know it fall
back to ``Action.Submit`` through the card's ``fallback`` of each action, carrying the same data.
"""

from __future__ import annotations

from typing import Any

CARD_VERSION = "1.5"
MAX_CARD_TEXT = 1_500  # characters of a decision shown before "Vis hele punktet"


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """An Adaptive Card 1.5 with ``body`` and optional ``actions``."""
    out: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
    }
    if actions:
        out["actions"] = actions
    return out


def text_block(text: str, **style: Any) -> dict[str, Any]:
    """A wrapping TextBlock."""
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def fact_set(facts: list[tuple[str, str]]) -> dict[str, Any]:
    """A FactSet of (title, value) pairs; empty values are left out."""
    return {"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in facts if v]}


def execute(title: str, verb: str, data: dict[str, Any]) -> dict[str, Any]:
    """An Action.Execute button with an Action.Submit fallback carrying the same verb and data."""
    payload = {"verb": verb, **data}
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": payload,
        "fallback": {"type": "Action.Submit", "title": title, "data": payload},
    }


def container(items: list[dict[str, Any]], *, separator: bool = False) -> dict[str, Any]:
    """A Container grouping blocks (one search hit, one follow-up)."""
    return {"type": "Container", "items": items, "separator": separator, "spacing": "Medium" if separator else "Default"}


def truncate(text: str, limit: int = MAX_CARD_TEXT) -> tuple[str, bool]:
    """``text`` cut at a line or word boundary below ``limit``, and whether it was cut."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return text[: max(cut, 1)].rstrip() + " …", True
