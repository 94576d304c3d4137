"""The JSON contract of DESIGN §3.1: one object, version 1. Fields may be added, never renamed."""

from __future__ import annotations

import json

from kb_tools.lint.formats import summary

VERSION = 1


def render(diagnostics, rules, files: int) -> str:
    items = []
    for d in diagnostics:
        item = {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
                "code": d.code, "slug": d.slug, "severity": str(d.severity), "message": d.message}
        if d.fix is not None:
            item["fix"] = d.fix
        items.append(item)
    return json.dumps({"version": VERSION, "diagnostics": items, "summary": summary(diagnostics, files)},
                      ensure_ascii=False, indent=1) + "\n"
