"""The report as one self-contained HTML page: inline CSS and SVG, no script, no URL to any other file.

Editors open it from disk or from a CI artefact, so nothing may be fetched. Every text that
comes from a page (titles, paths, messages) is escaped; titles keep their language and,
for Hebrew and Persian, their right-to-left direction.
"""

from __future__ import annotations

from html import escape

from kb_tools import __version__
from kb_tools.report import charts
from kb_tools.report.collect import Page
from kb_tools.report.overview import Overview
from kb_tools.report.scoring import FORMULA_NAMES, HARD, UNSCORED, readability_rule

RTL = {"ar", "fa", "he", "ps", "ur", "yi"}

CSS = """
:root { color-scheme: light; --ink: #1a202c; --muted: #4a5568; --line: #e2e8f0; --panel: #f7fafc;
        --ok: #2b6cb0; --hard: #dd6b20; --error: #c53030; --warning: #b7791f; --info: #4a5568; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew",
       "Noto Naskh Arabic", Tahoma, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1160px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 20px 0 8px; }
.kb-lead { color: var(--muted); margin: 0; }
.kb-summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 20px 0 0; }
.kb-summary div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kb-summary dt { color: var(--muted); font-size: .85rem; }
.kb-summary dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
.kb-summary .kb-alert dd { color: var(--hard); }
.kb-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(380px, 100%), 1fr)); gap: 14px; margin: 0; }
.kb-charts figure { margin: 0; padding: 10px; border: 1px solid var(--line); border-radius: 8px; }
.kb-charts figcaption { font-size: .9rem; color: var(--muted); margin-bottom: 6px; }
.kb-charts figcaption strong { color: var(--ink); }
.kb-chart { display: block; width: 100%; height: auto; }
.kb-legend { list-style: none; display: flex; gap: 18px; padding: 0; margin: 0 0 12px; font-size: .9rem; }
.kb-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.kb-pages { list-style: none; padding: 0; margin: 0; }
.kb-page { border: 1px solid var(--line); border-left: 4px solid var(--hard); border-radius: 6px; padding: 10px 14px; margin: 0 0 10px; }
.kb-page h3 { margin: 0 0 2px; }
.kb-meta { color: var(--muted); font-size: .9rem; margin: 0 0 6px; }
.kb-findings { margin: 0; padding-left: 18px; font-size: .92rem; }
.kb-findings li { margin: 2px 0; }
.kb-sev { display: inline-block; min-width: 58px; font-size: .78rem; font-weight: 600; text-transform: uppercase; }
.kb-sev--error { color: var(--error); } .kb-sev--warning { color: var(--warning); } .kb-sev--info { color: var(--info); }
.kb-band { font-weight: 600; } .kb-band--hard { color: var(--hard); } .kb-band--ok { color: var(--ok); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); }
td.kb-num { text-align: end; font-variant-numeric: tabular-nums; }
code { font: .88em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 0 3px; border-radius: 3px; }
.kb-none { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: .88rem; }
"""


