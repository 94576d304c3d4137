"""``readability``: a paragraph whose readability score is past the pack's threshold.

Options: ``formula`` (flesch, flesch_oborneva or lix; see kb_tools.lint.readability),
``threshold`` (the worst acceptable score: a minimum for Flesch, a maximum for LIX): past
it a paragraph is ``info``; ``hard_threshold``: past that it is a ``warning``; and
``min_words`` (shorter paragraphs are skipped: the formulas are unstable on them).

Product names, UI labels, acronyms, numbers and words in another script are left out of
the score (kb_tools.lint.sentence_shape.NameFilter): "Open Settings › Two-step login"
is not hard because of the words on the screen.
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.readability import FORMULAS
from kb_tools.lint.sentence_shape import NameFilter
from kb_tools.lint.sentences import WORD


class Readability(Check):
    name = "readability"
    options = ("formula", "threshold", "hard_threshold", "min_words")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        if options.get("formula") not in FORMULAS:
            raise InputError(where, None, f"'formula' must be one of {', '.join(FORMULAS)}")
        self.formula, self.higher_is_easier = FORMULAS[options["formula"]]
        self.formula_name = options["formula"]
        self.threshold = options.get("threshold")
        if not isinstance(self.threshold, (int, float)):
            raise InputError(where, None, "'threshold' must be a number")
        self.hard_threshold = options.get("hard_threshold", self.threshold)
        if not isinstance(self.hard_threshold, (int, float)) or self.past(self.threshold, self.hard_threshold):
            raise InputError(where, None, "'hard_threshold' must be a number no easier than 'threshold'")
        self.min_words = int(options.get("min_words", 40))

    def past(self, score: float, limit: float) -> bool:
        """True when ``score`` is on the hard side of ``limit``."""
        return score < limit if self.higher_is_easier else score > limit

    def score(self, ctx, block) -> float | None:
        """The block's score over its plain words (None when it is too short to score)."""
        if len(WORD.findall(ctx.text, block.start, block.end)) < self.min_words:
            return None
        names = ctx.memo(f"names:{self.lang}", lambda: NameFilter(self.lang, ctx.vocabulary))
        words = [w for a, b in block.sentences for w in names.plain_words(ctx.text, a, b)]
        return self.formula(words, max(1, len(block.sentences))) if words else None

    def describe(self) -> str:
        names = {"flesch": "Flesch reading ease", "flesch_oborneva": "Flesch–Oborneva reading ease", "lix": "LIX"}
        side = "below" if self.higher_is_easier else "above"
        return (f"Scores paragraphs of {self.min_words} words or more with {names[self.formula_name]}, "
                f"names and labels left out; scores {side} {self.threshold} are info, {side} {self.hard_threshold} warnings.")

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            if block.block.kind != "paragraph":
                continue
            score = self.score(ctx, block)
            if score is not None and self.past(score, self.threshold):
                a, b = ctx.source_span(block.start, block.end)
                newline = ctx.doc.source.find("\n", a, b)  # report the paragraph's first line
                severity = Severity.WARNING if self.past(score, self.hard_threshold) else Severity.INFO
                yield Finding(a, newline if newline != -1 else b,
                              {"score": f"{score:.0f}", "formula": self.formula_name, "threshold": self.threshold},
                              severity=severity)
