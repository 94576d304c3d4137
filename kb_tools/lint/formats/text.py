"""``path:line:col: CODE [severity] message`` lines (the shape editors and grep understand), then a summary."""

from __future__ import annotations

from kb_tools.lint.formats import summary


def render(diagnostics, rules, files: int) -> str:
    lines = []
    for d in diagnostics:
        message = " ".join(d.message.split())  # one finding, one line: grep and editors rely on it
        line = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {message}"
        if d.fix:
            line += f" (fix: {d.fix!r})"
        lines.append(line)
    counts = summary(diagnostics, files)
    found = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in ("error", "warning", "info") if counts[k])
    lines.append(f"{files} file{'s' if files != 1 else ''} checked: {found or 'no findings'}.")
    return "\n".join(lines) + "\n"
