"""Which language a text is written in, from its words alone.

Each language's most frequent words (kb_tools/lint/models/language-profiles.json, built
from wordfreq by tools/build_language_profiles.py) score the text as a naive Bayes model
over common words: function words decide, and names or product terms, which every
language shares, count for none. Only languages written in the text's main script are
candidates, so Cyrillic text is never weighed as Portuguese.

A help page of a few sentences is identified reliably: its common words ("the", "and",
"je", "in", "que") are enough. Below ``MIN_WORDS`` known words nothing is claimed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

MIN_WORDS = 12
"""Fewer words than this that any profile knows: too little text to say."""
_FLOOR = -7.0
"""Log-frequency given to a word a language's profile does not list."""
_SAMPLE = 300
"""Words read from the start of a page: enough to decide, and a 10 MB page costs no more."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPTS = {"latin": re.compile(r"[A-Za-zÀ-ɏ]"), "cyrillic": re.compile(r"[Ѐ-ӿ]"),
            "hebrew": re.compile(r"[֐-׿]"), "arabic": re.compile(r"[؀-ۿ]"), "greek": re.compile(r"[Ͱ-Ͽ]")}


class Guess(NamedTuple):
    lang: str | None
    """The most likely language, or None when the text is too short to say."""
    words: int
    """Words of the text that some candidate language's profile knows."""
    margin: float
    """How much better the best language explains the text than the runner-up (or than the
    stated language, from :func:`disagrees`), per known word."""


class _Model(NamedTuple):
    table: dict
    """word → {language: log-frequency}"""
    script_of: dict
    """language → its main script"""


@lru_cache(maxsize=1)
def _model() -> _Model:
    data = json.loads(resources.files("kb_tools.lint").joinpath("models/language-profiles.json").read_text(encoding="utf-8"))
    table: dict[str, dict[str, float]] = {}
    script_of = {}
    for lang, words in data["profiles"].items():
        script_of[lang] = _script("".join(words))
        for word, logp in words.items():
            table.setdefault(word, {})[lang] = logp
    return _Model(table, script_of)


def _script(text: str) -> str | None:
    counts = {name: len(p.findall(text)) for name, p in _SCRIPTS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def languages() -> list[str]:
    return sorted(_model().script_of)


def scores(text: str) -> tuple[dict[str, float], int]:
    """Each candidate language's log-likelihood of ``text``, and the number of known words."""
    model = _model()
    words = _WORD.findall(text[:12 * _SAMPLE].lower())[:_SAMPLE]
    script = _script(" ".join(words[:100]))
    candidates = [lang for lang, s in model.script_of.items() if s == script]
    # Every known word scores _FLOOR in each language that does not list it: add that for
    # all at the end and only the difference for the few languages that do list it.
    gains = dict.fromkeys(candidates, 0.0)
    known = 0
    for word in words:
        entry = model.table.get(word)
        if entry is None:
            continue
        known += 1
        for lang, logp in entry.items():
            if lang in gains:
                gains[lang] += logp - _FLOOR
    return {lang: gain + _FLOOR * known for lang, gain in gains.items()}, known


def identify(text: str) -> Guess:
    """The language ``text`` is most likely written in (normalised prose, any length)."""
    totals, known = scores(text)
    if len(totals) == 1 and known:  # the only language of its script we know (Hebrew)
        return Guess(next(iter(totals)), known, float("inf"))
    if known < MIN_WORDS or not totals:
        return Guess(None, known, 0.0)
    (best, top), (_, runner_up) = sorted(totals.items(), key=lambda kv: -kv[1])[:2]
    return Guess(best, known, (top - runner_up) / known)


OVERRULE_MIN_WORDS = 20
"""Known words needed before the text overrules a language the page states: a sentence or
two in a neighbouring language may be a quotation."""
PLAIN_MARGIN = 1.0
"""Per known word, how far ahead of the stated language the text's language must be for
the text to *plainly* disagree with it (similar languages such as hr/sl/bs differ by less
than this on a few lines; different ones by 3 or more)."""


def disagrees(text: str, stated: str) -> Guess | None:
    """The guess when ``text`` is plainly not in ``stated``: enough words, a clear winner,
    and ``stated`` far behind it. None when the text agrees or is too short to tell."""
    totals, known = scores(text)
    if not totals or known < (1 if len(totals) == 1 else OVERRULE_MIN_WORDS):
        return None
    best = max(totals, key=totals.get)
    if best == stated:
        return None
    behind = (totals[best] - totals.get(stated, _FLOOR * known)) / known
    return Guess(best, known, behind) if behind >= PLAIN_MARGIN else None
