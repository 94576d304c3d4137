"""``sentence_length``: a sentence too long to take in at one reading.

Options (per language, in the pack):
  max_words       over this many words a sentence is reported as ``info``.
  hard_max_words  over this many it is a ``warning`` (default: twice ``max_words``).
  clause_words    a sentence of three or more clauses, none longer than this, reads as a
                  list of steps or items: it is never more than ``info`` (default 12).
  dense           a pattern for nominalisations and passives; a sentence past halfway
                  from ``max_words`` to ``hard_max_words`` whose share of them reaches
                  ``dense_share`` (default 0.25) is a ``warning`` too (with at least
                  ``DENSE_MIN`` of them). Editors judging real help centres found a dense
                  sentence just over ``max_words`` readable enough; a longer one is not.
  scope           the block kinds checked (default paragraph: headings and table cells
                  are not sentences).

Words are words of prose: code, URLs, template tags, attribute lists and a bold lead
label ("**Biometric unlock**:") are not counted (kb_tools.markdown_source). A sentence in
a block quote is never more than ``info``: it is often quoted from elsewhere.
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.checks.existence import compile_pattern
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.language import normalize
from kb_tools.lint.sentence_shape import shape
from kb_tools.lint.sentences import WORD


DENSE_MIN = 5
"""Fewest abstract nouns and passives that make a sentence dense: a title in a link brings two or three."""


class SentenceLength(Check):
    name = "sentence_length"
    options = ("max_words", "hard_max_words", "clause_words", "dense", "dense_share", "scope")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.max_words = self._whole(options, "max_words", None)
        self.hard_max_words = self._whole(options, "hard_max_words", 2 * self.max_words)
        self.clause_words = self._whole(options, "clause_words", 12)
        if self.hard_max_words < self.max_words:
            raise InputError(where, None, "'hard_max_words' must not be less than 'max_words'")
        dense = options.get("dense")
        self.dense = compile_pattern(normalize(dense)[0], where) if dense else None
        self.dense_share = float(options.get("dense_share", 0.25))
        self.dense_words = (self.max_words + self.hard_max_words) // 2
        self.scope = tuple(options.get("scope") or ("paragraph",))

    def _whole(self, options: dict, key: str, default):
        value = options.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 5:
            raise InputError(self.where, None, f"'{key}' must be a whole number of at least 5")
        return value

    def describe(self) -> str:
        return (f"Sentences of more than {self.max_words} words are info; more than {self.hard_max_words}, "
                f"or more than {self.dense_words} dense with abstract nouns and passives, are warnings; "
                f"lists of clauses of at most {self.clause_words} words stay info.")

    def severity(self, s, quoted: bool = False) -> Severity | None:
        """None (fine), INFO (long but easy to follow) or WARNING (hard to follow)."""
        if s.words <= self.max_words:
            return None
        if quoted or s.list_like(self.clause_words):
            return Severity.INFO
        if s.words > self.hard_max_words or self.is_dense(s):
            return Severity.WARNING
        return Severity.INFO

    def is_dense(self, s) -> bool:
        return s.words > self.dense_words and s.dense >= DENSE_MIN and s.dense >= self.dense_share * s.words

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            if block.block.kind not in self.scope:
                continue
            for start, end in block.sentences:
                if len(WORD.findall(ctx.text, start, end)) <= self.max_words:
                    continue  # most sentences: no need to look at their shape
                s = shape(ctx.text, start, end, self.dense)
                severity = self.severity(s, block.block.quoted)
                if severity is not None:
                    a, b = ctx.source_span(start, end)
                    yield Finding(a, b, {"words": s.words, "max": self.max_words, **self._why(s, severity)},
                                  severity=severity)

    def _why(self, s, severity: Severity) -> dict:
        """The message's ``{why}`` and ``{advice}``: what makes this sentence hard, and what to do."""
        if s.list_like(self.clause_words):
            return {"why": " in short clauses", "advice": "a numbered or bulleted list may read better"}
        if severity is Severity.WARNING and s.words <= self.hard_max_words:
            return {"why": f", {s.dense} of them abstract nouns or passives", "advice": "split it and say who does what"}
        return {"why": "", "advice": "split it"}
