"""What a check sees of one page: the parsed source, its language, the registry, normalised blocks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from kb_tools.lint import sentences
from kb_tools.lint.language import normalize
from kb_tools.markdown_source import Block, MarkdownSource


@dataclass
class NormalizedBlock:
    block: Block
    text: str
    """The block's prose, normalised for matching."""
    index: list[int]
    """Source offset (relative to the block) of each character of ``text``."""
    sentences: list[tuple[int, int]]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.block.start + self.index[start], self.block.start + self.index[max(start, end - 1)] + 1

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.sentences if a <= pos < b), (0, len(self.text)))

    def quoted(self, start: int, end: int) -> bool:
        """True when text[start:end] sits between double quotes in its sentence (after normalisation)."""
        a, b = self.sentence_span(start)
        return self.text.count('"', a, start) % 2 == 1 and '"' in self.text[end:b]

    def context_at(self, pos: int, scope: str = "sentence") -> str:
        """The sentence at ``pos``; with ``next`` also the sentence after it; with ``paragraph`` the whole block."""
        if scope == "paragraph":
            return self.text
        for i, (a, b) in enumerate(self.sentences):
            if a <= pos < b:
                if scope == "next" and i + 1 < len(self.sentences):
                    b = self.sentences[i + 1][1]
                return self.text[a:b]
        return self.text


class Context:
    def __init__(self, doc: MarkdownSource, lang: str, registry=None):
        self.doc = doc
        self.lang = lang
        self.registry = registry

    @cached_property
    def _normalized(self) -> list[NormalizedBlock]:
        result = []
        for block in self.doc.blocks:
            text, index = normalize(self.doc.prose[block.start:block.end])
            result.append(NormalizedBlock(block, text, index, sentences.split(text, self.lang)))
        return result

    def normalized_blocks(self) -> list[NormalizedBlock]:
        return self._normalized

    def source_text(self, start: int, end: int) -> str:
        return " ".join(self.doc.source[start:end].split())
