"""What a check sees of one page: the parsed source, its language, the registry, normalised blocks.

Each block's prose is normalised and the results are joined into one text; a block is a
window on it, and checks search it with ``pattern.finditer(ctx.text, block.start, block.end)``.
Sentences are split only for the blocks that need them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from kb_tools.lint import sentences
from kb_tools.lint.language import normalize
from kb_tools.lint.vocabulary import Vocabulary
from kb_tools.markdown_source import Block, MarkdownSource


# A double quote, but not one between two letters: that is Hebrew gershayim (בע"מ, ש"ח),
# which normalisation folds to the same character.
QUOTE = re.compile(r'"(?<![^\W\d_]")|"(?![^\W\d_])')


class NormalizedBlock:
    __slots__ = ("block", "ctx", "start", "end", "index", "_sentences")

    def __init__(self, block: Block, ctx: "Context", start: int, end: int, index):
        self.block = block
        self.ctx = ctx
        self.start = start
        """Offset of the block in the page's normalised text."""
        self.end = end
        self.index = index
        """Source offset, relative to the block, of each normalised character (and one past the end)."""
        self._sentences = None

    @property
    def text(self) -> str:
        return self.ctx.text[self.start:self.end]

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, as offsets in the page's normalised text."""
        if self._sentences is None:
            start, label = self.start, []
            if self.block.label_end:  # a bold lead label is a sentence of its own
                start += bisect_left(self.index, self.block.label_end)
                label = [(self.start, start)]
            self._sentences = label + sentences.split(self.ctx.text, self.ctx.lang, start, self.end)
        return self._sentences

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the page's normalised text → source offsets (end exclusive)."""
        base, index = self.block.start, self.index
        return base + index[start - self.start], base + index[max(start, end - 1) - self.start] + 1

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.sentences if a <= pos < b), (self.start, self.end))

    def quoted(self, start: int, end: int) -> bool:
        """True when text[start:end] sits between double quotes in its sentence (after normalisation)."""
        a, b = self.sentence_span(start)
        text = self.ctx.text
        return len(QUOTE.findall(text, a, start)) % 2 == 1 and QUOTE.search(text, end, b) is not None

    def context_at(self, pos: int, scope: str = "sentence") -> str:
        """The sentence at ``pos``; with ``next`` also the sentence after it, with ``around`` the
        sentences before and after it; with ``paragraph`` the whole block."""
        if scope == "paragraph":
            return self.text
        spans = self.sentences
        for i, (a, b) in enumerate(spans):
            if a <= pos < b:
                if scope in ("next", "around") and i + 1 < len(spans):
                    b = spans[i + 1][1]
                if scope == "around" and i > 0:
                    a = spans[i - 1][0]
                return self.ctx.text[a:b]
        return self.text


class Context:
    def __init__(self, doc: MarkdownSource, lang: str, registry=None, vocabulary=None, prefilter=None, today=None):
        self.doc = doc
        self.lang = lang
        self.registry = registry
        self.vocabulary = vocabulary if vocabulary is not None else Vocabulary()
        """Lower-case words the project accepts (product names, its own terms)."""
        self.today = today
        """The day review dates are compared with (None: SOURCE_DATE_EPOCH, else the system date)."""
        # The page's prose as the blocks' normalised texts joined by newlines: checks search
        # one string, and each block knows its window and its way back to the source.
        parts, blocks, offset = [], [], 0
        for block in doc.blocks:
            text, index = normalize(block.prose)
            blocks.append(NormalizedBlock(block, self, offset, offset + len(text), index))
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)
        self._blocks = blocks
        self._hits = prefilter.hits(self.text) if prefilter is not None else None
        self._memo: dict = {}

    def normalized_blocks(self) -> list[NormalizedBlock]:
        return self._blocks

    def memo(self, key: str, compute):
        """Work that several rules share on this page (computed once)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def blocks_with_hits(self, check) -> list[NormalizedBlock]:
        """The blocks where ``check`` can match: those holding one of its required literals."""
        if self._hits is None or check.requirement is None:
            return self._blocks
        chosen: list[NormalizedBlock] = []
        for block, _ in self.hit_positions(check):  # positions come in text order
            if not chosen or chosen[-1] is not block:
                chosen.append(block)
        return chosen

    @property
    def has_hits(self) -> bool:
        return self._hits is not None

    def hit_positions(self, check):
        """(block, offset) for each place one of ``check``'s literals starts inside a block, in order."""
        blocks = self._blocks
        for p in self._hits.get(check, ()):
            i = bisect_right(self._block_starts, p) - 1
            if i >= 0 and p < blocks[i].end:
                yield blocks[i], p

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self._blocks]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the normalised text → source offsets (end exclusive), through the block holding them."""
        i = bisect_right(self._block_starts, start) - 1
        return self._blocks[i].source_span(start, end)

    def source_text(self, start: int, end: int) -> str:
        return " ".join(self.doc.source[start:end].split())

    def prose_text(self, block: "NormalizedBlock", start: int, end: int) -> str:
        """Source offsets → the words as written, without markup (``_prior_ to`` → ``prior to``)."""
        b = block.block
        return " ".join(b.prose[start - b.start:end - b.start].split())
