"""A sentence splitter for support prose in en, ru, hr, sl, he and fa.

It splits after ``. ! ? …``, Persian/Arabic ``؟`` and the full-width ``。！？`` that slip
into pages typed with a CJK keyboard, when whitespace follows, but not
after a known abbreviation or a single-letter initial (``т. е.``, ``npr.``, ``e.g.``).
Decimals such as ``74.2`` never split (no space follows the dot); URLs and e-mail
addresses are already blanked out of the prose text it receives.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "en": {"a.m", "approx", "apr", "art", "aug", "ca", "cf", "ch", "cl", "co", "corp", "d.o.o", "dec", "dept", "dr", "e.g", "est", "etc", "excl", "ext", "feb", "fig", "fri", "i.e", "inc", "incl", "jan", "jul", "jun", "ltd", "mar", "max", "min", "mon", "mr", "mrs", "ms", "no", "nov", "oct", "p.m", "para", "pp", "pt", "ref", "sat", "sec", "sep", "sept", "st", "sun", "tel", "thu", "tue", "vs", "wed"},
    "ru": {"абз", "авг", "вкл", "г", "гг", "гл", "д", "дек", "доб", "долл", "др", "ед", "и.о", "им", "искл", "кв", "коп", "корп", "макс", "мес", "мин", "мкр", "млн", "млрд", "моб", "наб", "напр", "нед", "нояб", "обл", "ок", "окт", "оф", "пер", "пл", "под", "подп", "пом", "пос", "пп", "пр", "прил", "прим", "просп", "разд", "ред", "рис", "руб", "сек", "сент", "см", "ст", "стр", "стт", "сут", "т.д", "т.е", "т.к", "т.н", "т.о", "т.п", "т.ч", "табл", "тел", "тыс", "ул", "февр", "физ", "шт", "эл", "эт", "юр", "янв"},
    "hr": {"al", "br", "d.d", "d.o.o", "dipl", "dr", "engl", "god", "gosp", "gđa", "gđica", "hrv", "ing", "itd", "kol", "kom", "lip", "lis", "maks", "mil", "min", "mj", "mlrd", "mn", "mr", "ned", "npr", "odj", "odn", "otpr", "ožu", "pet", "podst", "pogl", "pon", "pribl", "pril", "pro", "prof", "ruj", "sc", "sij", "sl", "sri", "srp", "str", "stu", "sub", "sv", "svi", "tel", "tis", "tj", "toč", "tra", "tzv", "ul", "usp", "uto", "velj", "čet", "čl"},
    "sl": {"al", "avg", "ca", "cca", "d.d", "d.n.o", "d.o.o", "dipl", "dr", "faks", "ga", "gdč", "gl", "idr", "int", "inž", "ipd", "itd", "itn", "k.d", "mag", "maks", "min", "mio", "mrd", "ned", "npr", "odst", "okt", "oz", "pet", "pogl", "pon", "pribl", "prim", "prof", "s.p", "sob", "sre", "str", "t.i", "tel", "tj", "tor", "toč", "tč", "ul", "univ", "ur", "vklj", "zap", "čet", "čl", "št"},
    "he": {"גב", "וכו", "ח.פ", "טל", "מס", "ע.מ", "עמ", "פקס", "רח", "שד", "ת.ד", "ת.ז"},
    "fa": {"ب.ظ", "ج.ا.ا", "ر.ک", "ص.پ", "ق.ظ", "ق.م", "ن.ک", "ه.ش", "ه.ق", "ک.پ"},
}
# Abbreviations that usually close a list, and so often the sentence: before a capital
# letter they end it ("…, manage payments, etc. And the parts…").
SENTENCE_FINAL = {"etc", "itd", "itn", "ipd", "idr", "т.д", "т.п", "др", "וכו"}
_TERMINATOR = re.compile(r"[.!?…؟۔。！？]+[\"')\]»”’]*(?=\s)")
# Hebrew and Persian have no capitals to tell a sentence start by, and their abbreviations
# put a dot between single letters (ח.פ, ج.ا.ا): a full stop glued between two words of two
# letters or more is a missing space ("הרציפה.הסמן"), so it ends a sentence too.
_TERMINATOR_RTL = re.compile(_TERMINATOR.pattern + r"|(?<=[\u05d0-\u05ea\u0620-\u06ff]{2})[.!?؟](?=[\u05d0-\u05ea\u0620-\u06ff]{2})")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_LETTER = re.compile(r"\s+(?:\d+\.\s+)*([^\W\d_])")


def split(text: str, lang: str = "en", start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    abbreviations = ABBREVIATIONS.get(lang, set()) | ABBREVIATIONS["en"] if lang != "en" else ABBREVIATIONS["en"]
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for m in (_TERMINATOR_RTL if lang in ("he", "fa") else _TERMINATOR).finditer(text, start, end):
        if m.group(0).startswith(".") and _is_abbreviation(text, sentence_start, m.start(), abbreviations):
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = m.end()
    spans.append((sentence_start, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def _is_abbreviation(text: str, floor: int, dot: int, abbreviations) -> bool:
    # Searched in the last 64 characters only: "[\w.]+$" is tried at every position it
    # is searched from, and a longer run than that is no abbreviation or initial anyway.
    m = _WORD_BEFORE.search(text, max(floor, dot - 64), dot)
    if not m:
        return False
    if m.group(1).isdigit():
        following = _NEXT_LETTER.match(text, dot + 1)
        if following and following.group(1).islower():
            return True  # an ordinal, as Croatian and Slovenian write them: "5. člen", "3. ožujka 2024."
    word = m.group(1).lower()
    if word in SENTENCE_FINAL:
        following = _NEXT_LETTER.match(text, dot + 1)
        return not (following and following.group(1).isupper())
    if len(word.rstrip(".")) == 1 and word[0].isalpha():
        # An initial ("J. Smith"), unless it is a case ending after a hyphen: "GPS-a.", "SMS-u."
        return m.start() == 0 or text[m.start() - 1] not in "-‑"
    return word in abbreviations


def _trim(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


WORD = re.compile(r"\w+(?:['\-\u200c]\w+)*")
"""A word: letters and digits, joined by an apostrophe, a hyphen or a Persian zero-width
non-joiner (U+200C: می‌شود, درخواست‌ها are one word each, as a reader counts them)."""


def words(text: str) -> list[str]:
    return WORD.findall(text)
