"""Renderers: each module has ``render(diagnostics, rules, files) -> str``; they never compute findings."""

from __future__ import annotations


def renderers() -> dict:
    from kb_tools.lint.formats import github, json, sarif, summary_markdown, text

    return {"text": text.render, "json": json.render, "github": github.render, "sarif": sarif.render,
            "summary": summary_markdown.render}


def summary(diagnostics, files: int) -> dict:
    counts = {"files": files, "error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[str(d.severity)] += 1
    return counts
