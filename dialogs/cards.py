"""Adaptive Card builders (schema 1.5, Teams' limit). Python builders, never JSON string templates.

Buttons use ``Action.Execute`` (invoke ``adaptiveCard/action``); Teams clients that do not know it fall
back to ``Action.Submit`` through the card's ``fallback`` of each action, carrying the same data.
"""

from __future__ import annotations

import re
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


# ---- paragraphs and lists ------------------------------------------------------------------------
#
# Minutes put one paragraph or one bullet on a line. Teams' Markdown glues a line that follows a
# bullet onto that bullet, and runs single-newline lines together into one paragraph; so a text is
# split into blocks: each paragraph alone, consecutive bullets together as one list.

_BULLET = re.compile(r"^\s*[-•*–·]\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")


def blocks(text: str) -> list[tuple[str, bool]]:
    """``text`` as (block, is_list) pairs: a paragraph per line, consecutive list items as one Markdown list."""
    out: list[tuple[str, bool]] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append(("\n".join(items), True))
            items.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif _BULLET.match(line):
            items.append("- " + _BULLET.sub("", line).strip())
        elif _NUMBERED.match(line):
            items.append(line.strip())
        else:
            flush()
            out.append((line.strip(), False))
    flush()
    return out


def paragraphs(text: str, **style: Any) -> list[dict[str, Any]]:
    """A TextBlock per paragraph (and per list) of ``text``."""
    return [text_block(block, **({"spacing": "Small"} if i else {}), **style) for i, (block, _) in enumerate(blocks(text))]


def markdown(text: str) -> str:
    """``text`` for a Teams text message: paragraphs and lists apart by a blank line."""
    return "\n\n".join(block for block, _ in blocks(text))


def open_url(title: str, url: str) -> dict[str, Any]:
    """A button that opens ``url`` (the original document)."""
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def toggle(title: str, target: str) -> dict[str, Any]:
    """A button that shows or hides the element ``target`` on the card itself (no round trip)."""
    return {"type": "Action.ToggleVisibility", "title": title, "targetElements": [target]}
