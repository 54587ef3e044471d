"""A question's topic as search terms: each meaningful word with every form it may take in the minutes.

A ``Term`` is one thing the question is about; its ``stems`` are alternatives, any of which counts:
the Snowball stem, the stem of its lemma, a compound formed with the next word ("ældre pleje" ->
"ældrepleje"), one-edit corrections of a word the archive does not know, and the domain synonyms of
``minutes/data/lexicon.toml``. A compound the archive only holds apart ("budgetopfølgningen" vs
"opfølgning på budgettet") becomes two terms. English questions look up the domain glossary first.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from minutes.lexicon import lemma, lexicon
from minutes.text import overstemmed, stem, words
from storage import search_index
from storage.dialects import SqlDialect

MAX_TERMS = 12
MIN_SPLIT = 4  # each part of a split compound has at least this many letters
MAX_SPLIT = 30  # longer "words" are not split (two vocabulary probes per split point)
LINKS = ("s", "e")  # Danish linking letters between the parts of a compound


@dataclass
class Term:
    """One meaningful part of the topic and the stems it may be found under."""

    word: str
    stems: list[str]
    part: bool = False  # one part of a compound the archive holds apart: no synonyms of its own
    foreign: bool = False  # an English word neither the glossary nor the archive knows
    own: int = 0  # how many of ``stems`` are the word's own forms (the rest: its other names); 0: all
    # A name of several words the question gives ("sosu-elever", "mangel på medarbejdere"): the forms of
    # each of its words, all of which an item must have for the name to count (its other names count alone).
    together: list[list[str]] = field(default_factory=list)

    def other_names(self, *names: str) -> None:
        """Add other names of the thing this term names; they count for a little less than its own forms."""
        if not self.own:
            self.own = len(self.stems)
        self.add(*names)

    @property
    def own_stems(self) -> list[str]:
        return self.stems[: self.own] if self.own else self.stems

    @property
    def alias_stems(self) -> list[str]:
        return self.stems[self.own :] if self.own else []

    def add(self, *alternatives: str) -> None:
        for a in alternatives:
            if a and a not in self.stems and len(a) <= search_index.MAX_TERM:
                self.stems.append(a)


@dataclass(frozen=True)
class Cues:
    """What the question's non-topic words ask for."""

    earliest: bool = False  # "første gang": the first item, not the latest
    latest: bool = False  # "hvor lang er ventetiden nu", "status på …": the newest item, more than usual
    postponed: bool = False  # "hvorfor blev … udsat"
    result: bool = False  # "hvad kom der ud af …": the newest decision, more than usual


@dataclass
class Analysed:
    """The topic's terms, the cues, and the corrections made (typo -> stem)."""

    terms: list[Term]
    cues: Cues
    corrected: dict[str, str] = field(default_factory=dict)


def _has_phrase(ws: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(ws[i : i + n]) == phrase for i in range(len(ws) - n + 1))


def _own_stem(word: str) -> str:
    s = stem(word)
    return word if overstemmed(word, s) else s


def _english(ws: list[str]) -> list[tuple[str, list[str]]]:
    """English words with the glossary's phrases (longest first) replaced by their Danish words."""
    glossary = lexicon().english
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(ws):
        for n in (3, 2, 1):
            phrase = tuple(ws[i : i + n])
            if len(phrase) == n and phrase in glossary:
                out.append((" ".join(phrase), list(glossary[phrase])))
                i += n
                break
        else:
            out.append((ws[i], []))
            i += 1
    return out


def analyse(session: Session, sql: SqlDialect, topic: str, lang: str, *, whole: bool = False) -> Analysed:
    """The search terms of ``topic``; the vocabulary is asked about words it may not know.

    ``whole``: a followed topic, where every name it gives must be found ("staff recruitment and
    retention" wants both); a question's names of one thing are one term ("toiletter med skyl og
    tørring")."""
    lex = lexicon()
    ws = words(topic)
    cues = Cues(earliest=any(_has_phrase(ws, phrase) for phrase in lex.earliest), postponed=any(w in lex.postponed for w in ws),
                latest=any(_has_phrase(ws, phrase) for phrase in lex.latest),
                result=any(_has_phrase(ws, phrase) for phrase in lex.result))
    stop = lex.stopwords.get(lang, lex.stopwords["da"])
    units = _english(ws) if lang == "en" else [(w, []) for w in ws]
    terms: list[Term] = []
    previous: str | None = None  # the last content word, for joins
    for word, danish in units:
        if danish:
            term = Term(word, [])
            term.add(*(_own_stem(d) for d in danish))
            terms.append(term)
            previous = None
            continue
        if word in stop or len(word) < 2 or len(word) > search_index.MAX_TERM:
            previous = None
            continue
        if len(terms) >= MAX_TERMS:
            break
        own = _own_stem(word)
        if any(t.stems[0] == own for t in terms):
            continue
        term = Term(word, [own])
        if previous is not None:
            joined = _own_stem(previous + word)
            if search_index.known(session, joined, sql):
                terms[-1].add(joined)
                term.add(joined)
        terms.append(term)
        previous = word
    terms = terms[:MAX_TERMS]
    out: list[Term] = []
    corrected: dict[str, str] = {}
    for term in terms:
        if any(search_index.known(session, s, sql) for s in term.stems):
            out.append(term)
            continue
        # Another name the archive knows ("hjemmehjælp": the minutes say "hjemmepleje"); then its
        # dictionary form (simplemma loads its Danish
        # data, ~1 s, on first use: asked only for words the archive does not know as they are), then a
        # slip of one letter ("klipekort"), then a compound the archive holds apart.
        if term.word.isdigit():  # a number ("budget 2030") is never corrected into another
            out.append(term)
            continue
        if lang == "en" and term.word not in lexicon().english_words:
            # An English word neither the glossary nor the archive knows ("clients", "swimming"): no
            # Danish correction or compound makes sense of it. It stays part of the topic, weighed
            # like the question's least telling word (storage.search), not as a word never seen.
            term.foreign = True
            out.append(term)
            continue
        named = [n for n in _other_names(term.stems[0]) if search_index.known(session, n, sql)]
        if named:
            term.other_names(*named)
            out.append(term)
            continue
        lemmatised = lemma(term.word)
        if lemmatised != term.word and search_index.known(session, _own_stem(lemmatised), sql):
            term.add(_own_stem(lemmatised))
            out.append(term)
            continue
        # (the word as typed too: a slip near its end can change what the stemmer cuts off)
        fixes = search_index.corrections(session, term.stems[0], sql) or search_index.corrections(session, term.word, sql)
        if fixes:
            corrected[term.stems[0]] = fixes[0]
            term.add(*fixes)
            out.append(term)
            continue
        parts = _split(session, sql, term.word)
        if parts:
            out.extend(Term(p, [p], part=True) for p in parts)
            continue
        out.append(term)
    _synonyms(out, merge=not whole)
    return Analysed(out, cues, corrected)


