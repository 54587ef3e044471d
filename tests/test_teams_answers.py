"""Issue 13, as conversations: answers that read well in Teams, and a bot that never acts on the wrong thing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot_helpers import actions_of, card_text
from dialogs.turn import Intent, Reply
from storage.repository import Repository
from test_followups_dialog import NOW, _buttons, converse


def _button(reply: Reply, title: str) -> dict[str, Any]:
    """The data of the button titled ``title`` on a reply's card (what Teams sends when it is pressed)."""
    found = [a for a in actions_of(reply.card) if a["title"] == title]
    assert found, f"no button {title!r} in {[a['title'] for a in actions_of(reply.card)]}"
    return dict(found[0]["data"])


async def _followup(repo: Repository, followup_id: int, **who: Any) -> dict[str, Any]:
    [reply] = await converse(repo, [("åbne opfølgninger", "")], **who)
    [found] = [f for f in reply.data["followups"] if f["id"] == followup_id]
    return found


# ---- 1. a pending question never swallows a command ----------------------------------------------


async def test_a_new_command_after_ret_frist_is_a_new_follow_up_and_the_old_deadline_stays(repo: Repository) -> None:
    [plan] = await converse(repo, [("opfølgning: Plan sender høringssvar senest 10/12", "Opfølgning 1 er oprettet")])
    replies = await converse(repo, [
        (_button(plan, "Ret frist"), "Hvornår skal opfølgning 1 'Plan sender høringssvar' være gjort?"),
        ("opfølgning: Byg sender tegninger senest 1. februar", ["Opfølgning 2 er oprettet", "Byg sender tegninger"]),
        ("15/12", ""),  # the question was dropped by the command: this is a new message, not an answer
    ])
    assert replies[1].intent is Intent.ADD_FOLLOWUP and replies[1].data["followup"]["due"] == "2027-02-01"
    assert replies[2].intent is not Intent.ADD_FOLLOWUP
    assert (await _followup(repo, 1))["due"] == "2026-12-10"


async def test_a_question_left_open_expires_and_a_later_date_changes_nothing(repo: Repository) -> None:
    [plan] = await converse(repo, [("opfølgning: Plan sender høringssvar senest 10/12", "oprettet")])
    await converse(repo, [(_button(plan, "Ret frist"), "Hvornår skal opfølgning 1")])
    [late] = await converse(repo, [("15/12", "")], now=NOW + timedelta(minutes=30))
    assert "Fristen" not in late.text
    assert (await _followup(repo, 1))["due"] == "2026-12-10"


async def test_an_answer_in_time_names_what_it_changed(repo: Repository) -> None:
    [plan] = await converse(repo, [("opfølgning: Plan sender høringssvar senest 10/12", "oprettet")])
    await converse(repo, [(_button(plan, "Ret frist"), "Hvornår")])
    await converse(repo, [("15/12", "Fristen for opfølgning 1 'Plan sender høringssvar' er ændret til "
                                    "tirsdag den 15. december 2026")], now=NOW + timedelta(minutes=5))


async def test_the_answer_field_on_a_card_changes_the_follow_up_that_card_is_about(repo: Repository) -> None:
    replies = await converse(repo, [
        ("opfølgning: Plan sender høringssvar senest 10/12", "Opfølgning 1"),
        ("opfølgning: Byg sender tegninger senest 11/12", "Opfølgning 2"),
    ])
    [card_1] = await converse(repo, [(_button(replies[0], "Ret frist"), "opfølgning 1")])
    await converse(repo, [(_button(replies[1], "Ret frist"), "opfølgning 2")])  # a later question, about #2
    answer = {**_button(card_1, "Gem frist"), "due": "18/12"}  # typed into #1's card
    await converse(repo, [(answer, "Fristen for opfølgning 1 'Plan sender høringssvar' er ændret til fredag den 18. "
                                   "december 2026")])
    assert (await _followup(repo, 1))["due"] == "2026-12-18"
    assert (await _followup(repo, 2))["due"] == "2026-12-11"


