"""The wording model: a small linear classifier per language that recognises the kinds of
wording problem (officialese, blame, condescension, …) in sentences that use no listed
phrase.

Two logistic-regression models per language, both over the same sparse features of a
sentence (its words, pairs of neighbouring words, and the four-letter pieces of each word,
which tie inflected and prefixed forms together):

- the **gate**, a binary model, is cheap (one weight per feature) and runs on every
  sentence; it only lets through the sentences worth a closer look (its threshold is low:
  it holds back 1% of what the classifier would warn about);
- the **classifier**, a multinomial model over the seven kinds and ``none``, decides: the
  sentence is faulty with probability 1 - P(none), and of the kind most likely after that.
  Trained against ``none`` alongside the kinds, it tells a fault from the acceptable
  sentence that shares its words better than a binary model.

Each model file (``models/wording-<lang>.json.gz``, JSON compressed) holds the weights, the thresholds (the
gate's; ``info`` and ``warning`` on the fault probability) chosen by cross-validation,
and the versions of the feature code and of the file format it was trained with. tools/train_wording_model.py rebuilds them, the same
bytes every time, from the labelled sentences in bench/wording_data/ and tests/eval/.

A prediction is explained by the words whose features weigh most toward the kind found,
so a finding can underline them.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from operator import add
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

FEATURES_VERSION = 2
"""Bumped whenever :func:`features` changes: a model trained on other features is refused."""
MODEL_FORMAT = 3
"""Bumped whenever the model file's layout changes (3: a gate and a classifier over the kinds and ``none``)."""
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
    """The classifier's probability that the sentence is faulty at all (1 - P(none))."""
    weights: list[float]
    """Per word of the sentence: how much it pushed toward ``kind`` rather than ``none``."""


class WordingModel:
    def __init__(self, data: dict):
        if data.get("features_version") != FEATURES_VERSION or data.get("format") != MODEL_FORMAT:
            raise ValueError("wording model was trained on other features or in another format; "
                             "rebuild it with tools/train_wording_model.py")
        self.lang = data["lang"]
        self.gate = data["gate"]["weights"]
        self.gate_bias = data["gate"]["bias"]
        self.classes = data["classes"]["names"]
        self.class_weights = data["classes"]["weights"]
        self.class_bias = data["classes"]["bias"]
        self.none = self.classes.index("none")
        self.kinds = [c for c in self.classes if c != "none"]
        self.info = data["thresholds"]["info"]
        self.warning = data["thresholds"]["warning"]
        through = data["thresholds"]["gate"]
        self._gate_logit = math.log(through / (1 - through))
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

    def passes_gate(self, tokens: list[str]) -> bool:
        """Worth asking the classifier (cheap; nearly every sentence stops here)."""
        return self.gate_logit(tokens) >= self._gate_logit

    def scores(self, tokens: list[str], rows: list | None = None) -> list[float]:
        """The classifier's score of each class for a text (its log-odds up to a constant).
        With ``rows``, each word's row (its own features and the pair it ends) is appended."""
        pair_row = self.class_weights.get
        total = self.class_bias
        previous = "^"
        for w in tokens:
            row = self._word_rows.get(w) or self._word_row(w)
            pair = pair_row("b " + previous + " " + w)
            if pair is not None:
                row = list(map(add, row, pair))
            total = list(map(add, total, row))  # map(add): the sum in C, not a loop in Python
            if rows is not None:
                rows.append(row)
            previous = w
        return list(total)

    def joined(self, first: list[float], first_tokens: list[str], second: list[float], second_tokens: list[str]) -> list[float]:
        """``scores(first_tokens + second_tokens)`` from the scores of each part: a sentence
        read with its neighbour costs a few additions, not a second pass over its words."""
        total = [a + b - c for a, b, c in zip(first, second, self.class_bias)]
        if first_tokens and second_tokens:
            get = self.class_weights.get
            start, seam = get("b ^ " + second_tokens[0]), get("b " + first_tokens[-1] + " " + second_tokens[0])
            if start is not None:
                total = [a - b for a, b in zip(total, start)]
            if seam is not None:
                total = [a + b for a, b in zip(total, seam)]
        return total

    def fault(self, scores: list[float]) -> float:
        """The probability that the text is faulty at all, 1 - P(none), from its scores."""
        top = max(scores)
        exp = [math.exp(z - top) for z in scores]
        return 1.0 - exp[self.none] / sum(exp)

    def warns(self, scores: list[float]) -> bool:
        return self.fault(scores) >= self.info

    def predict(self, tokens: list[str]) -> Prediction | None:
        """The kind of problem in a sentence, or None when it is acceptable (below the info
        threshold), with how much each word pushed toward that kind rather than ``none``.
        The gate is the caller's to ask first."""
        rows: list[list[float]] = []
        scores = self.scores(tokens, rows)
        fault = self.fault(scores)
        if fault < self.info:
            return None
        none = self.none
        best = max((k for k in range(len(self.classes)) if k != none), key=scores.__getitem__)
        return Prediction(self.classes[best], fault, [row[best] - row[none] for row in rows])

    def _word_row(self, w: str) -> list[float]:
        """The classifier's rows of a word's own features, summed (and kept: most words of a
        page have been seen before)."""
        total = [0.0] * len(self.classes)
        get = self.class_weights.get
        for f in own_features(w):
            row = get(f)
            if row is not None:
                total = [a + b for a, b in zip(total, row)]
        if len(self._word_rows) < WORD_CACHE:
            self._word_rows[w] = total
        return total


@lru_cache(maxsize=None)
def load(lang: str) -> WordingModel | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = resources.files("kb_tools.lint").joinpath(f"models/wording-{lang}.json.gz")
    if not path.is_file():
        return None
    return WordingModel(json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")))
