"""The wording model: a small linear classifier per language that recognises the kinds of
wording problem (officialese, blame, condescension, …) in sentences that use no listed
phrase.

Two logistic-regression models per language, both over the same sparse features of a
sentence (its words, pairs of neighbouring words, and the four-letter pieces of each word,
which tie inflected and prefixed forms together):

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

FEATURES_VERSION = 2
"""Bumped whenever :func:`features` changes: a model trained on other features is refused."""
GRAM = 4
"""Letters in a character n-gram of a word padded with a space each side (" word " gives
" wor", "word", "ord "): inflected and prefixed forms (Slavic cases, Hebrew ו/ה/ב/ל,
Persian suffixes) share most of them, so a form never seen in training still counts."""
WORD_CACHE = 200_000
"""Most words whose gate weight is remembered (a few MB)."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


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
    lowered = text.lower()
    return lowered_tokens(lowered, 0, len(lowered))


def lowered_tokens(lowered: str, start: int, end: int) -> list[str]:
    """:func:`tokens` of ``lowered[start:end]``, ``lowered`` being a whole page's text
    lower-cased once (a page's sentences are read this way, without slicing each)."""
    return [w if not w[0].isdigit() else "0" for w in _WORD.findall(lowered, start, end)]


def features(tokens: list[str], lang: str) -> list[tuple[str, int]]:
    """(feature, index of the word it belongs to) for one sentence's lower-cased words: each
    word, each pair of neighbouring words, and each word's character n-grams (:data:`GRAM`).
    ``lang`` is kept in the signature for language-specific features; none are needed now."""
    found = []
    previous = "^"
    for i, w in enumerate(tokens):
        found += [(f, i) for f in own_features(w)]
        found.append(("b " + previous + " " + w, i))
        previous = w
    return found


def own_features(word: str) -> list[str]:
    """The features of a word wherever it stands: itself and its n-grams (the pair it ends
    depends on the word before it)."""
    return ["w " + word] + ["c " + g for g in grams(word)]


def grams(word: str) -> list[str]:
    """The character n-grams of ``word`` padded with a space each side (the whole padded
    word when it is shorter than :data:`GRAM`)."""
    padded = " " + word + " "
    if len(padded) <= GRAM:
        return [padded]
    return [padded[i:i + GRAM] for i in range(len(padded) - GRAM + 1)]


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
        self._word_weight: dict[str, float] = {}
        self._word_rows: dict[str, list[float]] = {}

    def gate_logit(self, tokens: list[str]) -> float:
        """The gate's log-odds that the sentence is faulty: :func:`features` summed without
        building them (this runs on every sentence of every page). A word's own features
        (the word and its n-grams) weigh the same wherever it stands, so their sum is kept
        per word: most words of a page have been seen before."""
        get = self.gate.get
        own = self._word_weight
        z = self.gate_bias
        previous = "^"
        for w in tokens:
            weight = own.get(w)
            if weight is None:
                weight = self._word_part(w)
                if len(own) < WORD_CACHE:
                    own[w] = weight
            z += weight + get("b " + previous + " " + w, 0.0)
            previous = w
        return z

    def _word_part(self, w: str) -> float:
        get = self.gate.get
        return sum(get(f, 0.0) for f in own_features(w))

    def fault_probability(self, tokens: list[str]) -> float:
        return _sigmoid(self.gate_logit(tokens))

    def passes_gate(self, tokens: list[str]) -> bool:
        return self.gate_logit(tokens) >= self._gate_logit

    def predict(self, tokens: list[str]) -> Prediction | None:
        """The kind of problem in a sentence, or None when the gate lets it pass.

        Sums the kind model's rows of :func:`features` word by word: a word's own rows (the
        word and its n-grams) are summed once per word and kept, as the gate's are."""
        z = self.gate_logit(tokens)
        if z < self._gate_logit:
            return None
        kinds = len(self.kinds)
        pair_row = self.kind_weights.get
        scores = list(self.kind_bias)
        rows = []
        previous = "^"
        for w in tokens:
            row = self._word_rows.get(w)
            if row is None:
                row = self._word_row(w)
                if len(self._word_rows) < WORD_CACHE:
                    self._word_rows[w] = row
            pair = pair_row("b " + previous + " " + w)
            if pair is not None:
                row = [a + b for a, b in zip(row, pair)]
            rows.append(row)
            for k in range(kinds):
                scores[k] += row[k]
            previous = w
        best = max(range(kinds), key=scores.__getitem__)
        gate = self.gate.get
        per_word = []
        previous = "^"
        for w, row in zip(tokens, rows):
            toward = row[best] - sum(row) / kinds  # toward this kind, more than toward the others
            own = self._word_weight.get(w)
            own = self._word_part(w) if own is None else own  # the gate kept it, unless its cache is full
            per_word.append(toward + own + gate("b " + previous + " " + w, 0.0))
            previous = w
        return Prediction(self.kinds[best], _sigmoid(z), per_word)

    def _word_row(self, w: str) -> list[float]:
        """The kind model's rows of a word's own features, summed."""
        total = [0.0] * len(self.kinds)
        get = self.kind_weights.get
        for f in own_features(w):
            row = get(f)
            if row is not None:
                total = [a + b for a, b in zip(total, row)]
        return total


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=None)
def load(lang: str) -> WordingModel | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = resources.files("kb_tools.lint").joinpath(f"models/wording-{lang}.json")
    if not path.is_file():
        return None
    return WordingModel(json.loads(path.read_text(encoding="utf-8")))
