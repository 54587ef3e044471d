"""The decision-search question set (issue #4): questions over samples/minutes plus tests/fixtures/archive.

Every expected answer was written from reading the documents, not from the system's output:
``expect`` is the (source file, item number) of the item that should come first, item number None for
an indstilling (one item), or ``expect=None`` when nothing in the archive answers the question and the
bot must say so. ``now`` for relative dates ("sidste år") is ``NOW``. Tags say what a question tests.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))

# Sources
S_CT_2021_08 = "000_93c543970409b3a1.txt"  # Chefteammøde 20-08-2021: budgetforslag (decided), Miniinnovationsmotor (decided)
S_RM_2023_09 = "001_35df2c070ee89508.txt"  # Rådmandsmøde 15-09-2023: studietur Japan, Børneterapien, prøvehandlinger
S_IND_2018 = "002_613d28e29428536f.txt"  # Rådmandsindstilling 22-02-2018: effektmål i Budget 2019
S_IND_2020_09 = "003_dee364413f1b8400.txt"  # Rådmandsmøde 11-09-2020 indstilling: Sundhedsstyrelsens pulje
S_RM_2024_01 = "004_7a5e94e19ff2f77f.txt"  # Rådmandsmøde 09-01-2024: åbenhedstræning, Finansloven, frisættelse
A_RM_2019_03 = "2019-03-08_raadmandsmoede.md"
A_CT_2019_11 = "2019-11-15_chefteammoede.txt"
A_IND_2020_06 = "2020-06-12_klippekort_indstilling.txt"
A_RM_2020_10 = "2020-10-02_raadmandsmoede.txt"
A_RM_2021_02 = "2021-02-05_raadmandsmoede.md"  # item 3 is closed ("Lukket")
A_CT_2021_09 = "2021-09-10_chefteammoede.txt"
A_IND_2022_03 = "2022-03-18_paaroerende_indstilling.txt"
A_RM_2022_10 = "2022-10-07_raadmandsmoede.md"
A_CT_2023_02 = "2023-02-24_chefteammoede.txt"
A_IND_2023_05 = "2023-05-12_frisaettelse_indstilling.txt"
A_IND_2024_04_CLOSED = "2024-04-19_madservice_lukket_indstilling.txt"  # a closed indstilling
A_CT_2024_06 = "2024-06-14_chefteammoede.md"
A_RM_2025_01 = "2025-01-17_raadmandsmoede.txt"
A_CT_2025_11 = "2025-11-07_chefteammoede.md"
A_AGENDA_2026_12 = "2026-12-11_raadmandsmoede_dagsorden.txt"  # an agenda: future date, no decisions


class Question(NamedTuple):
    """One question, the item that must come first (or None: no result), the chat scope, and tags."""

    text: str
    expect: tuple[str, str | None] | None
    tags: str = ""
    scope: str = "personal"


Q = Question

QUESTIONS: tuple[Question, ...] = (
    # --- plain decisions questions, Danish ---------------------------------------------------
    Q("hvad blev besluttet om frisættelse", (S_RM_2024_01, "4"), "decided-vs-discussed"),
    Q("frisættelse", (S_RM_2024_01, "4"), "bare-topic decided-vs-discussed"),
    Q("hvad blev der besluttet om frisættelse af plejehjem", (S_RM_2024_01, "4"), "decided-vs-discussed"),
    Q("hvad blev besluttet om åbenhedstræning", (S_RM_2024_01, "1"), ""),
    Q("beslutninger om værdighedspolitik", (A_RM_2020_10, "1"), ""),
    Q("hvad blev besluttet om effektmål", (S_IND_2018, None), "indstilling"),
    Q("effektmål i budget 2019", (S_IND_2018, None), "indstilling"),
    Q("hvad besluttede chefteamet om pårørendepolitikken", (A_IND_2022_03, None), "indstilling morphology"),
    Q("plejehjemspladser", (A_RM_2020_10, "2"), "bare-topic"),
    Q("kapacitetsplan for plejehjem", (A_RM_2020_10, "2"), ""),
    Q("sygefravær", (A_CT_2025_11, "1"), "bare-topic decided-vs-discussed"),
    Q("hvad blev besluttet om sygefravær i hjemmeplejen", (A_RM_2022_10, "2"), ""),
    Q("hvad blev besluttet om børneterapien", (S_RM_2023_09, "2"), "morphology"),
    Q("evaluering af børneterapi", (S_RM_2023_09, "2"), "morphology"),
    Q("midler fra finansloven", (S_RM_2024_01, "2"), ""),
    Q("flere hænder i ældreplejen", (S_RM_2024_01, "2"), ""),
    Q("Sundhedsstyrelsens pulje", (S_IND_2020_09, None), "indstilling"),
    Q("omsorg og nærvær i ældreplejen", (S_IND_2020_09, None), "indstilling"),
    Q("ældretopmødet", (A_RM_2025_01, "3"), "morphology"),
    Q("internationale sygeplejersker", (A_CT_2023_02, "1"), ""),
    Q("trivselsmåling", (A_CT_2023_02, "3"), "postponed"),
    Q("hvad blev besluttet om arbejdsmiljø", (A_CT_2023_02, "3"), "postponed"),
    Q("budgetopfølgning", (A_CT_2025_11, "2"), "noted"),
    Q("hvad blev besluttet om ensomme ældre", (A_IND_2020_06, None), "indstilling morphology"),
    Q("skærmbesøg", (A_CT_2024_06, "3"), "decided-vs-postponed"),
    Q("hvad blev besluttet om demensstrategien", (A_CT_2021_09, "3"), "decided-vs-discussed morphology"),
    Q("demensindsats", (A_CT_2024_06, "2"), "noted-vs-discussed"),
    Q("hvad blev besluttet om demens", (A_CT_2021_09, "3"), "morphology compound-head"),
    Q("rekruttering", (A_RM_2025_01, "2"), "decided recency"),
    Q("rekruttering af social- og sundhedsassistenter", (A_RM_2019_03, "2"), "noted"),
    Q("klippekort", (A_CT_2023_02, "2"), "morphology recency"),
    Q("hvad blev besluttet om klippekortsordningen", (A_CT_2023_02, "2"), "recency"),
    Q("interne budgetforslag", (S_CT_2021_08, "1"), "morphology"),
    Q("budget 2020 besparelser", (A_CT_2019_11, "1"), ""),
    Q("hvad blev besluttet om budget 2027", (A_AGENDA_2026_12, "1"), "agenda"),
    # The agenda item is titled "Ensomhed blandt ældre", but the 2020 indstilling *decided* to aim the
    # klippekort at "ensomme ældre": a decision ranks above an item with no decision yet (issue #4).
    Q("ensomhed blandt ældre", (A_IND_2020_06, None), "agenda decided-vs-agenda morphology"),
    Q("første budgetdrøftelse", (A_AGENDA_2026_12, "1"), "agenda"),
    # --- morphology (compounds, inflection) ---------------------------------------------------
    Q("hvad blev besluttet om innovationsmotoren", (S_CT_2021_08, "2"), "morphology compound-tail decided-vs-noted"),
    Q("innovationsmotor", (S_CT_2021_08, "2"), "compound-tail decided-vs-noted"),
    Q("hvad besluttede chefteamet om miniinnovationsmotor", (S_CT_2021_08, "2"), "meeting-kind"),
    Q("studieturen til Japan", (S_RM_2023_09, "1"), "morphology"),
    Q("hvad blev drøftet om studieturen til Holland", (A_RM_2021_02, "2"), "morphology discussed"),
    Q("prøvehandling", (S_RM_2023_09, "3"), "morphology"),
    Q("hvad blev besluttet om prøvehandlinger i sundhed", (S_RM_2023_09, "3"), "morphology"),
    Q("hvad blev besluttet om budgetforslaget i 2022", (A_RM_2022_10, "1"), "morphology period"),
    # --- typos --------------------------------------------------------------------------------
    Q("innovationsmotorn", (S_CT_2021_08, "2"), "typo"),
    Q("hvad blev besluttet om klippekortsordnigen", (A_CT_2023_02, "2"), "typo"),
    Q("åbenhedstræninng", (S_RM_2024_01, "1"), "typo"),
    Q("værdighedspoltik", (A_RM_2020_10, "1"), "typo"),
    Q("hvad blev besluttet om skærmbesøgg", (A_CT_2024_06, "3"), "typo"),
    # --- filters: periods ---------------------------------------------------------------------
    Q("hvad blev besluttet om klippekortsordningen i 2021", (A_RM_2021_02, "1"), "period"),
    Q("klippekortsordningen i 2020", (A_IND_2020_06, None), "period indstilling"),
    Q("hvad blev drøftet om klippekortsordningen i 2019", (A_RM_2019_03, "1"), "period discussed"),
    Q("frisættelse i 2023", (A_IND_2023_05, None), "period"),
    Q("hvad blev besluttet om frisættelse sidste år", (A_RM_2025_01, "1"), "relative-period"),
    Q("hvad blev besluttet om frisættelse i januar 2024", (S_RM_2024_01, "4"), "month-period"),
    Q("frisættelse i 2022", (A_RM_2022_10, "3"), "period"),
    Q("rekruttering i 2021", (A_CT_2021_09, "1"), "period"),
    Q("skærmbesøg i 2019", (A_CT_2019_11, "3"), "period postponed"),
    Q("sygefravær i 2022", (A_RM_2022_10, "2"), "period"),
    # --- filters: meeting kind ----------------------------------------------------------------
    Q("hvad besluttede chefteamet om budget i 2019", (A_CT_2019_11, "1"), "meeting-kind period morphology"),
    Q("budgetforslag på chefteammødet i 2024", (A_CT_2024_06, "1"), "meeting-kind period"),
    Q("velfærdsteknologi på chefteammødet", (A_CT_2024_06, "3"), "meeting-kind"),
    Q("hvad blev besluttet om frisættelse på rådmandsmødet i 2025", (A_RM_2025_01, "1"), "meeting-kind period"),
    Q("hvad besluttede rådmanden om rekruttering", (A_RM_2025_01, "2"), "meeting-kind"),
    # --- filters: presenter -------------------------------------------------------------------
    Q("hvad fremlagde Hanne Linnemann", (S_RM_2023_09, "2"), "presenter"),
    Q("hvad fremlagde Hanne Linnemann i 2019", (A_CT_2019_11, "2"), "presenter period"),
    Q("hvad fremlagde Hanne Linnemann på chefteammødet i 2023", (A_CT_2023_02, "1"), "presenter meeting-kind period"),
    Q("hvad fremlagde Dorthe Høgh i 2025", (A_RM_2025_01, "1"), "presenter period"),
    # --- English ------------------------------------------------------------------------------
    Q("what was decided about frisættelse", (S_RM_2024_01, "4"), "english"),
    Q("what was decided on klippekortsordningen in 2020", (A_IND_2020_06, None), "english period"),
    Q("decisions on skærmbesøg", (A_CT_2024_06, "3"), "english"),
    Q("what was decided about the budget in 2022", (A_RM_2022_10, "1"), "english period morphology"),
    Q("what was decided about rekruttering in 2021", (A_CT_2021_09, "1"), "english period"),
    Q("decisions on frisættelse in 2023", (A_IND_2023_05, None), "english period"),
    # --- closed items: found in personal scope by an allowed user, never in a group -----------
    Q("hvad blev besluttet om madservice", (A_IND_2024_04_CLOSED, None), "closed", "personal"),
    Q("hvad blev besluttet om madservice", None, "closed no-answer", "groupchat"),
    Q("fratrædelsesaftale", (A_RM_2021_02, "3"), "closed", "personal"),
    Q("fratrædelsesaftale", None, "closed no-answer", "channel"),
    # --- no answer ----------------------------------------------------------------------------
    Q("cykelstier", None, "no-answer"),
    Q("hvad blev besluttet om letbanen", None, "no-answer"),
    Q("hvad blev besluttet om parkering ved rådhuset", None, "no-answer"),
    Q("what was decided about bicycle lanes", None, "no-answer english"),
    Q("skolereform", None, "no-answer"),
    Q("hvad blev besluttet om klippekort i 2018", None, "no-answer period"),
    Q("frisættelse på chefteammødet", None, "no-answer meeting-kind"),
    Q("hvad fremlagde Hanne Linnemann i 2021", None, "no-answer presenter"),
    Q("hjemmehjælp til hunde", None, "no-answer partial-match"),
    Q("vindmøller på plejehjem", None, "no-answer partial-match"),
)
