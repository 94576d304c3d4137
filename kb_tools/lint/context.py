"""What a check sees of one page: the parsed source, its language, the registry, normalised blocks.

The page's prose is normalised once, as a whole; a block is a window on that text, and
checks search it with ``pattern.finditer(ctx.text, block.start, block.end)``. Sentences
are split only for the blocks that need them.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from kb_tools.lint import sentences
from kb_tools.lint.language import normalize
from kb_tools.markdown_source import Block, MarkdownSource


class NormalizedBlock:
    __slots__ = ("block", "ctx", "start", "end", "_sentences")

    def __init__(self, block: Block, ctx: "Context", start: int, end: int):
        self.block = block
        self.ctx = ctx
        self.start = start
        """Offset of the block in the page's normalised text."""
        self.end = end
        self._sentences = None

    @property
    def text(self) -> str:
        return self.ctx.text[self.start:self.end]

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, as offsets in the page's normalised text."""
        if self._sentences is None:
            self._sentences = sentences.split(self.ctx.text, self.ctx.lang, self.start, self.end)
        return self._sentences

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.ctx.source_span(start, end)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.sentences if a <= pos < b), (self.start, self.end))

    def quoted(self, start: int, end: int) -> bool:
        """True when text[start:end] sits between double quotes in its sentence (after normalisation)."""
        a, b = self.sentence_span(start)
        text = self.ctx.text
        return text.count('"', a, start) % 2 == 1 and '"' in text[end:b]

    def context_at(self, pos: int, scope: str = "sentence") -> str:
        """The sentence at ``pos``; with ``next`` also the sentence after it; with ``paragraph`` the whole block."""
        if scope == "paragraph":
            return self.text
        spans = self.sentences
        for i, (a, b) in enumerate(spans):
            if a <= pos < b:
                if scope == "next" and i + 1 < len(spans):
                    b = spans[i + 1][1]
                return self.ctx.text[a:b]
        return self.text


class Context:
    def __init__(self, doc: MarkdownSource, lang: str, registry=None, vocabulary: frozenset = frozenset()):
        self.doc = doc
        self.lang = lang
        self.registry = registry
        self.vocabulary = vocabulary
        """Lower-case words the project accepts (product names, its own terms)."""
        self.text, self._index = normalize(doc.prose)

    def _to_normalized(self, offset: int) -> int:
        if isinstance(self._index, range):
            return offset
        return bisect_right(self._index, offset - 1)

    @cached_property
    def _blocks(self) -> list[NormalizedBlock]:
        return [NormalizedBlock(b, self, self._to_normalized(b.start), self._to_normalized(b.end)) for b in self.doc.blocks]

    def normalized_blocks(self) -> list[NormalizedBlock]:
        return self._blocks

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised offsets → source offsets (end exclusive)."""
        return self._index[start], self._index[max(start, end - 1)] + 1

    def source_text(self, start: int, end: int) -> str:
        return " ".join(self.doc.source[start:end].split())
