"""A sentence splitter for support prose in en, ru, hr, sl, he and fa.

It splits after ``. ! ? …`` and Persian/Arabic ``؟`` when whitespace follows, but not
after a known abbreviation or a single-letter initial (``т. е.``, ``npr.``, ``e.g.``).
Decimals such as ``74.2`` never split (no space follows the dot); URLs and e-mail
addresses are already blanked out of the prose text it receives.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "en": {"e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "no", "approx", "incl", "min", "max", "dept", "st", "jan", "feb",
           "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"},
    "ru": {"т.е", "т.д", "т.п", "др", "пр", "см", "стр", "руб", "коп", "тыс", "млн", "млрд", "г", "гг", "ул", "д", "им", "напр", "т.к",
           "и.о", "мин", "макс", "прим", "тел", "доб"},
    "hr": {"npr", "itd", "tj", "sl", "tzv", "br", "str", "god", "ul", "dr", "mr", "sc", "mn", "pon", "uto", "sri", "čet", "pet", "sub",
           "ned", "tel", "kn", "min", "maks", "prof", "d.o.o", "d.d"},
    "sl": {"npr", "itd", "tj", "oz", "t.i", "ipd", "idr", "št", "str", "ul", "dr", "mag", "prim", "pon", "tor", "sre", "čet", "pet",
           "sob", "ned", "tel", "min", "maks", "d.o.o", "d.d", "gl"},
    "he": set(),
    "fa": set(),
}
_TERMINATOR = re.compile(r"[.!?…؟۔]+[\"')\]»”’]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split(text: str, lang: str = "en", start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    abbreviations = ABBREVIATIONS.get(lang, set()) | ABBREVIATIONS["en"] if lang != "en" else ABBREVIATIONS["en"]
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for m in _TERMINATOR.finditer(text, start, end):
        if m.group(0).startswith(".") and _is_abbreviation(text, sentence_start, m.start(), abbreviations):
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = m.end()
    spans.append((sentence_start, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def _is_abbreviation(text: str, floor: int, dot: int, abbreviations) -> bool:
    m = _WORD_BEFORE.search(text, floor, dot)
    if not m:
        return False
    word = m.group(1).lower()
    return len(word.rstrip(".")) == 1 and word[0].isalpha() or word in abbreviations


def _trim(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


WORD = re.compile(r"\w+(?:['\-]\w+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)
