"""``readability``: a paragraph whose readability score is past the pack's threshold.

Options: ``formula`` (flesch, flesch_oborneva or lix; see kb_tools.lint.readability),
``threshold`` (the worst acceptable score: a minimum for Flesch, a maximum for LIX): past
it a paragraph is ``info``; ``hard_threshold``: past that it is a ``warning`` if its
sentences are long too, more than ``warn_mean_words`` words on average (default 20);
and ``min_words`` (shorter paragraphs are skipped: the formulas are unstable on them).

Long words alone do not make a warning: the formulas count letters or syllables, and
terms a help centre cannot avoid (VAT, certificate transparency, a product's feature
names) are long. Editors judging real help centres called paragraphs of short or
moderate sentences "hard" only because of such words pedantic; a paragraph of long
sentences full of long words is what they wanted rewritten. A paragraph in a block quote
is never more than ``info``: it is often quoted from elsewhere.

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
    options = ("formula", "threshold", "hard_threshold", "min_words", "warn_mean_words")

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
        self.warn_mean_words = options.get("warn_mean_words", 20)
        if not isinstance(self.warn_mean_words, (int, float)) or isinstance(self.warn_mean_words, bool):
            raise InputError(where, None, "'warn_mean_words' must be a number")

    def past(self, score: float, limit: float) -> bool:
        """True when ``score`` is on the hard side of ``limit``."""
        return score < limit if self.higher_is_easier else score > limit

    def score(self, ctx, block) -> tuple[float, float] | None:
        """(score, mean words per sentence) of the block over its plain words (None when it is too short to score)."""
        if len(WORD.findall(ctx.text, block.start, block.end)) < self.min_words:
            return None
        names = ctx.memo(f"names:{self.lang}", lambda: NameFilter(self.lang, ctx.vocabulary))
        words = [w for a, b in block.sentences for w in names.plain_words(ctx.text, a, b)]
        sentences = max(1, len(block.sentences))
        return (self.formula(words, sentences), len(words) / sentences) if words else None

    def describe(self) -> str:
        names = {"flesch": "Flesch reading ease", "flesch_oborneva": "Flesch–Oborneva reading ease", "lix": "LIX"}
        side = "below" if self.higher_is_easier else "above"
        return (f"Scores paragraphs of {self.min_words} words or more with {names[self.formula_name]}, "
                f"names and labels left out; scores {side} {self.threshold} are info, {side} {self.hard_threshold} "
                f"warnings when the sentences average more than {self.warn_mean_words} words.")

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            if block.block.kind != "paragraph":
                continue
            scored = self.score(ctx, block)
            if scored is None:
                continue
            score, mean = scored
            if self.past(score, self.threshold):
                a, b = ctx.source_span(block.start, block.end)
                newline = ctx.doc.source.find("\n", a, b)  # report the paragraph's first line
                hard = self.past(score, self.hard_threshold) and mean > self.warn_mean_words and not block.block.quoted
                severity = Severity.WARNING if hard else Severity.INFO
                yield Finding(a, newline if newline != -1 else b,
                              {"score": f"{score:.0f}", "formula": self.formula_name, "threshold": self.threshold},
                              severity=severity)
