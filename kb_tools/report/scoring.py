"""A whole page's readability, by the formula and threshold of its language's readability rule.

The rule (KB202 hard-paragraph) scores each paragraph; the report scores a page's paragraphs
together, so pages can be compared. Formula, threshold, direction and minimum length all
come from the language pack (``packs/<lang>/hard-paragraph.yml``), so the report and
``kb lint`` cannot disagree on what is hard. Paragraphs where the page switches the rule
off (``kb_lint: {ignore: [KB2]}``, ``<!-- kb-lint disable KB202 -->``) are not scored.
"""

from __future__ import annotations

from typing import NamedTuple

from kb_tools.lint import packs, suppress
from kb_tools.lint.checks.readability import Readability
from kb_tools.lint.context import Context
from kb_tools.lint.rule import Rule
from kb_tools.lint.sentence_shape import NameFilter
from kb_tools.lint.sentences import WORD
from kb_tools.markdown_source import MarkdownSource

FORMULA_NAMES = {"flesch": "Flesch reading ease", "flesch_oborneva": "Flesch–Oborneva reading ease", "lix": "LIX"}

OK, HARD, UNSCORED = "ok", "hard", "unscored"


class Score(NamedTuple):
    band: str
    """``ok`` (within the rule's threshold), ``hard`` (past it) or ``unscored``."""
    value: float | None = None
    formula: str | None = None
    threshold: float | None = None
    higher_is_easier: bool | None = None
    note: str = ""
    """Why a page is unscored, in words for editors."""

    def ease(self) -> float:
        """How far the score is on the easy side of the threshold, relative to it (negative = hard),
        so pages in languages with different formulas can be ranked together."""
        if self.value is None:
            return float("inf")
        margin = self.value - self.threshold if self.higher_is_easier else self.threshold - self.value
        return margin / max(abs(self.threshold), 1)


class Text(NamedTuple):
    words: int
    """Words of the page's paragraphs and list items (headings, tables and code are not counted)."""
    sentences: int
    score: Score


def readability_rule(lang: str) -> Rule | None:
    return next((r for r in packs.rules_for(lang) if isinstance(r.check, Readability)), None)


def measure(doc: MarkdownSource, lang: str) -> Text:
    rule = readability_rule(lang)
    ctx = Context(doc, lang)
    off = suppress.collect(doc) if rule else None
    words = sentences = 0
    scored: list[str] = []
    scored_sentences = 0
    names = NameFilter(lang)  # as the rule scores: names and labels left out
    for block in ctx.normalized_blocks():
        if block.block.kind != "paragraph":
            continue
        found = WORD.findall(ctx.text, block.start, block.end)
        if not found:
            continue
        count = max(1, len(block.sentences))  # as the rule counts them
        words += len(found)
        sentences += count
        if rule and not off.suppressed(rule.code, block.block.line):
            scored += [w for a, b in block.sentences for w in names.plain_words(ctx.text, a, b)]
            scored_sentences += count
    return Text(words, sentences, _score(rule, scored, scored_sentences, words, lang))


def _score(rule: Rule | None, words: list[str], sentences: int, all_words: int, lang: str) -> Score:
    if rule is None:
        return Score(UNSCORED, note=f"no readability formula for language '{lang}'")
    check = rule.check
    settings = {"formula": check.formula_name, "threshold": check.threshold, "higher_is_easier": check.higher_is_easier}
    if all_words and not words:
        return Score(UNSCORED, note=f"{rule.code} is switched off on this page", **settings)
    if len(words) < check.min_words:
        return Score(UNSCORED, note=f"too short to score: {len(words)} words, the formula needs {check.min_words}",
                     **settings)
    # Rounded before it is banded, so the shown score, its band and its chart bin agree.
    value = round(check.formula(words, sentences), 1)
    return Score(HARD if check.past(value, check.threshold) else OK, value, note="", **settings)
