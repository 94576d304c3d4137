"""What the report shows, computed once from the page records; the HTML and JSON renderers only render it.

Score histograms have their bin edges on the language's threshold, so a bar is wholly
"ok" or wholly "hard": bins are ``[a, b)`` for Flesch (hard below the threshold) and
``(a, b]`` for LIX (hard above it), exactly as the rule compares.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kb_tools.report.collect import ARTICLE, Page
from kb_tools.report.scoring import HARD, OK, UNSCORED, readability_rule

BANDS = (OK, HARD, UNSCORED)
_BIN_WIDTH = {"flesch": 10, "flesch_oborneva": 10, "lix": 5}
"""Histogram bin widths: about a tenth of each formula's usual range."""


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    band: str


@dataclass
class LanguageStats:
    lang: str
    formula: str | None
    threshold: float | None
    higher_is_easier: bool | None
    articles: int = 0
    bands: dict = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    median: float | None = None
    bins: list[Bin] = field(default_factory=list)


@dataclass
class CategoryStats:
    key: str | None
    title: str
    bands: dict = field(default_factory=dict)
    """Language → {ok, hard, unscored} article counts."""


@dataclass
class Overview:
    today: date
    pages: list[Page]
    languages: list[LanguageStats]
    categories: list[CategoryStats]
    worst: list[Page]
    stale: list[Page]
    review_problems: list[Page]
    no_review_date: list[Page]
    no_questions: list[Page]
    totals: dict


def build(pages: list[Page], today: date, worst: int = 10) -> Overview:
    articles = [p for p in pages if p.kind == ARTICLE]
    stale = sorted((p for p in pages if p.stale), key=lambda p: (-p.days_overdue, p.path))
    problems = [p for p in pages if p.review_by.problem or p.reviewed.problem]
    no_date = [p for p in articles if not p.unreadable and p.review_by.value is None and not p.review_by.problem]
    no_questions = [p for p in articles if not p.unreadable and not p.has_questions]
    findings = {s: sum(p.severity_counts()[s] for p in pages) for s in ("error", "warning", "info")}
    totals = {
        "pages": len(pages), "articles": len(articles),
        "languages": len({p.lang for p in articles}), "categories": len({p.category for p in articles}),
        **{f"{band}_articles": sum(p.score.band == band for p in articles) for band in BANDS},
        "findings": findings, "unreadable": sum(p.unreadable for p in pages),
        "stale": len(stale), "review_problems": len(problems), "no_review_date": len(no_date),
        "no_questions": len(no_questions),
    }
    return Overview(today, pages, _languages(articles), _categories(articles), _worst(pages, worst), stale, problems,
                    no_date, no_questions, totals)


def _languages(articles: list[Page]) -> list[LanguageStats]:
    result = []
    for lang in _language_order(articles):
        mine = [p for p in articles if p.lang == lang]
        rule = readability_rule(lang)
        check = rule.check if rule else None
        stats = LanguageStats(lang, check and check.formula_name, check and check.threshold, check and check.higher_is_easier,
                              len(mine))
        for p in mine:
            stats.bands[p.score.band] += 1
        values = [p.score.value for p in mine if p.score.value is not None]
        if values and check:
            stats.median = round(statistics.median(values), 1)
            stats.bins = histogram(values, check.threshold, check.higher_is_easier, _BIN_WIDTH.get(check.formula_name, 10))
        result.append(stats)
    return result


def histogram(values: list[float], threshold: float, higher_is_easier: bool, width: float) -> list[Bin]:
    """Contiguous bins of ``width`` with an edge on ``threshold``; the range always shows the threshold."""
    if higher_is_easier:  # [t + kw, t + (k+1)w): hard when k < 0
        index = [math.floor((v - threshold) / width) for v in values]
    else:  # (t + kw, t + (k+1)w]: hard when k >= 0
        index = [math.ceil((v - threshold) / width) - 1 for v in values]
    first, last = min(index + [-1]), max(index + [0])
    counts = {k: index.count(k) for k in range(first, last + 1)}
    return [Bin(threshold + k * width, threshold + (k + 1) * width, n, HARD if (k < 0) == higher_is_easier else OK)
            for k, n in counts.items()]


def _categories(articles: list[Page]) -> list[CategoryStats]:
    result = []
    for key in sorted({p.category for p in articles}, key=lambda k: (k is None, k or "")):
        mine = [p for p in articles if p.category == key]
        languages = _language_order(mine)
        title = next(p.category_title for p in mine if p.lang == languages[0])  # in the category's main language
        stats = CategoryStats(key, title or "(no category)", {lang: dict.fromkeys(BANDS, 0) for lang in languages})
        for p in mine:
            stats.bands[p.lang][p.score.band] += 1
        result.append(stats)
    return result


def _worst(pages: list[Page], limit: int) -> list[Page]:
    """Pages with errors, warnings or a hard score: errors first, then warnings (a hard score
    counts as one), then the furthest past the threshold."""
    def key(p: Page):
        counts = p.severity_counts()
        return -counts["error"], -(counts["warning"] + (p.score.band == HARD)), p.score.ease(), p.path

    candidates = [p for p in pages if p.score.band == HARD or p.severity_counts()["error"] or p.severity_counts()["warning"]]
    return sorted(candidates, key=key)[:limit]


def _language_order(pages: list[Page]) -> list[str]:
    """The pages' languages, the one with most pages first (the site's main language), then by code."""
    counts = Counter(p.lang for p in pages)
    return sorted(counts, key=lambda lang: (-counts[lang], lang))
