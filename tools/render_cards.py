"""Render what a Teams user sees into PNGs for the README, with the real Adaptive Cards renderer.

Usage: ``python tools/render_cards.py [--out DIR]`` (default ``docs/``). Needs ``npm ci`` (the
``adaptivecards`` renderer, pinned in package.json) and Chromium (Debian: ``apt-get install chromium``).

The bot answers from a throw-away SQLite store with ``samples/minutes`` and one agenda in it, at a
fixed moment; each card goes through the same Reply -> activity conversion as in Teams
(``bot.replies.message_json``), is rendered by ``adaptivecards`` in headless Chromium with a
Teams-like host config, and the screenshot is cropped to the card:

* ``card-decision.png``: "hvad blev besluttet om frisættelse?"
* ``card-several.png``: "hvad blev besluttet om budget" (several hits, one "Vis beslutning" unfolded)
* ``card-followup.png``: "opfølgning: Økonomi sender notat senest næste fredag"
* ``card-reminder.png``: the agenda reminder a channel gets the day before a Rådmandsmøde
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PIL import Image, ImageChops

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bot.ingest import ingest_paths  # noqa: E402
from bot.replies import message_json  # noqa: E402
from dialogs.conversation import Conversation  # noqa: E402
from dialogs.reminders import render_agenda  # noqa: E402
from dialogs.turn import Reply, Turn  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.repository import Repository  # noqa: E402

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
MEETING = date(2026, 12, 16)
WIDTH = 520  # about the width of a card in Teams' chat pane
RENDERER = REPO_ROOT / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                  "--hide-scrollbars", "--force-device-scale-factor=1")

AGENDA = """# Rådmandsmøde (Rådmandsmøde)

{date} 09:00 - 10:00

Rådhuset, vær. 410

**Information:** Pkt. 1 kl. 9.00-9.30 Hanne Linnemann
Pkt. 2 kl. 9.30-10.00 Mie Kjer

## **Punkt 1: Budget 2028 – første budgetdrøftelse**

Oplæg om rammerne for budgettet.

## **Punkt 2: Demensstrategi – status på handleplanen**

Status på de fire indsatsområder.
"""

# A Teams-like look (Segoe UI, Teams' text colours and spacing); the renderer's defaults otherwise.
HOST_CONFIG: dict[str, Any] = {
    "fontFamily": "'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
    "spacing": {"small": 4, "default": 8, "medium": 12, "large": 16, "extraLarge": 24, "padding": 16},
    "separator": {"lineThickness": 1, "lineColor": "#E0E0E0"},
    "fontSizes": {"small": 12, "default": 14, "medium": 16, "large": 18, "extraLarge": 24},
    "fontWeights": {"lighter": 300, "default": 400, "bolder": 600},
    "containerStyles": {
        "default": {"backgroundColor": "#FFFFFF", "foregroundColors": {
            "default": {"default": "#242424", "subtle": "#616161"},
            "accent": {"default": "#5B5FC7", "subtle": "#5B5FC7"},
            "attention": {"default": "#C4314B", "subtle": "#C4314B"},
            "good": {"default": "#237B4B", "subtle": "#237B4B"},
            "warning": {"default": "#835C00", "subtle": "#835C00"}}},
    },
    "actions": {"maxActions": 6, "buttonSpacing": 8, "showCard": {"actionMode": "inline"},
                "actionsOrientation": "horizontal", "actionAlignment": "left"},
    "factSet": {"title": {"weight": "bolder", "wrap": True, "maxWidth": 150}, "value": {"wrap": True}, "spacing": 8},
}

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
  body {{ margin: 0; background: #F5F5F5; font-family: 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif; }}
  #card {{ width: {width}px; margin: 12px; background: #FFFFFF; border-radius: 6px;
          box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }}
  .ac-pushButton {{ border: 1px solid #D1D1D1; background: #FFFFFF; color: #242424; border-radius: 4px;
                   padding: 5px 12px; font: 600 14px 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif; }}
  .ac-textBlock ul {{ margin: 0; padding-left: 18px; white-space: normal; }}
  .ac-textBlock li {{ overflow-wrap: anywhere; margin-right: 18px; }}
  .ac-textBlock p {{ margin: 0; }}
</style>
<script>{renderer}</script>
</head><body><div id="card"></div>
<script>
  // Teams renders the Markdown subset of TextBlocks: lists, **bold**, *italic*, [links](…).
  function inline(s) {{
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/\\*\\*(.+?)\\*\\*/g, "<b>$1</b>").replace(/\\*(.+?)\\*/g, "<i>$1</i>")
      .replace(/\\[(.+?)\\]\\((.+?)\\)/g, '<a href="$2">$1</a>');
  }}
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {{
    const lines = text.split("\\n");
    if (lines.every(l => /^- /.test(l))) {{
      result.outputHtml = "<ul>" + lines.map(l => "<li>" + inline(l.slice(2)) + "</li>").join("") + "</ul>";
    }} else {{
      result.outputHtml = "<p>" + lines.map(inline).join("<br>") + "</p>";
    }}
    result.didProcess = true;
  }};
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig({host_config});
  card.parse({card});
  document.getElementById("card").appendChild(card.render());
  for (const id of {unfold}) {{
    const element = card.getElementById(id);
    if (element) element.isVisible = true;
  }}
</script></body></html>
"""


