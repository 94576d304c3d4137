"""``kb report --format json``: the report's numbers for dashboards. Version 1; keys may be
added, never renamed. Dates are ``YYYY-MM-DD``; a missing value is ``null``.

```
{"version": 1,
 "today": "2027-06-01",                       # the day review dates are compared with (--today)
 "summary": {"pages", "articles", "languages", "categories",
             "ok_articles", "hard_articles", "unscored_articles",
             "findings": {"error", "warning", "info"},   # over every page, as kb lint counts them
             "unreadable", "stale", "review_problems", "no_review_date", "no_questions"},
 "languages": [{"lang", "formula", "threshold", "higher_is_easier",   # formula: flesch | flesch_oborneva | lix | null
                "articles", "bands": {"ok", "hard", "unscored"}, "median",
                "bins": [{"low", "high", "count", "band"}]}],     # [low, high) when higher_is_easier, else (low, high]
 "categories": [{"category", "title", "languages": {LANG: {"ok", "hard", "unscored"}}}],  # category: folder or null
 "pages": [{"path", "lang", "kind", "category", "category_title", "title",   # kind: article | index | page
            "words", "sentences",
            "readability": {"band", "score", "formula", "threshold", "higher_is_easier", "note"},
            "findings": {"error", "warning", "info"}, "codes": {CODE: count},
            "diagnostics": [{"line", "column", "code", "slug", "severity", "message"}],
            "reviewed", "review_by", "review_problems": [{"line", "message"}],
            "stale", "days_overdue", "has_questions", "unreadable"}],
 "worst": [path, ...], "stale": [path, ...], "review_problems": [path, ...],
 "no_review_date": [path, ...], "no_questions": [path, ...]}
```
``pages`` holds every page in the order read; the lists at the end name pages by ``path``,
in the order the HTML report shows them.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from kb_tools.report.collect import Page
from kb_tools.report.overview import Overview

VERSION = 1


def render(overview: Overview) -> str:
    return json.dumps(data(overview), ensure_ascii=False, indent=1) + "\n"


def data(overview: Overview) -> dict:
    return {
        "version": VERSION,
        "today": overview.today.isoformat(),
        "summary": overview.totals,
        "languages": [asdict(s) for s in overview.languages],
        "categories": [{"category": c.key, "title": c.title, "languages": c.bands} for c in overview.categories],
        "pages": [_page(p) for p in overview.pages],
        "worst": _paths(overview.worst), "stale": _paths(overview.stale), "review_problems": _paths(overview.review_problems),
        "no_review_date": _paths(overview.no_review_date), "no_questions": _paths(overview.no_questions),
    }


def _page(page: Page) -> dict:
    score = page.score
    return {
        "path": page.path, "lang": page.lang, "kind": page.kind, "category": page.category,
        "category_title": page.category_title, "title": page.title, "words": page.words, "sentences": page.sentences,
        "readability": {"band": score.band, "score": score.value, "formula": score.formula, "threshold": score.threshold,
                        "higher_is_easier": score.higher_is_easier, "note": score.note or None},
        "findings": page.severity_counts(), "codes": page.code_counts(),
        "diagnostics": [{"line": d.line, "column": d.column, "code": d.code, "slug": d.slug, "severity": str(d.severity),
                         "message": d.message} for d in page.diagnostics],
        "reviewed": _day(page.reviewed.value), "review_by": _day(page.review_by.value),
        "review_problems": [{"line": d.line, "message": d.problem} for d in (page.reviewed, page.review_by) if d.problem],
        "stale": page.stale, "days_overdue": page.days_overdue, "has_questions": page.has_questions,
        "unreadable": page.unreadable,
    }


def _paths(pages: list[Page]) -> list[str]:
    return [p.path for p in pages]


def _day(value) -> str | None:
    return value.isoformat() if value else None
