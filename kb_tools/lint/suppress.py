"""Turning rules off where a writer means it (DESIGN §3.5).

In the page:  ``<!-- kb-lint disable KB101 -->`` … ``<!-- kb-lint enable -->``,
``<!-- kb-lint disable-next-line KB2 -->``, ``<!-- kb-lint disable-line KB2 -->`` (no codes = all).
In front matter: ``kb_lint: off`` or ``kb_lint: {ignore: [KB201]}``. Codes are prefixes.
A comment that starts with ``kb-lint`` but cannot be read is reported (KB002), never ignored silently.
"""

from __future__ import annotations

import re

from kb_tools.lint.select import parse_codes

_DIRECTIVE = re.compile(r"<!--\s*kb-lint\b(?P<body>.*?)-->", re.DOTALL)
_COMMANDS = ("disable", "enable", "disable-next-line", "disable-line")
INFINITY = 10**9


class Suppressions:
    def __init__(self):
        self.ranges: list[tuple[str, int, int]] = []
        """(code prefix, first line, last line) where the prefix is off; "KB" means every rule."""
        self.problems: list[tuple[int, int, str]] = []
        """(offset, end offset, message) of comments that could not be read."""

    def suppressed(self, code: str, line: int) -> bool:
        return any(code.startswith(prefix) and first <= line <= last for prefix, first, last in self.ranges)


def collect(doc, meta_key: str = "kb_lint") -> Suppressions:
    result = Suppressions()
    _from_front_matter(doc, meta_key, result)
    open_ranges: dict[str, int] = {}
    for offset, comment in sorted(doc.comments):
        m = _DIRECTIVE.fullmatch(comment.strip())
        if not m:
            continue
        words = m.group("body").split(None, 1)
        command = words[0] if words else ""
        line = doc.position(offset)[0]
        if command not in _COMMANDS:
            result.problems.append((offset, offset + len(comment), f"unknown kb-lint command '{command}'; use one of {', '.join(_COMMANDS)}"))
            continue
        try:
            codes = parse_codes(words[1] if len(words) > 1 else "", "kb-lint comment") or ("KB",)
        except ValueError as exc:
            result.problems.append((offset, offset + len(comment), str(exc)))
            continue
        end_line = doc.position(offset + len(comment))[0]
        if command == "disable":
            for code in codes:
                open_ranges.setdefault(code, line)
        elif command == "enable":
            closing = list(open_ranges) if codes == ("KB",) else [c for c in open_ranges if any(c.startswith(p) for p in codes)]
            for code in closing:
                result.ranges.append((code, open_ranges.pop(code), line))
        elif command == "disable-line":
            result.ranges.extend((code, line, end_line) for code in codes)
        else:
            target = _next_content_line(doc, end_line)
            result.ranges.extend((code, target, target) for code in codes)
    result.ranges.extend((code, first, INFINITY) for code, first in open_ranges.items())
    return result


def _from_front_matter(doc, key: str, result: Suppressions) -> None:
    setting = doc.meta.get(key) if doc.meta else None
    if setting is None:
        return
    line = doc.meta.line_of(key) if hasattr(doc.meta, "line_of") else 1
    offset = doc.line_starts[line - 1] if line - 1 < len(doc.line_starts) else 0
    if setting is False or setting == "off":
        result.ranges.append(("KB", 1, INFINITY))
        return
    if isinstance(setting, dict) and set(setting) <= {"ignore"}:
        try:
            result.ranges.extend((code, 1, INFINITY) for code in parse_codes(setting.get("ignore"), f"front matter '{key}'"))
        except ValueError as exc:
            result.problems.append((offset, offset + len(key), str(exc)))
        return
    result.problems.append((offset, offset + len(key), f"front matter '{key}' must be 'off' or {{ignore: [codes]}}"))


def _next_content_line(doc, line: int) -> int:
    lines = doc.source.split("\n")
    target = line + 1
    while target <= len(lines) and not lines[target - 1].strip():
        target += 1
    return target