async def replies(work: Path) -> dict[str, dict[str, Any]]:
    """The cards of the four answers, as ``bot.replies`` would send them."""
    agenda = work / "agenda" / f"{MEETING.isoformat()}_raadmandsmoede_dagsorden.md"
    agenda.parent.mkdir()
    agenda.write_text(AGENDA.format(date=MEETING.strftime("%d-%m-%Y")), encoding="utf-8")
    db = await Database.open(f"sqlite:///{work / 'referatbot.db'}")
    try:
        repo = Repository(db)
        await ingest_paths(repo, [str(REPO_ROOT / "samples" / "minutes")])
        conversation = Conversation(repo)

        async def ask(text: str) -> Reply:
            return await conversation.handle(Turn(text=text, now=NOW, user_id="aad-anne", user_name="Anne Hansen"))

        answers = {
            "card-decision": await ask("hvad blev besluttet om frisættelse?"),
            "card-several": await ask("hvad blev besluttet om budget"),
            "card-followup": await ask("opfølgning: Økonomi sender notat til chefteamet senest næste fredag"),
        }
        await ingest_paths(repo, [str(agenda.parent)])  # the coming meeting, only for its reminder
        view = await repo.reminders.agenda("", "Rådmandsmøde", MEETING)
        assert view is not None, "the agenda was not stored"
        answers["card-reminder"] = render_agenda(view, "da", reminder=True)
    finally:
        await db.close()
    out = {}
    for name, reply in answers.items():
        (attachment,) = message_json(reply)["attachments"]
        out[name] = attachment["content"]
    return out


def first_hidden(card: dict[str, Any]) -> list[str]:
    """The id of the first folded-away decision (shown unfolded, as after a "Vis beslutning" press)."""
    def walk(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [node["id"]] if node.get("isVisible") is False and "id" in node else []
            return found + [i for v in node.values() for i in walk(v)]
        if isinstance(node, list):
            return [i for v in node for i in walk(v)]
        return []
    return walk(card)[:1]


def screenshot(chromium: str, page: Path, png: Path) -> None:
    """Render ``page`` in headless Chromium and crop the screenshot to the card."""
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--window-size={WIDTH + 24},4000", f"--screenshot={png}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    with Image.open(png) as shot:
        image = shot.convert("RGB")
    background = Image.new("RGB", image.size, (245, 245, 245))
    box = ImageChops.difference(image, background).getbbox()
    if box is not None:
        left, top, right, bottom = box
        image = image.crop((max(left - 8, 0), max(top - 8, 0), min(right + 8, image.width),
                            min(bottom + 8, image.height)))
    image.save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    """Write the four PNGs; 1 with a one-line message when the renderer or Chromium is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("render_cards: Chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    if not RENDERER.is_file():
        print(f"render_cards: {RENDERER} missing (run npm ci)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cards = asyncio.run(replies(work))
        for name, card in cards.items():
            page = work / f"{name}.html"
            unfold = first_hidden(card) if name == "card-several" else []
            page.write_text(PAGE.format(width=WIDTH, renderer=RENDERER.read_text(encoding="utf-8"),
                                        host_config=json.dumps(HOST_CONFIG), card=json.dumps(card, ensure_ascii=False),
                                        unfold=json.dumps(unfold)), encoding="utf-8")
            screenshot(chromium, page, args.out / f"{name}.png")
            print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
