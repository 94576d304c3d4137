"""Markdown with exact source positions: what a customer reads, and where it sits in the file.

markdown-it-py gives block tokens with line maps but no columns, and the children of an
``inline`` token have no map at all. So each inline token's content lines are located in
their physical source lines, and a small scanner marks what is not prose inside them
(code spans, inline HTML, link destinations, URLs, shortcodes, emphasis markers).

Offsets stay 1:1 with the source: each block carries its ``prose`` and ``visible`` text,
the same length as its stretch of the file, with everything else replaced by spaces
(newlines kept), so a match at offset *i* is at ``block.start + i`` in the file. The
whole-page ``prose`` and ``visible`` strings are assembled from the blocks only on demand.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from kb_tools import yamlsource

PAGE_LIMIT = 5 * 1_048_576
"""Bytes: a larger Markdown file is no help article (the largest page of Node.js's docs is
0.3 MB). Refusing it keeps kb lint's time and memory bounded (a KB001 finding)."""

# The same front-matter pattern as mkdocs.utils.meta, so the linter and the build agree.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.DOTALL)
# Front matter of other static-site generators (Hugo's TOML "+++" and JSON "{ … }"): MkDocs
# reads none of it, but it is no prose either, so it is blanked like YAML front matter.
OTHER_FRONT_MATTER = re.compile(r"^(?:\+{3}[ \t]*\n.*?\n\+{3}|\{[ \t]*\n.*?\n\})[ \t]*(?:\n|$)", re.DOTALL)

_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .enable(["table", "strikethrough"])
    .use(admon_plugin)
    .use(deflist_plugin)
    .use(footnote_plugin)
    .disable(["inline", "text_join"])  # inline content is scanned here, with positions; its tokens are not needed
)

_BLOCK_KINDS = {"heading_open": "heading", "paragraph_open": "paragraph", "th_open": "table", "td_open": "table",
                "dt_open": "term", "admonition_title_open": "heading"}

# Inline things that are not prose. Order matters: earlier alternatives win at a position.
# The leading lookahead names every alternative's first character: with it, re skips to
# those characters instead of trying each alternative at every position (8x faster).
_INLINE = re.compile(
    r"(?=[<{\[\]\\*~_hw!])(?:"
    r"(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?P<auto>(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)|(?:[^\s<>@]+@[^\s<>@]+))>)"
    r"|(?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<shortcode>\{\{.*?\}\})"
    r"|(?P<template>\{%.*?%\}|\{#.*?#\})"  # Liquid/Jinja tags and comments: {% callout %}, {# … #}
    r"|(?P<attrs>\{:[^{}\n]*\}|\{\s*[.#][^{}\n]*\})"  # attribute lists: {:target="_blank"}, { .class }
    r"|(?P<footref>\[\^[^\]\s]+\])"
    r"|(?P<dest>\]\((?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))"
    r"|(?P<refl>\]\[[^\]\n]*\])"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"»”])"
    r"|(?P<escape>\\(?=[!-/:-@\[-`{-~]|\n))"
    r"|(?P<emph>\*+|~~|(?<!\w)_+|_+(?!\w))"
    r"|(?P<bracket>!?\[))",
    re.DOTALL,
)
_BACKTICKS = re.compile(r"`+")
# A bold label that opens a list item or paragraph: "**Biometric unlock**: …", "**Note:** …".
_LEAD_LABEL = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,80}?)(?<=\S)\1(?:[ \t]*[:：—–]|(?<=[:：.]\*\*)|(?<=[:：.]__))")
# Characters without which _INLINE cannot match: most lines of prose have none of them.
_INLINE_HINT = re.compile(r"[<{\[\]\\*~_]|https?://|www\.")
_NEWLINE = re.compile("\n")
_NOT_NEWLINE = re.compile("[^\n]")


