"""Small inline SVG charts: no script, no external file, readable without colour.

Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that say in words what it
shows; every bar carries its own ``<title>`` (a tooltip) and its number as text, so colour
is never the only cue. Colours: blue for "ok", orange for "hard", grey for "not scored"
(a pair that colour-blind readers tell apart).
"""

from __future__ import annotations

from html import escape

from kb_tools.report.overview import CategoryStats, LanguageStats
from kb_tools.report.scoring import FORMULA_NAMES, HARD, OK, UNSCORED
# One table of language names for the whole tool (it lives with the rules reference for now).
from kb_tools.rules_reference import LANGUAGE_NAMES

COLOURS = {OK: "#2b6cb0", HARD: "#dd6b20", UNSCORED: "#a0aec0"}
BAND_WORDS = {OK: "ok", HARD: "hard to read", UNSCORED: "not scored"}
_HARD_SHADE = "#fdebd9"
_INK, _MUTED = "#1a202c", "#4a5568"


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def histogram(stats: LanguageStats, chart_id: str) -> str:
    """Scored articles of one language by score, with the rule's threshold marked and its hard side shaded."""
    width, height = 360, 180
    left, right, top, bottom = 30, 12, 24, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    bins = stats.bins
    name = language_name(stats.lang)
    formula = FORMULA_NAMES.get(stats.formula, stats.formula or "")
    scored = sum(b.count for b in bins)
    direction = "higher is easier" if stats.higher_is_easier else "lower is easier"
    title = (f"{name}: {scored} of {stats.articles} articles scored with {formula}; "
             f"{stats.bands[HARD]} past the threshold {_number(stats.threshold)} ({direction})")
    parts = [_open(chart_id, width, height, title, "; ".join(
        f"{_number(b.low)} to {_number(b.high)}: {b.count} ({BAND_WORDS[b.band]})" for b in bins) or "no article long enough to score")]
    if not bins:
        parts.append(_text(width / 2, height / 2, "No article is long enough to score.", anchor="middle", fill=_MUTED))
        return "".join(parts) + "</svg>"
    step = plot_w / len(bins)
    tallest = max(b.count for b in bins) or 1
    threshold_index = next(i for i, b in enumerate(bins) if b.low == stats.threshold)
    threshold_x = left + threshold_index * step
    shade = (left, threshold_x) if stats.higher_is_easier else (threshold_x, left + plot_w)
    parts.append(f'<rect class="kb-chart__hard-side" x="{_f(shade[0])}" y="{top}" width="{_f(shade[1] - shade[0])}" '
                 f'height="{plot_h}" fill="{_HARD_SHADE}"/>')
    parts.append(_text(shade[0] + 4 if stats.higher_is_easier else shade[1] - 4, top + 12, "hard",
                       anchor="start" if stats.higher_is_easier else "end", fill="#9c4221", size=11))
    for i, b in enumerate(bins):
        x = left + i * step
        if b.count:
            bar_h = plot_h * b.count / tallest
            parts.append(
                f'<rect class="kb-bar kb-bar--{b.band}" data-count="{b.count}" x="{_f(x + 2)}" y="{_f(top + plot_h - bar_h)}" '
                f'width="{_f(step - 4)}" height="{_f(bar_h)}" fill="{COLOURS[b.band]}"><title>'
                f'{escape(f"{_number(b.low)}–{_number(b.high)}: {b.count} article" + ("s" if b.count != 1 else "") + f" ({BAND_WORDS[b.band]})")}'
                f'</title></rect>')
            parts.append(_text(x + step / 2, top + plot_h - bar_h - 3, str(b.count), anchor="middle", size=11))
    label_every = 1 if len(bins) <= 10 else 2
    for i in range(0, len(bins) + 1, label_every):
        edge = bins[i].low if i < len(bins) else bins[-1].high
        parts.append(_text(left + i * step, top + plot_h + 14, _number(edge), anchor="middle", size=10, fill=_MUTED))
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{_MUTED}"/>')
    parts.append(f'<line class="kb-chart__threshold" x1="{_f(threshold_x)}" y1="{top - 6}" x2="{_f(threshold_x)}" '
                 f'y2="{top + plot_h}" stroke="{_INK}" stroke-dasharray="4 3"/>')
    parts.append(_text(threshold_x, top - 9, f"threshold {_number(stats.threshold)}", anchor="middle", size=10))
    parts.append(_text(left + plot_w / 2, height - 6, f"{formula} ({direction})", anchor="middle", size=11, fill=_MUTED))
    return "".join(parts) + "</svg>"


def bands(stats: CategoryStats, chart_id: str, scale: int) -> str:
    """One stacked bar per language: the category's articles that are ok, hard and not scored.
    ``scale`` is the longest bar's article count, shared by every category so bars compare."""
    label_w, total_w, row_h, gap = 78, 34, 20, 6
    width = 360
    bar_w = width - label_w - total_w
    height = len(stats.bands) * (row_h + gap) + gap
    summary = "; ".join(f"{language_name(lang)}: " + ", ".join(f"{n} {BAND_WORDS[band]}" for band, n in counts.items() if n)
                        for lang, counts in stats.bands.items())
    total = sum(sum(c.values()) for c in stats.bands.values())
    parts = [_open(chart_id, width, height, f"{stats.title}: {total} article" + ("s" if total != 1 else "") + " by language",
                   summary)]
    per_article = bar_w / max(scale, 1)
    for row, (lang, counts) in enumerate(stats.bands.items()):
        y = gap + row * (row_h + gap)
        parts.append(_text(label_w - 6, y + row_h / 2 + 4, language_name(lang), anchor="end", size=12))
        x = label_w
        for band in (OK, HARD, UNSCORED):
            n = counts[band]
            if not n:
                continue
            w = n * per_article
            parts.append(f'<rect class="kb-segment kb-segment--{band}" data-count="{n}" x="{_f(x)}" y="{y}" width="{_f(w)}" '
                         f'height="{row_h}" fill="{COLOURS[band]}"><title>{escape(f"{language_name(lang)}: {n} {BAND_WORDS[band]}")}'
                         f'</title></rect>')
            if w >= 16:
                parts.append(_text(x + w / 2, y + row_h / 2 + 4, str(n), anchor="middle", size=11,
                                   fill="#ffffff" if band != UNSCORED else _INK))
            x += w
        if sum(1 for n in counts.values() if n) > 1:  # the row's total, when its segments are several
            parts.append(_text(x + 5, y + row_h / 2 + 4, str(sum(counts.values())), size=11, fill=_MUTED))
    return "".join(parts) + "</svg>"


def legend() -> str:
    """The colour key, as HTML (shown once above the charts)."""
    items = "".join(f'<li><span class="kb-swatch" style="background:{COLOURS[band]}"></span>{escape(BAND_WORDS[band])}</li>'
                    for band in (OK, HARD, UNSCORED))
    return f'<ul class="kb-legend" aria-label="Colour key">{items}</ul>'


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> str:
    return (f'<svg class="kb-chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="system-ui, sans-serif">'
            f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>')


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12, fill: str = _INK) -> str:
    return (f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" aria-hidden="true">'
            f'{escape(text)}</text>')


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _number(value) -> str:
    return f"{value:g}" if value is not None else "?"
