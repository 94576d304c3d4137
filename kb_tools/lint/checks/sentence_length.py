"""``sentence_length``: a sentence with more than ``max_words`` words.

Options: ``max_words`` (required; per language, in the pack), ``scope``: the block kinds
checked (default paragraph: headings and table cells are not sentences).
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.sentences import WORD


class SentenceLength(Check):
    name = "sentence_length"
    options = ("max_words", "scope")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.max_words = options.get("max_words")
        if not isinstance(self.max_words, int) or self.max_words < 5:
            raise InputError(where, None, "'max_words' must be a whole number of at least 5")
        self.scope = tuple(options.get("scope") or ("paragraph",))

    def describe(self) -> str:
        return f"Flags sentences of more than {self.max_words} words."

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            if block.block.kind not in self.scope:
                continue
            for start, end in block.sentences:
                words = WORD.findall(ctx.text, start, end)
                if len(words) > self.max_words:
                    a, b = ctx.source_span(start, end)
                    yield Finding(a, b, {"words": len(words), "max": self.max_words})
