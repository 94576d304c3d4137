"""GitHub Actions workflow commands: one ``::warning file=…,line=…::message`` per finding."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics, rules, files: int) -> str:
    lines = []
    for d in diagnostics:
        props = (f"file={_property(d.path)},line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column},"
                 f"title={_property(f'{d.code} {d.slug}')}")
        lines.append(f"::{_LEVEL[str(d.severity)]} {props}::{_data(f'{d.code} {d.message}')}")
    return "\n".join(lines) + ("\n" if lines else "")
