"""``kb lint --fix``: apply the replacements findings carry, where that is safe.

A finding's ``fix`` replaces its span. It is applied only in prose a reader sees: never
in front matter, code, HTML or a link target (checks do not report there, and this
module checks again, since a wrong edit is worse than none). A replacement that would
land inside a link's text or an autolink takes the whole link instead, so
``[help@x.example](mailto:help@x.example)`` becomes ``{{ contact.help-email }}`` and
not a link inside a link. Overlapping fixes: the first wins; the next run picks up the
rest. Applying the fixes again finds nothing more to fix.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from bisect import bisect_right
from typing import NamedTuple

from kb_tools.lint.diagnostic import Diagnostic
from kb_tools.markdown_source import MarkdownSource, parse


_LINE_END = re.compile(r"\r\n|\r|\n")


class Edit(NamedTuple):
    start: int
    end: int
    text: str
    diagnostic: Diagnostic


def plan(source: str, path: str, diagnostics: list[Diagnostic]) -> list[Edit]:
    """The edits to make in ``source`` for ``diagnostics`` of this file, in order, without overlaps."""
    doc = parse(source, path)  # works on the text with "\n" line ends; edits go back to the file's own
    physical = [0] + [m.end() for m in _LINE_END.finditer(source)]
    edits: list[Edit] = []
    for d in sorted((d for d in diagnostics if d.fix is not None and d.path == path), key=Diagnostic.sort_key):
        start, end = _offset(doc, d.line, d.column), _offset(doc, d.end_line, d.end_column)
        if start is None or end is None or end <= start:
            continue
        start, end = _whole_link(doc, start, end)
        if not _safe(doc, start, end):
            continue
        start, end = _physical(doc, physical, start), _physical(doc, physical, end)
        if edits and start < edits[-1].end:
            continue
        edits.append(Edit(start, end, d.fix, d))
    return edits


def _physical(doc: MarkdownSource, physical: list[int], offset: int) -> int:
    """The offset in the file as read (CRLF kept) of ``offset`` in the parsed text."""
    line = bisect_right(doc.line_starts, offset) - 1
    return physical[line] + offset - doc.line_starts[line]


def apply(source: str, edits: list[Edit]) -> str:
    parts, last = [], 0
    for edit in edits:
        parts += [source[last:edit.start], edit.text]
        last = edit.end
    parts.append(source[last:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def write(path: str, text: str) -> None:
    """Replace the file in one step, so an interrupted run never leaves half a page."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".kb-fix-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _offset(doc: MarkdownSource, line: int, column: int) -> int | None:
    if not 1 <= line <= len(doc.line_starts):
        return None
    return doc.line_starts[line - 1] + column - 1


def _whole_link(doc: MarkdownSource, start: int, end: int) -> tuple[int, int]:
    """Widen a span that is a whole autolink's or link's text to the whole link."""
    source = doc.source
    if source[start - 1:start] == "<" and source[end:end + 1] == ">":
        return start - 1, end + 1
    if source[start - 1:start] == "[" and source[end:end + 2] == "](":
        target = next((s for s in doc.spans if s.kind == "link" and s.start == end + 2), None)
        if target is not None and source[target.end:target.end + 1] == ")":
            return start - 1, target.end + 1
    return start, end


def _safe(doc: MarkdownSource, start: int, end: int) -> bool:
    """Only visible prose outside code, and not part of a link's text."""
    if start < doc.body_start or any(s < end and start < e for s, e in doc.code):
        return False
    block = next((b for b in doc.blocks if b.start <= start and end <= b.end), None)
    if block is None:
        return False
    inside = doc.source[start:end]
    if "[" in inside or "]" in inside:
        return inside.startswith("[") and inside.endswith(")")  # a whole link, from _whole_link
    before = doc.source[block.start:start]
    after = doc.source[end:block.end]
    # In a link's text: an unclosed "[" before and "](" after, with no "[" in between.
    opened = before.rfind("[") > before.rfind("]")
    closes = after.find("](")
    return not (opened and closes >= 0 and "[" not in after[:closes])
