"""What a search question means beyond its words: stopwords, lemmas, synonyms, English domain terms, cues.

Danish and English stopwords come from ``stopwordsiso`` and Danish lemmas from ``simplemma`` (both pinned,
see README); the domain's own synonyms, the English glossary and the question's cue words are a small
reviewed data file, ``minutes/data/lexicon.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import simplemma
import stopwordsiso

from minutes.text import STOPWORDS, stem, words

LEXICON = Path(__file__).parent / "data" / "lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    """The reviewed data, stemmed once."""

    stopwords: dict[str, frozenset[str]]  # language -> words that never name a topic
    earliest: tuple[tuple[str, ...], ...]  # phrases, as words
    latest: tuple[tuple[str, ...], ...]  # phrases, as words
    result: tuple[tuple[str, ...], ...]
    postponed: frozenset[str]
    discussed: frozenset[str]
    synonyms: tuple[tuple[tuple[str, ...], ...], ...]  # groups of phrases, each phrase as stems
    english: dict[tuple[str, ...], tuple[str, ...]]  # English phrase (words) -> Danish words

    @cached_property
    def synonym_names(self) -> dict[str, frozenset[int]]:
        """Each word of a synonym phrase -> the groups (indices into ``synonyms``) it stands in."""
        out: dict[str, set[int]] = {}
        for n, group in enumerate(self.synonyms):
            for phrase in group:
                for name in phrase:
                    out.setdefault(name, set()).add(n)
        return {name: frozenset(groups) for name, groups in out.items()}

    @cached_property
    def synonym_words(self) -> list[str]:
        """The words of ``synonym_names``, sorted (for prefix lookups)."""
        return sorted(self.synonym_names)

    @cached_property
    def english_words(self) -> frozenset[str]:
        """The glossary's English phrases as written in a question ("home care")."""
        return frozenset(" ".join(phrase) for phrase in self.english)


def _phrases(listed: str) -> tuple[tuple[str, ...], ...]:
    """A "|"-separated list of phrases, each as its words."""
    return tuple(tuple(words(phrase)) for phrase in listed.split("|") if words(phrase))


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(phrase))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon (read and stemmed on first use)."""
    data = tomllib.loads(LEXICON.read_text(encoding="utf-8"))
    stop = set(STOPWORDS) | set(words(data["question_words"]))
    # Per language: the English list is long ("plan", "system"), and Danish questions use such words as topics.
    by_lang = {lang: frozenset(stop | {w for w in stopwordsiso.stopwords(lang) if w.isalpha()}) for lang in ("da", "en")}
    groups = []
    for line in data["synonyms"].splitlines():
        # A phrase's small words ("mangel på medarbejdere") are never search terms: it is matched by the rest.
        phrases = tuple(p for p in (_phrase_stems(" ".join(w for w in words(part) if w not in stop))
                                    for part in line.split("|")) if p)
        if len(phrases) > 1:
            groups.append(phrases)
    english: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in data["english"].splitlines():
        if "=" in line:
            en, da = line.split("=", 1)
            english[tuple(words(en))] = tuple(words(da))
    return Lexicon(
        stopwords=by_lang,
        earliest=_phrases(data["earliest_words"]),
        latest=_phrases(data["latest_words"]),
        result=_phrases(data["result_words"]),
        postponed=frozenset(words(data["postponed_words"])),
        discussed=frozenset(words(data["discussed_words"])),
        synonyms=tuple(groups),
        english=english,
    )


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The Danish dictionary form of a word ("plejehjemmene" -> "plejehjem"), or the word itself."""
    return str(simplemma.lemmatize(word, lang="da")).lower()


def warm() -> None:
    """Load the lexicon and simplemma's Danish data now (~1-2 s, once per process), so no chat turn pays it."""
    lexicon()
    lemma("plejehjemmene")