def render(overview: Overview) -> str:
    totals = overview.totals
    body = [
        "<header><h1>Readability report</h1>",
        f'<p class="kb-lead">{totals["pages"]} pages, {totals["articles"]} of them articles, '
        f"checked on {overview.today.isoformat()}. Scores use each language's formula and threshold from kb lint.</p>",
        "</header>", _summary(totals),
        '<section id="languages"><h2>Readability by language</h2>', charts.legend(), _language_charts(overview), "</section>",
        '<section id="categories"><h2>Readability by category</h2>', _category_charts(overview), "</section>",
        '<section id="worst"><h2>Pages to fix first</h2>', _worst(overview.worst), "</section>",
        '<section id="review"><h2>Review dates</h2>', _review(overview), "</section>",
        '<section id="questions"><h2>Articles without questions</h2>', _no_questions(overview.no_questions), "</section>",
        f"<footer>{_method(overview)}<p>Made by kb report {escape(__version__)}.</p></footer>",
    ]
    return ('<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Readability report, {overview.today.isoformat()}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>\n")


def _summary(totals: dict) -> str:
    findings = totals["findings"]
    items = [
        ("Articles", totals["articles"], False), ("Languages", totals["languages"], False),
        ("Scored articles", totals["ok_articles"] + totals["hard_articles"], False),
        ("Hard to read", totals["hard_articles"], True), ("Errors", findings["error"], True),
        ("Warnings", findings["warning"], True), ("Info notes", findings["info"], False),
        ("Past review date", totals["stale"], True), ("Bad review dates", totals["review_problems"], True),
        ("No review date", totals["no_review_date"], True), ("No questions", totals["no_questions"], True),
        ("Unreadable pages", totals["unreadable"], True),
    ]
    cells = "".join(f'<div class="{"kb-alert" if alert and n else ""}"><dt>{escape(label)}</dt><dd>{n}</dd></div>'
                    for label, n, alert in items)
    return f'<dl class="kb-summary">{cells}</dl>'


def _language_charts(overview: Overview) -> str:
    if not overview.languages:
        return '<p class="kb-none">No articles.</p>'
    figures = []
    for stats in overview.languages:
        side = "below" if stats.higher_is_easier else "above"
        scored = stats.articles - stats.bands[UNSCORED]
        facts = [f"{stats.articles} article{'s' if stats.articles != 1 else ''}, {scored} scored"]
        if stats.median is not None:
            facts.append(f"median {stats.median:g}")
        if stats.formula:
            facts.append(f"hard {side} {stats.threshold:g}")
        figures.append(f'<figure data-lang="{escape(stats.lang)}">'
                       f"<figcaption><strong>{escape(charts.language_name(stats.lang))}</strong> · "
                       f"{escape(' · '.join(facts))}</figcaption>{charts.histogram(stats, f'chart-lang-{escape(stats.lang)}')}</figure>")
    return f'<div class="kb-charts">{"".join(figures)}</div>'


def _category_charts(overview: Overview) -> str:
    if not overview.categories:
        return '<p class="kb-none">No articles.</p>'
    scale = max(sum(counts.values()) for c in overview.categories for counts in c.bands.values())
    figures = []
    for i, stats in enumerate(overview.categories):
        total = sum(sum(counts.values()) for counts in stats.bands.values())
        folder = f" <code>{escape(stats.key)}/</code>" if stats.key else ""
        figures.append(f'<figure data-category="{escape(stats.key or "")}">'
                       f"<figcaption><strong>{escape(stats.title)}</strong>{folder} · {total} article"
                       f"{'s' if total != 1 else ''}</figcaption>{charts.bands(stats, f'chart-category-{i}', scale)}</figure>")
    return f'<div class="kb-charts">{"".join(figures)}</div>'


def _worst(pages: list[Page]) -> str:
    if not pages:
        return '<p class="kb-none">Nothing to fix: no page has errors, warnings or a hard-to-read score.</p>'
    items = []
    for page in pages:
        counts = page.severity_counts()
        found = ", ".join(f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in counts.items() if n) or "no findings"
        findings = "".join(
            f'<li><span class="kb-sev kb-sev--{d.severity}">{d.severity}</span> line {d.line} <code>{escape(d.code)}</code> '
            f"{escape(' '.join(d.message.split()))}</li>" for d in page.diagnostics)
        items.append(
            f'<li class="kb-page" data-path="{escape(page.path)}"><h3>{_title(page)}</h3>'
            f'<p class="kb-meta"><code>{escape(page.path)}</code> · {escape(charts.language_name(page.lang))} · '
            f"{_score(page)} · {escape(found)}</p>"
            + (f'<ul class="kb-findings">{findings}</ul>' if findings else "") + "</li>")
    return f'<ol class="kb-pages">{"".join(items)}</ol>'


def _review(overview: Overview) -> str:
    parts = ["<h3>Past their review date</h3>"]
    parts.append(_table(("Page", "Language", "Review by", "Days overdue"),
                        [(_page_cell(p), escape(charts.language_name(p.lang)), p.review_by.value.isoformat(),
                          (str(p.days_overdue), "kb-num")) for p in overview.stale],
                        f"No page is past its review date on {overview.today.isoformat()}."))
    parts.append("<h3>Review dates that cannot be read</h3>")
    rows = [(f"<code>{escape(p.path)}:{date.line}</code>" if date.line else f"<code>{escape(p.path)}</code>", escape(date.problem))
            for p in overview.review_problems
            for date in sorted((d for d in (p.reviewed, p.review_by) if d.problem), key=lambda d: d.line or 0)]
    parts.append(_table(("Where", "Problem"), rows, "Every review date is a date."))
    parts.append("<h3>Articles without a review date</h3>")
    parts.append(_table(("Page", "Language"), [(_page_cell(p), escape(charts.language_name(p.lang))) for p in overview.no_review_date],
                        "Every article has a review_by date."))
    return "".join(parts)


def _no_questions(pages: list[Page]) -> str:
    return ("<p>Search finds an article by the other ways customers ask its question: its <code>questions:</code>.</p>"
            + _table(("Page", "Language", "Category"),
                     [(_page_cell(p), escape(charts.language_name(p.lang)), _category_cell(p)) for p in pages],
                     "Every article lists questions."))


def _method(overview: Overview) -> str:
    lines = []
    for stats in overview.languages:
        if not stats.formula:
            lines.append(f"<li>{escape(charts.language_name(stats.lang))}: no readability formula; pages are not scored.</li>")
            continue
        rule = readability_rule(stats.lang)
        side, easier = ("below", "higher") if stats.higher_is_easier else ("above", "lower")
        lines.append(f"<li>{escape(charts.language_name(stats.lang))}: {escape(FORMULA_NAMES[stats.formula])}, "
                     f"hard {side} {stats.threshold:g} ({easier} is easier), "
                     f"articles of {rule.check.min_words} words or more.</li>")
    return ("<h2>How pages are scored</h2><p>Each article's paragraphs and list items are scored together, with the "
            "formula and threshold of its language's hard-paragraph rule (KB202). Findings are those of kb lint.</p>"
            f"<ul>{''.join(lines)}</ul>")


def _table(headings: tuple[str, ...], rows: list[tuple], empty: str) -> str:
    if not rows:
        return f'<p class="kb-none">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f'<td class="{c[1]}">{c[0]}</td>' if isinstance(c, tuple) else f"<td>{c}</td>" for c in row)
                   + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _in_language(text: str, lang: str) -> str:
    """Text written in ``lang``: marked so browsers pick its fonts and, for Hebrew and Persian, its direction."""
    direction = ' dir="rtl"' if lang in RTL else ""
    return f'<span lang="{escape(lang)}"{direction}>{escape(text)}</span>'


def _title(page: Page) -> str:
    return _in_language(page.title, page.lang)


def _page_cell(page: Page) -> str:
    return f'{_title(page)}<br><code>{escape(page.path)}</code>'


def _category_cell(page: Page) -> str:
    return "" if page.category is None else _in_language(page.category_title, page.lang)


def _score(page: Page) -> str:
    score = page.score
    if score.value is None:
        return f'<span class="kb-band kb-band--unscored">not scored</span> ({escape(score.note)})'
    band = "hard to read" if score.band == HARD else "ok"
    return (f"{escape(FORMULA_NAMES[score.formula])} {score.value:g} "
            f'<span class="kb-band kb-band--{score.band}">{band}</span> (threshold {score.threshold:g})')