async def test_a_new_follow_ups_question_answers_only_on_its_own_card_while_it_is_open(repo: Repository) -> None:
    [first] = await converse(repo, [("opfølgning: Jens ringer til leverandøren", "Hvornår skal det være gjort?")])
    await converse(repo, [("opfølgning: Anne skriver til Byg", "Hvornår skal det være gjort?")])  # replaces it
    stale = {**_button(first, "Gem frist"), "due": "fredag"}
    [reply] = await converse(repo, [(stale, "ikke åbent længere")])
    assert "followup" not in reply.data
    [listed] = await converse(repo, [("åbne opfølgninger", "")])
    assert listed.data["followups"] == []


# ---- 2. "Ret frist" keeps the follow-up's card ------------------------------------------------------


async def test_ret_frist_keeps_the_card_and_asks_under_it(repo: Repository) -> None:
    [plan] = await converse(repo, [("opfølgning @Anne Hansen: Plan sender høringssvar senest 10/12", "oprettet")])
    [asked] = await converse(repo, [(_button(plan, "Ret frist"), "")])
    shown = card_text(asked.card)
    for piece in ("Opfølgning 1", "Plan sender høringssvar", "Anne Hansen", "torsdag den 10. december 2026",
                  "Hvornår skal opfølgning 1 'Plan sender høringssvar' være gjort?", "Gem frist"):
        assert piece in shown
    inputs = [b for b in asked.card["body"] for b in b.get("items", [b]) if b["type"] == "Input.Text"]
    assert [i["id"] for i in inputs] == ["due"]


# ---- 3. paragraphs and lists ------------------------------------------------------------------------


async def test_help_is_a_paragraph_then_a_list(repo: Repository) -> None:
    [reply] = await converse(repo, [("hjælp", "Prøv fx:\n\n- hvad blev besluttet om frisættelse?\n- ")])
    assert "uge 45" not in reply.text and "næste fredag" in reply.text


async def test_the_welcome_greets_once(repo: Repository) -> None:
    from dialogs import texts

    welcome = texts.welcome_text("da")
    assert welcome.startswith("Velkommen til Referatbot!") and "Hej" not in welcome


def test_the_card_check_can_fail() -> None:
    from card_schema import card_errors

    good = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "x", "wrap": True}]}
    assert card_errors(good) == []
    assert card_errors({**good, "body": [{"type": "TextBlok", "text": "x"}]})
    assert card_errors({**good, "body": [{"type": "TextBlock", "text": "x", "weight": "Heavy"}]})
    assert card_errors({**good, "actions": [{"type": "Action.Execute", "title": "x", "verb": 3}]})


async def test_a_text_reply_goes_to_teams_as_markdown(repo: Repository) -> None:
    from bot.replies import message_json

    [reply] = await converse(repo, [("hjælp", "Prøv fx")])
    body = message_json(reply)
    assert body["textFormat"] == "markdown" and "\n\n- " in body["text"]


# ---- 3-7. decision answers ----------------------------------------------------------------------------


async def _samples(repo: Repository) -> None:
    from bot.ingest import ingest_paths
    from conftest import SAMPLES

    await ingest_paths(repo, [str(SAMPLES)])