class Block(NamedTuple):
    """A run of inline prose: one paragraph, heading, table cell or definition term."""

    kind: str
    start: int
    end: int
    line: int
    """1-based line of its first character."""
    prose: str
    """``source[start:end]`` with all but readable prose blanked out (same length)."""
    visible: str
    """``source[start:end]`` with code, comments and HTML tags blanked out (URLs kept)."""
    label_end: int = 0
    """Length of a bold lead label ("**Biometric unlock**:") that opens the block, else 0:
    a label is a heading of its own, not the first words of the sentence after it."""
    quoted: bool = False
    """Inside a block quote (``> …``): often words quoted from elsewhere (a statute, a
    source), which the writer cannot reword."""


class Span(NamedTuple):
    """A non-prose piece a customer may still see or click: ``url``, ``link`` target, ``autolink``, ``shortcode``, ``code``."""

    kind: str
    start: int
    end: int
    text: str


@dataclass
class MarkdownSource:
    path: str
    source: str
    meta: dict
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)
    """Offset ranges of fenced/indented code blocks and inline code spans."""
    comments: list[tuple[int, str]] = field(default_factory=list)
    """HTML comments as (offset, text): where suppression directives live."""
    body_start: int = 0
    """Offset of the first character after the front matter."""
    line_starts: list[int] = field(default_factory=list)

    @cached_property
    def prose(self) -> str:
        """The whole source with all but readable prose blanked out (built on demand: the
        linter works on blocks, and a page may be megabytes of code)."""
        return self._assemble("prose")

    @cached_property
    def visible(self) -> str:
        """The whole source with code, comments, HTML tags and front matter blanked out."""
        return self._assemble("visible")

    def _assemble(self, field: str) -> str:
        parts, last = [], 0
        for block in sorted(self.blocks, key=lambda b: b.start):
            parts += [blank(self.source[last:block.start]), getattr(block, field)]
            last = block.end
        parts.append(blank(self.source[last:]))
        return "".join(parts)

    def prose_sample(self, chars: int = 4000) -> str:
        """The first ``chars`` or so characters of the page's prose (to tell its language)."""
        parts, size = [], 0
        for block in self.blocks:
            if size >= chars:
                break
            parts.append(block.prose)
            size += len(block.prose)
        return " ".join(parts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def parse(source: str, path: str = "<text>") -> MarkdownSource:
    """Parse Markdown ``source``; front-matter YAML errors raise InputError naming path and line."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict = {}
    body_start = 0
    match = FRONT_MATTER.match(source)
    if match:
        loaded = yamlsource.load(match.group(1), path, line_offset=1)
        meta = loaded if isinstance(loaded, dict) else {}
        body_start = match.end()
    elif source.startswith(("+++", "{")):
        other = OTHER_FRONT_MATTER.match(source)
        body_start = other.end() if other else 0
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
    doc = MarkdownSource(path, source, meta, body_start=body_start, line_starts=line_starts)
    # Blank the front matter but keep its lines, so token maps stay file-relative.
    body = "\n" * source.count("\n", 0, body_start) + source[body_start:]
    _Collector(doc).run(_PARSER.parse(body))
    return doc


def blank(text: str) -> str:
    """Spaces for every character of ``text`` but its newlines."""
    return _NOT_NEWLINE.sub(" ", text) if text.count("\n") < len(text) else text


class _Collector:
    def __init__(self, doc: MarkdownSource):
        self.doc = doc
        self.lines = doc.source.split("\n")
        self.cursor: dict[int, int] = {}
        self.quotes = 0
        """Depth of block quotes around the current token."""

    def run(self, tokens) -> None:
        kind = "paragraph"
        for token in tokens:
            if token.type == "blockquote_open":
                self.quotes += 1
            elif token.type == "blockquote_close":
                self.quotes -= 1
            elif token.type in _BLOCK_KINDS:
                kind = _BLOCK_KINDS[token.type]
            elif token.type == "inline" and token.map:
                self.inline(token.content, token.map[0], kind)
            elif token.type in ("fence", "code_block") and token.map:
                start, end = self.line_range(*token.map)
                self.doc.code.append((start, end))
            elif token.type == "html_block" and token.map:
                start, _ = self.line_range(*token.map)
                for m in re.finditer(r"<!--.*?-->", token.content, re.DOTALL):
                    self.doc.comments.append((start + m.start(), m.group(0)))

    def line_range(self, first: int, last: int) -> tuple[int, int]:
        starts = self.doc.line_starts
        end = starts[last] if last < len(starts) else len(self.doc.source)
        return starts[first], end

    def inline(self, content: str, first_line: int, kind: str) -> None:
        """Locate ``content`` in the source lines from ``first_line`` and copy its prose.

        Works line by line on slices (no per-character Python loop): this is the linter's
        hottest path after markdown-it itself.
        """
        starts: list[int] = []  # content offset where each line starts
        bases: list[int] = []   # source offset of the same character
        lengths: list[int] = []
        pos = 0
        for k, text in enumerate(content.split("\n")):
            line_no = first_line + k
            if line_no >= len(self.lines):
                return
            col = self.lines[line_no].find(text, self.cursor.get(line_no, 0))
            if col < 0:
                return  # cannot place it exactly: leave it out rather than report a wrong column
            self.cursor[line_no] = col + len(text)
            starts.append(pos)
            bases.append(self.doc.line_starts[line_no] + col)
            lengths.append(len(text))
            pos += len(text) + 1

        def to_source(i: int) -> int:
            k = bisect_right(starts, i) - 1
            return bases[k] + i - starts[k]

        if not content:
            return
        if kind == "paragraph" and content.startswith("|") and all(line.lstrip().startswith("|") for line in content.split("\n")):
            kind = "table"  # rows of a table without its header line: cells, not one long sentence
        prose, visible = self.scan(content, to_source)
        end = bases[-1] + lengths[-1]
        lines = len(starts) - 1
        label = _LEAD_LABEL.match(content) if content[0] in "*_" else None
        label_end = to_source(label.end() - 1) + 1 - bases[0] if label else 0
        if end - bases[0] == len(content) and prose.count("\n") == visible.count("\n") == lines:
            # The lines follow each other in the source with nothing in between: the text is the block's.
            self.doc.blocks.append(Block(kind, bases[0], end, first_line + 1, prose, visible, label_end, self.quotes > 0))
            return
        # The block's text keeps source offsets: between its lines goes the source's own
        # newline and indentation or container markers ("> ", "- "), blanked.
        prose_parts, visible_parts = [], []
        source = self.doc.source
        for k, (start, base, length) in enumerate(zip(starts, bases, lengths)):
            if k:
                gap = blank(source[bases[k - 1] + lengths[k - 1]:base])
                prose_parts.append(gap)
                visible_parts.append(gap)
            prose_parts.append(prose[start:start + length])
            visible_parts.append(visible[start:start + length])
        self.doc.blocks.append(Block(kind, bases[0], end, first_line + 1, "".join(prose_parts), "".join(visible_parts),
                                    label_end, self.quotes > 0))

    def scan(self, content: str, to_source) -> tuple[str, str]:
        """(prose, visible): ``content`` with markup blanked out (built from slices: this runs
        for every paragraph, heading and cell)."""
        if "`" not in content and not _INLINE_HINT.search(content):
            return content, content  # plain prose, the common line: nothing to blank
        searched = content
        if "`" in content:
            parts, last = [], 0
            for start, end in _code_spans(content):
                parts += [content[last:start], " " * (end - start)]
                last = end
                self.doc.code.append((to_source(start), to_source(end - 1) + 1))
            if parts:  # markup inside code is code: search with the code spans blanked
                searched = "".join(parts) + content[last:]
            if not _INLINE_HINT.search(searched):
                return searched, searched
        prose, visible, last = [], [], 0
        for m in _INLINE.finditer(searched):
            start, end = m.span()
            kind = m.lastgroup if m.lastgroup not in ("auto", "target") else next(
                k for k in ("autolink", "dest") if m.group(k) is not None)
            between = searched[last:start]
            blank = " " * (end - start)
            prose += [between, blank]  # prose: no markup at all
            visible.append(between)
            last = end
            if kind in _SEEN:  # emphasis markers, shortcodes and bare URLs are on the screen
                visible.append(m.group(0))
            elif kind == "autolink":  # <https://…>: the address is seen, its brackets are not
                visible.append(" " + searched[start + 1:end - 1] + " ")
            elif kind == "dest":  # ](target): the target is seen on hover, not in the text
                visible.append("  " + searched[start + 2:end - 1] + " ")
            else:  # comments, HTML tags, attribute lists, footnote and reference marks, escapes, brackets
                visible.append(blank)
            if kind == "comment":
                self.doc.comments.append((to_source(start), m.group(0)))
            elif kind in _SPANS:
                a, b = m.span(_SPANS[kind])
                if a < b:
                    self.doc.spans.append(Span(kind if kind != "dest" else "link", to_source(a), to_source(b - 1) + 1, content[a:b]))
        prose.append(searched[last:])
        visible.append(searched[last:])
        return "".join(prose), "".join(visible)


_SEEN = frozenset(("emph", "shortcode", "url"))
_SPANS = {"autolink": "auto", "shortcode": 0, "dest": "target", "url": 0}
"""Kinds of markup recorded as spans (kb_tools checks links and addresses in them) → the group that is the span."""


def _code_spans(text: str):
    """CommonMark code spans: a backtick run closed by the next run of the same length."""
    pos = 0
    while True:
        m = _BACKTICKS.search(text, pos)
        if not m:
            return
        if m.start() > 0 and text[m.start() - 1] == "\\":
            pos = m.end()
            continue
        run = len(m.group(0))
        closer = m.end()
        while True:
            c = _BACKTICKS.search(text, closer)
            if not c:
                pos = m.end()
                break
            if len(c.group(0)) == run:
                yield m.start(), c.end()
                pos = c.end()
                break
            closer = c.end()


_MAYBE_HIDDEN = re.compile(r"`|~~~|<|^(?: {4}|\t)", re.MULTILINE)
"""What code, comments or HTML need: without any of it, all of a page is visible."""


def visible_matches(pattern: re.Pattern, markdown: str) -> list[re.Match]:
    """Matches of ``pattern`` in what a reader sees: not in code, HTML comments or raw HTML."""
    if not pattern.search(markdown):
        return []
    if not _MAYBE_HIDDEN.search(markdown):  # the common page: skip parsing it
        return list(pattern.finditer(markdown))
    visible = parse(markdown).visible
    return [m for m in pattern.finditer(markdown) if not visible[m.start()].isspace()]


def sub_visible(pattern: re.Pattern, replace, markdown: str) -> str:
    """``pattern.sub(replace, markdown)`` for :func:`visible_matches` only; code and comments stay as written."""
    parts, last = [], 0
    for m in visible_matches(pattern, markdown):
        parts += [markdown[last:m.start()], replace(m)]
        last = m.end()
    return "".join(parts) + markdown[last:] if parts else markdown


def front_matter_line(text: str, key: str, value: str | None = None) -> int | None:
    """1-based line of ``key:`` in the front matter of the page ``text`` (YAML loaders keep no
    positions for list items) or, with ``value``, of the line under it that holds that value
    (a ``questions:`` entry, else the key's own line); None when the key is not there."""
    key_line = None
    for number, line in enumerate(text.split("\n")[1:], start=2):  # after the opening ---
        if line.strip() in ("---", "..."):
            break
        if line.startswith(f"{key}:"):
            key_line = number
            if value is None or value in line[len(key) + 1:]:
                return number
        elif key_line and value is not None and value in line:
            return number
    return key_line
