"""``readability``: a paragraph whose readability score is past the pack's threshold.

Options: ``formula`` (flesch, flesch_oborneva or lix; see kb_tools.lint.readability),
``threshold`` (the worst acceptable score: a minimum for Flesch, a maximum for LIX), and
``min_words`` (shorter paragraphs are skipped: the formulas are unstable on them).
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.readability import FORMULAS
from kb_tools.lint.sentences import WORD


class Readability(Check):
    name = "readability"
    options = ("formula", "threshold", "min_words")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        if options.get("formula") not in FORMULAS:
            raise InputError(where, None, f"'formula' must be one of {', '.join(FORMULAS)}")
        self.formula, self.higher_is_easier = FORMULAS[options["formula"]]
        self.formula_name = options["formula"]
        self.threshold = options.get("threshold")
        if not isinstance(self.threshold, (int, float)):
            raise InputError(where, None, "'threshold' must be a number")
        self.min_words = int(options.get("min_words", 40))

    def describe(self) -> str:
        names = {"flesch": "Flesch reading ease", "flesch_oborneva": "Flesch–Oborneva reading ease", "lix": "LIX"}
        side = "below" if self.higher_is_easier else "above"
        return (f"Scores paragraphs of {self.min_words} words or more with {names[self.formula_name]}; "
                f"flags scores {side} {self.threshold}.")

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            if block.block.kind != "paragraph":
                continue
            words = WORD.findall(ctx.text, block.start, block.end)
            if len(words) < self.min_words:
                continue
            score = self.formula(words, max(1, len(block.sentences)))
            hard = score < self.threshold if self.higher_is_easier else score > self.threshold
            if hard:
                a, b = ctx.source_span(block.start, block.end)
                newline = ctx.doc.source.find("\n", a, b)  # report the paragraph's first line
                yield Finding(a, newline if newline != -1 else b,
                              {"score": f"{score:.0f}", "formula": self.formula_name, "threshold": self.threshold})
