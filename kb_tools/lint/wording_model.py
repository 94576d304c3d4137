"""The wording model: a small linear classifier per language that recognises the kinds of
wording problem (officialese, blame, condescension, …) in sentences that use no listed
phrase.

Two logistic-regression models per language, both over the same sparse features of a
sentence (its words, their first letters as a crude stem, and pairs of neighbouring stems):

- the **gate** says how likely the sentence is to be faulty at all; it is cheap (one weight
  per feature) and runs on every sentence;
- the **kind** model, run only on sentences past the gate, says which kind of problem it is.

Each model file (``models/wording-<lang>.json``) holds the weights, the two probability
thresholds (``info``, ``warning``) chosen by cross-validation, and the version of the
feature code it was trained with. tools/train_wording_model.py rebuilds them, the same
bytes every time, from the labelled sentences in bench/wording_data/ and tests/eval/.

A prediction is explained by the words whose features weigh most toward the kind found,
so a finding can underline them.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

FEATURES_VERSION = 1
"""Bumped whenever :func:`features` changes: a model trained on other features is refused."""
STEM = 5
"""Letters kept of a word as its stem: enough to tie Slavic and Persian inflected forms together."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_HEBREW_PREFIXES = "והבלמשכ"


class Word(NamedTuple):
    start: int
    end: int
    text: str


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` (normalised prose) with their offsets, lower-cased, digits as ``0``."""
    end = len(text) if end is None else end
    found = []
    for m in _WORD.finditer(text, start, end):
        w = m.group(0)
        found.append(Word(m.start(), m.end(), "0" if w[0].isdigit() else w.lower()))
    return found


def tokens(text: str) -> list[str]:
    """:func:`words` without offsets (the model's input; offsets are needed only to report)."""
    return [w if not w[0].isdigit() else "0" for w in _WORD.findall(text.lower())]


def features(tokens: list[str], lang: str) -> list[tuple[str, int]]:
    """(feature, index of the word it belongs to) for one sentence's lower-cased words."""
    found = []
    previous = "^"
    hebrew = lang == "he"
    for i, w in enumerate(tokens):
        stem = w[:STEM]
        found.append(("w " + w, i))
        if stem != w:
            found.append(("s " + stem, i))
        if hebrew and len(w) > 3 and w[0] in _HEBREW_PREFIXES:
            found.append(("h " + w[1:], i))  # the word without its one-letter prefix (ו, ה, ב, ל, …)
        found.append(("b " + previous + " " + stem, i))
        previous = stem
    return found


class Prediction(NamedTuple):
    kind: str
    probability: float
    """The gate's probability that the sentence is faulty at all."""
    weights: list[float]
    """Per word of the sentence: how much it pushed toward ``kind``."""


class WordingModel:
    def __init__(self, data: dict):
        if data.get("features_version") != FEATURES_VERSION:
            raise ValueError("wording model was trained on other features; rebuild it with tools/train_wording_model.py")
        self.lang = data["lang"]
        self.gate = data["gate"]["weights"]
        self.gate_bias = data["gate"]["bias"]
        self.kinds = data["kind"]["classes"]
        self.kind_weights = data["kind"]["weights"]
        self.kind_bias = data["kind"]["bias"]
        self.info = data["thresholds"]["info"]
        self.warning = data["thresholds"]["warning"]
        self._gate_logit = math.log(self.info / (1 - self.info))

    def gate_logit(self, tokens: list[str]) -> float:
        """The gate's log-odds that the sentence is faulty: :func:`features` summed without
        building them (this runs on every sentence of every page)."""
        get = self.gate.get
        z = self.gate_bias
        previous = "^"
        hebrew = self.lang == "he"
        for w in tokens:
            stem = w[:STEM]
            z += get("w " + w, 0.0) + get("b " + previous + " " + stem, 0.0)
            if stem != w:
                z += get("s " + stem, 0.0)
            if hebrew and len(w) > 3 and w[0] in _HEBREW_PREFIXES:
                z += get("h " + w[1:], 0.0)
            previous = stem
        return z

    def fault_probability(self, tokens: list[str]) -> float:
        return _sigmoid(self.gate_logit(tokens))

    def passes_gate(self, tokens: list[str]) -> bool:
        return self.gate_logit(tokens) >= self._gate_logit

    def predict(self, tokens: list[str]) -> Prediction | None:
        """The kind of problem in a sentence, or None when the gate lets it pass."""
        z = self.gate_logit(tokens)
        if z < self._gate_logit:
            return None
        feats = features(tokens, self.lang)
        p = _sigmoid(z)
        scores = list(self.kind_bias)
        rows = []
        for f, i in feats:
            row = self.kind_weights.get(f)
            if row is not None:
                rows.append((row, i))
                for k, w in enumerate(row):
                    scores[k] += w
        best = max(range(len(scores)), key=scores.__getitem__)
        per_word = [0.0] * len(tokens)
        for row, i in rows:
            per_word[i] += row[best] - sum(row) / len(row)  # toward this kind, more than toward the others
        gate_weights = self.gate
        for f, i in feats:
            per_word[i] += gate_weights.get(f, 0.0)
        return Prediction(self.kinds[best], p, per_word)


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=None)
def load(lang: str) -> WordingModel | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = resources.files("kb_tools.lint").joinpath(f"models/wording-{lang}.json")
    if not path.is_file():
        return None
    return WordingModel(json.loads(path.read_text(encoding="utf-8")))