def _split(session: Session, sql: SqlDialect, word: str) -> list[str] | None:
    """Two known stems a compound unknown as a whole is made of ("elevfastholdelse" -> elev, fastholdelse)."""
    if not 2 * MIN_SPLIT <= len(word) <= MAX_SPLIT:
        return None
    for i in range(len(word) - MIN_SPLIT, MIN_SPLIT - 1, -1):  # the longest head first
        head, tail = word[:i], word[i:]
        heads = [head] + [head[:-1] for link in LINKS if head.endswith(link) and len(head) > MIN_SPLIT]
        tail_stem = _own_stem(tail)
        if not search_index.known(session, tail_stem, sql):
            continue
        for h in heads:
            head_stem = _own_stem(h)
            if search_index.known(session, head_stem, sql):
                return [head_stem, tail_stem]
    return None


INFLECTION = 3  # letters an inflected form ("plejehjemmene") may add to a name's stem


def _names(stem_: str, name: str) -> bool:
    """Whether a question's stem is ``name`` (a stem of the lexicon), inflected or cut by the stemmer;
    a compound merely starting with it ("pårørendeapp") is another thing."""
    if stem_ == name:
        return True
    if len(stem_) >= 5 and name.startswith(stem_):
        return True
    return len(name) >= 5 and stem_.startswith(name) and len(stem_) - len(name) <= INFLECTION


def _other_names(stem_: str) -> list[str]:
    """The one-word other names of a one-word name (its synonym groups in the lexicon)."""
    stop = lexicon().stopwords["da"]
    return [other[0] for group in lexicon().synonyms if (stem_,) in group
            for other in group if len(other) == 1 and other[0] != stem_ and other[0] not in stop]


def _groups_named(terms: list[Term]) -> set[int]:
    """The synonym groups with a word that some term's stem may name (``_names``): the only groups
    ``_synonyms`` need look at (looking at all of them for every term was a third of a search)."""
    index = lexicon().synonym_names
    found: set[int] = set()
    for term in terms:
        if term.part:
            continue
        for s in term.stems[:2]:
            found.update(index.get(s, ()))
            for k in range(max(5, len(s) - INFLECTION), len(s)):  # names the stem continues
                found.update(index.get(s[:k], ()))
            if len(s) >= 5:  # names that continue the stem
                names = lexicon().synonym_words
                at = bisect_left(names, s)
                while at < len(names) and names[at].startswith(s):
                    found.update(index[names[at]])
                    at += 1
    return found


def _merge(first: Term, others: list[Term], terms: list[Term]) -> None:
    """``others`` (those still in ``terms``, each once, never ``first``) become part of ``first``."""
    for other in others:
        if other is not first and any(other is t for t in terms):
            first.add(*other.stems)
            first.word = f"{first.word} {other.word}"
            terms.remove(other)


def _synonyms(terms: list[Term], *, merge: bool = True) -> None:
    """Add the other names of a thing the question names (a phrase's words all among the terms). A
    phrase of several words ("mangel på medarbejdere") becomes one term: an item saying "rekruttering"
    covers all of it."""
    stop = lexicon().stopwords["da"]
    candidates = _groups_named(terms)
    for n, group in enumerate(lexicon().synonyms):
        if n not in candidates:
            continue
        for phrase in sorted(group, key=len, reverse=True):  # the longest name the question holds
            holders = [next((t for t in terms if not t.part and any(_names(s, p) for s in t.stems[:2])), None)
                       for p in phrase]
            if not phrase or any(h is None for h in holders):
                continue
            first = holders[0]
            assert first is not None
            rest = [h for h in holders[1:] if h is not None and h is not first]
            if rest and not first.together:
                first.together = [list(first.stems), *(list(h.stems) for h in rest)]
            _merge(first, rest, terms)
            # Other terms that are themselves names in this group ("toiletter med skyl og tørring": skyl
            # and tørring are names of the same thing) are that one thing, not more of the topic.
            if merge:
                _merge(first, [t for t in terms if not t.part and any(
                    _names(s, other[0]) for other in group if len(other) == 1 for s in t.stems[:2])], terms)
            # Only one-word names are added: a phrase's words one by one would find unrelated items.
            first.other_names(*(other[0] for other in group if other != phrase and len(other) == 1 and other[0] not in stop))
            candidates |= _groups_named([first])  # its new names may name later groups
            break
