"""The words of health-and-care administration: English questions in Danish, and Danish synonyms.

Minutes are written in Danish, and in the administration's own words ("vasketoilet", "KOL",
"plejecenter"); people ask in English, or in everyday Danish ("toilet med skyl og tørring",
"lungesyge", "plejehjem"). Two tables, as data:

* :data:`ENGLISH` — English words and phrases -> Danish search words. :func:`danish_topic` turns an
  English topic into Danish words (unknown words, names and places are kept: "Tranegården").
* :data:`SYNONYMS` — a Danish word (as a stem) -> other stems that mean the same in the minutes.
  :func:`synonym_stems` gives a query stem's alternatives, searched as if typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from minutes.text import stem

__all__ = ["ENGLISH", "QUESTION_FILLER", "SYNONYMS", "danish_topic", "synonym_stems"]

# Longest phrases first when applied; values are Danish words as the minutes write them.
ENGLISH: Mapping[str, str] = MappingProxyType({
    # places and services
    "nursing homes": "plejecentre plejehjem", "nursing home": "plejecenter plejehjem",
    "care homes": "plejecentre plejehjem", "care home": "plejecenter plejehjem",
    "nursing home places": "plejeboliger", "care home places": "plejeboliger", "nursing home residents": "plejecenter beboere",
    "home care": "hjemmepleje", "home help": "hjemmehjælp", "home nursing": "hjemmesygepleje",
    "health centre": "sundhedshus", "health center": "sundhedshus", "health house": "sundhedshus",
    "acute care unit": "akutcenter akutpladser", "acute care": "akut", "acute beds": "akutpladser", "acute places": "akutpladser",
    "emergency clinics": "akutklinikker", "emergency clinic": "akutklinik", "emergency team": "akutteam",
    "rehabilitation": "rehabilitering", "rehab": "rehabilitering", "physiotherapy": "genoptræning", "retraining": "genoptræning",
    "training": "træning", "dental care": "tandpleje", "dentist": "tandklinik", "dental": "tandpleje",
    "day centre": "dagcenter", "activity centres": "aktivitetscentre", "activity centre": "aktivitetscenter",
    "visiting friends": "besøgsvenner", "volunteer visitors": "besøgsvenner", "visitors": "besøgsvenner",
    "washing toilets": "vasketoiletter", "bidet toilets": "vasketoiletter", "toilets": "toiletter vasketoiletter",
    "toilet": "toilet vasketoilet",
    # people
    "older people": "ældre", "elderly": "ældre", "senior citizens": "ældre", "seniors": "ældre senior",
    "relatives": "pårørende", "next of kin": "pårørende", "residents": "beboere", "citizens": "borgere",
    "patients": "patienter", "doctors": "læger", "gps": "læger lægepraksis", "staff": "medarbejdere personale",
    "employees": "medarbejdere", "volunteers": "frivillige", "volunteer": "frivillig", "carers": "medarbejdere",
    "nurses": "sygeplejersker", "lonely": "ensomme", "loneliness": "ensomhed",
    # things decided
    "policy": "politik", "strategy": "strategi", "action plan": "handleplan", "plan": "plan",
    "budget agreement": "budgetaftale", "budget": "budget", "accounts": "regnskab", "financial statement": "regnskab",
    "grant": "bevilling", "construction grant": "anlægsbevilling", "capital grant": "anlægsbevilling",
    "settlement": "forlig", "contractor": "entreprenør", "contract": "kontrakt", "tender": "udbud",
    "quality standard": "kvalitetsstandard", "user survey": "brugerundersøgelse", "survey": "undersøgelse",
    "satisfaction": "tilfredshed", "supervision": "tilsyn", "inspections": "tilsyn", "inspection": "tilsyn",
    "reports": "rapporter", "report": "rapport", "waiting list": "venteliste", "waiting time": "ventetid",
    "capacity": "kapacitet", "occupancy": "belægning", "forecast": "prognose", "projection": "prognose",
    "readmissions": "genindlæggelser", "readmission": "genindlæggelse", "evaluation": "evaluering",
    "expansion": "udvidelse", "expanding": "udvidelse", "expand": "udvidelse", "extension": "udvidelse",
    "meals": "mad madordning", "meal": "mad", "food": "mad", "evening meals": "aftensmad", "dinner": "aftensmad",
    "kitchens": "køkkener", "kitchen": "køkken", "cooked": "tilberedt", "weight loss": "vægttab",
    "smoke free": "røgfri", "smoke-free": "røgfri", "smoking": "rygning røgfri", "working hours": "arbejdstid",
    "electric cars": "elbiler", "electric vehicles": "elbiler", "charging": "ladestandere", "cars": "biler",
    "route planning": "ruteplanlægning", "routes": "ruter", "continuity": "kontinuitet",
    "welfare technology": "velfærdsteknologi", "technology": "teknologi", "dementia": "demens",
    "copd": "KOL", "heart disease": "hjertesygdom", "heart patients": "hjertesygdom", "heart": "hjerte",
    "vaccination": "vaccination", "flu": "influenza", "influenza": "influenza", "night shifts": "nattevagter",
    "night staff": "nattevagter", "temporary staff": "vikarer", "response": "høringssvar", "consultation": "høring",
    "hearing": "høring", "region": "regionen", "region's": "regionen", "dignity": "værdighed", "transport": "kørsel",
    "driving": "kørsel", "fees": "egenbetaling", "fee": "egenbetaling", "user payment": "egenbetaling",
    "unspent": "uforbrugte", "carry-over": "overførsel", "carry over": "overførsel", "transfer": "overførsel",
    "money": "midler", "funds": "midler", "location": "placering", "located": "placering", "site": "placering",
    "agenda": "dagsorden", "timetable": "tidsplan", "schedule": "tidsplan", "process": "proces",
    "places": "pladser", "beds": "pladser", "homes": "boliger", "housing": "boliger",
    # more of the field's everyday words
    "municipality": "kommune", "district": "distrikt", "unit": "afsnit", "ward": "afsnit", "shortage": "mangler",
    "short": "mangler", "need": "behov", "needs": "behov", "demand": "efterspørgsel", "elder care": "ældrepleje",
    "care": "pleje", "home visits": "hjemmebesøg", "preventive": "forebyggende", "prevention": "forebyggelse",
    "health": "sundhed", "healthcare": "sundhed", "hospital": "sygehus", "admissions": "indlæggelser",
    "discharge": "udskrivning", "rural": "landdistrikter", "villages": "landsbyer", "health checks": "sundhedstjek",
    "screening": "screening", "nutrition": "ernæring", "lunch": "frokost", "volunteering": "frivillighed",
    "associations": "foreninger", "clubs": "foreninger", "senior council": "Seniorrådet", "elderly council": "Seniorrådet",
    "consultation response": "høringssvar", "underspend": "mindreforbrug", "overspend": "merforbrug",
    "savings": "besparelser", "efficiency": "effektivisering", "procurement": "udbud", "hourly rate": "timepris",
    "price": "pris", "cost": "udgift", "costs": "udgifter", "expenses": "udgifter", "investment": "anlæg",
    "construction": "byggeri", "building": "byggeri", "renovation": "renovering", "ventilation": "ventilation",
    "delay": "forsinkelse", "compensation": "erstatning", "claim": "krav", "fall": "fald", "injury": "skade",
    "nicotine": "nikotin", "quit smoking": "rygestop", "digital": "digital", "video": "video",
    "telephone": "telefon", "phone": "telefon", "entry point": "indgang", "referral": "henvisning",
    "needs assessment": "visitation", "assessment": "visitation", "temporary places": "midlertidige pladser",
    "respite": "aflastning", "course": "kursus", "night": "nat", "sick leave": "sygefravær",
    "recruitment": "rekruttering", "retention": "fastholdelse", "vacancies": "ubesatte stillinger",
    "agency staff": "vikarer", "vehicles": "biler", "leasing": "leasing", "charging stations": "ladestandere",
    "winter": "vinter", "medication": "medicin", "medicine": "medicin", "documentation": "dokumentation",
    "visits": "besøg", "satisfied": "tilfredse", "carers'": "medarbejdere", "teeth": "tand", "oral care": "mundpleje",
    "approval": "godkendelse", "agreement": "aftale", "cooperation": "samarbejde", "partnership": "samarbejdsaftale",
    "hearing loss": "høretab", "hard of hearing": "høretab", "lungs": "lunge", "lung": "lunge",
})  # fmt: skip

# English words that carry no topic (beyond minutes.text.STOPWORDS, which has the commonest).
_ENGLISH_FILLER = frozenset(
    """
    approve approved adopt adopted agree agreed happen happened happens did does get got give given new old
    our their they we you it its this that these those be been being has have had will would can could should
    much many how why where when what which who whom whose short shorter by of from for into onto over
    under than then also just still only ever already first last latest recent since ago please tell me show
    was were is are the a an and or to at in on about decide decided decision decisions council committee
    outcome result results status whether if there here fewer more less see since
    """.split()
)
_EN_PHRASES = sorted(ENGLISH, key=len, reverse=True)
_EN_RE = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(p) for p in _EN_PHRASES) + r")(?![\w-])", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w'-]+")


def danish_topic(topic: str, lang: str = "en") -> str:
    """A topic asked in ``lang`` in Danish search words: for English, known phrases translated, filler
    dropped, the rest kept; a Danish (or unknown-language) topic is returned as it is."""
    if lang != "en":
        return topic
    translated = _EN_RE.sub(lambda m: f" {ENGLISH[m.group(1).lower()]} ", topic)
    kept = [w for w in _WORD_RE.findall(translated) if w.lower() not in _ENGLISH_FILLER]
    return " ".join(kept)


# Danish: the minutes' word first, then what people say for it (single words: a phrase's words would
# match far too much alone). Stems are computed once, below.
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("vasketoilet", "toilet", "skyl", "tørring"),
    ("plejecenter", "plejehjem", "plejehjemmet", "plejehjemmene"),
    ("plejecentrene", "plejehjemmene"),
    ("hjemmepleje", "hjemmehjælp", "hjemmehjælpen"),
    ("kol", "lungesyge", "lungesygdom", "lungepatienter"),
    ("hjertesygdom", "hjertepatienter", "hjertesyge"),
    ("rehabilitering", "rehab", "rehabiliteringstilbud", "rehabilliteringstilbud"),
    ("brugerundersøgelse", "tilfredshedsundersøgelse", "tilfredshedsmåling"),
    ("akutpladser", "akutsenge", "akutcenter", "akutcentret"),
    ("omsorgstandpleje", "tandpleje", "tandlæge"),
    ("opfølgning", "halvårsopfølgning", "økonomiopfølgning", "kvartalsopfølgning"),
    ("forsamtale", "telefonsamtale"),
    ("genoptræning", "genoptræningen", "træning"),
    ("ruteplanlægning", "kørselsplanlægning"),
    ("besøgsvenner", "besøgsven"),
    ("frivillighedsstrategi", "frivillighedsstrategien", "frivillighedsstrategier"),
    ("midler", "penge", "beløb", "kr"),
)


def _group_stems(group: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(stem(word) for word in group))


def _build() -> Mapping[str, tuple[str, ...]]:
    table: dict[str, dict[str, None]] = {}
    for group in _SYNONYM_GROUPS:
        stems_ = _group_stems(group)
        for s in stems_:
            for other in stems_:
                if other != s:
                    table.setdefault(s, {}).setdefault(other, None)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


SYNONYMS: Mapping[str, tuple[str, ...]] = _build()


def synonym_stems(stem_: str) -> tuple[str, ...]:
    """Other stems that mean what ``stem_`` means in the minutes ("plejehjem" -> "plejecent", …)."""
    return SYNONYMS.get(stem_, ())


# Words of a question that say how it is asked, not what about ("hvorfor blev …", "hvor mange … fået",
# "ekstra", "nye"): they weigh nothing when an item need not match every word (storage.search).
QUESTION_FILLER: frozenset[str] = frozenset(
    stem(w)
    for w in """hvorfor hvordan hvornår hvor hvilken hvilke hvilket går gik gået fået får fik koster kostede
    kom kommer komme skal skulle bruges brugt blevet ny nye nyt ekstra flere mere egentlig stadig nu
    endnu helt meget lidt stor store hvem sket skete sker""".split()
)