def _blocks(card: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Every TextBlock of a card, in reading order (hidden ones too)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "TextBlock":
                found.append(node)
            for key in ("body", "items", "columns"):
                walk(node.get(key))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(card)
    return found


async def test_a_decision_keeps_its_paragraphs_and_lists(repo: Repository) -> None:
    await _samples(repo)
    [reply] = await converse(repo, [("hvad blev besluttet om interne budgetforslag?", "")])
    texts_ = [b["text"] for b in _blocks(reply.card)]
    [bullets] = [t for t in texts_ if t.startswith("- Tema for budgetforslag")]
    assert "\n- Forvaltningscheferne er ansvarlige" in bullets and "Økonomi understøtter" not in bullets
    assert any(t.startswith("Økonomi understøtter med kommunikation") for t in texts_)  # its own paragraph
    assert "investeringspotentiale.\n- Forvaltningscheferne" in reply.text
    assert "i organisationen.\n\nØkonomi understøtter" in reply.text  # not glued onto the last bullet


async def test_several_hits_lead_with_the_best_then_one_line_each_and_paging_keeps_them(repo: Repository) -> None:
    await _samples(repo)
    [first] = await converse(repo, [("hvad blev besluttet om budget", "")])
    count = len([h for h in first.data["results"]])
    heading = _blocks(first.card)[0]
    assert heading["text"].endswith("beslutninger om budget") and int(heading["text"].split()[0]) >= count > 1
    lines = [b["text"] for b in _blocks(first.card) if b["text"].count(" · ") == 3]
    assert len(lines) == 3  # the best hit in full, then three compact lines
    dates = [line.split(" · ")[0] for line in lines]
    assert lines[0].startswith("9. januar 2024") and dates[-1].endswith(("2023", "2020", "2018", "2021"))
    toggles = [a for a in _walk_actions(first.card) if a["type"] == "Action.ToggleVisibility"]
    assert [t["title"] for t in toggles] == ["Vis beslutning"] * 3
    more = _button(first, next(a["title"] for a in actions_of(first.card) if a["verb"] == "decisions.more"))
    [second] = await converse(repo, [(more, "")])
    again = [b["text"] for b in _blocks(second.card) if b["text"].count(" · ") == 3]
    assert again[:3] == lines and len(again) > 3  # what was shown stays, more comes under it


def _walk_actions(card: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(card, dict):
        if str(card.get("type", "")).startswith("Action."):
            found.append(card)
        for value in card.values():
            found.extend(_walk_actions(value))
    elif isinstance(card, list):
        for value in card:
            found.extend(_walk_actions(value))
    return found


async def test_results_outside_the_questions_filters_have_their_own_heading(repo: Repository) -> None:
    await _samples(repo)
    [reply] = await converse(repo, [("hvad blev besluttet om ældreplejen i 2019?", "Uden for 2019:")])
    assert reply.data["results"] == []
    heading = next(i for i, b in enumerate(_blocks(reply.card)) if b["text"] == "Uden for 2019:")
    below = [b["text"] for b in _blocks(reply.card)[heading + 1:]]
    assert below and all("2019" not in line.split(" · ")[0] for line in below if " · " in line)


async def test_the_source_is_named_as_people_name_it_not_as_a_file(repo: Repository) -> None:
    await _samples(repo)
    [minutes] = await converse(repo, [("hvad blev besluttet om frisættelse?",
                                       "Kilde: Referat: Rådmandsmøde, tirsdag den 9. januar 2024")])
    [indstilling] = await converse(repo, [("hvad blev besluttet om effektmål?",
                                           "Kilde: Rådmandsindstilling: MSOs effektmål i Budget 2019")])
    for reply in (minutes, indstilling):
        assert ".txt" not in card_text(reply.card) and ".txt" not in reply.text
        assert reply.data["results"][0]["source"].endswith(".txt")  # the JSON keeps the file name


async def test_a_miss_offers_close_titles_as_buttons_and_one_line_of_help(repo: Repository) -> None:
    await _samples(repo)
    [moon] = await converse(repo, [("hvad blev besluttet om månelandingen?",
                                    ["Jeg fandt ingen beslutninger om månelandingen.", "Prøv et andet ord, eller skriv *hjælp*."])])
    assert "Prøv et andet ord" in card_text(moon.card)
    [close] = await converse(repo, [("hvad blev besluttet om børneterapi og cykler", "Måske mente du")])
    title = "Evaluering af Børneterapien - byrådsindstilling"
    [found] = await converse(repo, [(_button(close, title), "Punkt 2: Evaluering af Børneterapien")])
    assert found.data["results"][0]["item_title"] == title
    [english] = await converse(repo, [("what was decided about children therapy and bicycles", "")])
    assert "Close topics" not in english.text


# ---- 8. "mine opfølgninger" says what it holds ----------------------------------------------------------


async def test_mine_says_what_it_lists_and_points_to_the_ones_the_user_logged_for_others(repo: Repository) -> None:
    await converse(repo, [("opfølgning: Økonomi sender notat senest fredag", "Opfølgning 1 er oprettet")],
                   user_id="aad-anne", user_name="Anne")
    [mine] = await converse(repo, [("mine opfølgninger", "Du er ikke ansvarlig for nogen åbne opfølgninger. "
                                    "Du har oprettet 1 (#1) for andre – skriv *åbne opfølgninger*.")],
                            user_id="aad-anne", user_name="Anne")
    assert mine.data["followups"] == []
    await converse(repo, [("opfølgning: jeg ringer til Byg senest fredag", "Opfølgning 2")],
                   user_id="aad-anne", user_name="Anne")
    [both] = await converse(repo, [("mine opfølgninger", ["Dine åbne opfølgninger (1)", "jeg ringer til Byg",
                                                          "Du har også oprettet 1 for andre (#1)"])],
                            user_id="aad-anne", user_name="Anne")
    assert [f["id"] for f in both.data["followups"]] == [2]


# ---- 9. small things -------------------------------------------------------------------------------------


async def test_follow_ups_are_numbered_per_chat_as_users_see_them(repo: Repository) -> None:
    await _samples(repo)  # the minutes bring follow-ups of their own (numbered before, by their ids)
    team = {"conversation_id": "team-1", "user_id": "aad-anne"}
    other = {"conversation_id": "chat-2", "user_id": "aad-anne"}
    [first] = await converse(repo, [("opfølgning: Økonomi sender notat senest fredag", "Opfølgning 1 er oprettet")], **team)
    await converse(repo, [("opfølgning: Byg sender tegninger senest fredag", "Opfølgning 2 er oprettet")], **team)
    await converse(repo, [("opfølgning: Plan sender høringssvar senest fredag", "Opfølgning 1 er oprettet")], **other)
    assert first.data["followup"]["number"] == 1 and first.data["followup"]["id"] > 1  # the key stays the row's
    await converse(repo, [("åbne opfølgninger", ["1. Økonomi sender notat", "2. Byg sender tegninger"])], **team)
    await converse(repo, [("luk 2", "Opfølgning 2 er markeret som løst")], **team)
    [still] = await converse(repo, [("åbne opfølgninger", "1. Økonomi sender notat")], **team)
    assert "Byg sender" not in still.text
    await converse(repo, [("åbne opfølgninger", "1. Plan sender høringssvar")], **other)  # chat-2's own #1 is open


async def test_opret_opfoelgning_shows_its_example_relative_to_today(repo: Repository) -> None:
    await _samples(repo)
    [answer] = await converse(repo, [("hvad blev besluttet om frisættelse?", "")])
    [asked] = await converse(repo, [(_button(answer, "Opret opfølgning"), "senest næste fredag")])
    assert "uge 45" not in asked.text


async def test_the_task_field_on_the_opret_opfoelgning_card_logs_it_on_that_item(repo: Repository) -> None:
    await _samples(repo)
    [answer] = await converse(repo, [("hvad blev besluttet om frisættelse?", "")])
    [asked] = await converse(repo, [(_button(answer, "Opret opfølgning"), "")])
    typed = {**_button(asked, "Opret"), "task": "Økonomi sender notat senest fredag"}
    [created] = await converse(repo, [(typed, ["er oprettet", "Økonomi sender notat", "Punkt 4: Frisættelse"])])
    assert created.data["followup"]["item"]["title"] == "Frisættelse"
