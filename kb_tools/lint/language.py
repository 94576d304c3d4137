"""Which language a page is in, and text normalisation that keeps a map back to source offsets.

Matching happens on normalised text (typographic quotes, soft hyphens, Persian ZWNJ and
letter variants, Hebrew niqqud and gershayim, Eastern digits, ё); every normalised
character remembers the source offset it came from, so findings keep exact columns.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
import unicodedata
from pathlib import PurePath

PACK_LANGUAGES = ("en", "ru", "hr", "sl", "he", "fa")
_LANG = re.compile(r"^[a-z]{2,3}$")

# One-to-one (or one-to-none) character folds applied before matching.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "\u05f3": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"', "\u05f4": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u00ad": "", "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u2060": "", "\ufeff": "",
    "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647",
    "\u0451": "\u0435", "\u0401": "\u0415",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits


def _drop_mark(ch: str) -> bool:
    """Hebrew niqqud and cantillation, Arabic harakat and tatweel: invisible to matching."""
    code = ord(ch)
    return 0x0591 <= code <= 0x05C7 and ch not in "\u05be\u05c0\u05c3\u05c6" or 0x064B <= code <= 0x065F or code in (0x0670, 0x0640)


_ONE_TO_ONE = str.maketrans({k: v for k, v in _FOLD.items() if len(v) == 1})
# Characters that change the text's length when normalised: deletions and combining marks.
_SPECIAL = re.compile("[" + "".join(re.escape(k) for k, v in _FOLD.items() if len(v) != 1)
                      + "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def normalize(text: str) -> tuple[str, "list[int] | range"]:
    """Return (normalised text, source offset of each normalised character plus one past the end).

    Most text only needs one-to-one folds: then ``str.translate`` does the work and the
    offsets are the identity (a ``range``). Only text with marks or invisible characters
    takes the slower path that rebuilds the offset table.
    """
    if not _SPECIAL.search(text):
        return text.translate(_ONE_TO_ONE), range(len(text) + 1)
    return _normalize_slow(text)


@lru_cache(maxsize=None)
def normalization_id() -> str:
    """A short fingerprint of the folding rules, for caches of normalised text."""
    data = repr((sorted(_FOLD.items()), _SPECIAL.pattern)).encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:10]


def normalize_words(words) -> list[str]:
    """``normalize`` for many short strings at once (a word list of 300,000 entries: 0.05 s, not 0.5 s)."""
    joined = "\n".join(words)
    if not _SPECIAL.search(joined):
        return joined.translate(_ONE_TO_ONE).split("\n")
    return [normalize(w)[0] for w in joined.split("\n")]


def _normalize_slow(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]) and not _drop_mark(text[j]):
            j += 1  # a base character with its combining marks composes as one cluster
        cluster = text[i:j]
        if len(cluster) > 1:
            cluster = unicodedata.normalize("NFC", cluster)
        for ch in cluster:
            if _drop_mark(ch):
                continue
            folded = _FOLD.get(ch, ch)
            out.extend(folded)
            index.extend([i] * len(folded))
        i = j
    index.append(n)
    return "".join(out), index


# The letters of each pack language's script: a word in another script is a quotation,
# a name or a code, not a word of the page's language.
SCRIPT_LETTERS = {
    "en": "A-Za-z", "hr": "A-Za-zČčĆćĐđŠšŽž", "sl": "A-Za-zČčŠšŽžĆćĐđ",
    "ru": "А-Яа-яЁё", "he": "\u05d0-\u05ea", "fa": "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc",
}


def in_script(lang: str) -> "re.Pattern | None":
    """A pattern matching words written wholly in ``lang``'s script (None when unknown)."""
    letters = SCRIPT_LETTERS.get(lang)
    return re.compile(f"[{letters}]+(?:['-][{letters}]+)*") if letters else None


def split_suffix(name: str, known) -> tuple[str, str | None]:
    """``refund.ru.md`` → (``refund.md``, ``ru``) when ``ru`` is in ``known`` (mkdocs-static-i18n's
    suffix layout); any other name → (name, None)."""
    stem, dot, ext = name.rpartition(".")
    base, _, lang = stem.rpartition(".")
    return (f"{base}.{ext}", lang) if dot and base and lang in known else (name, None)


def language_of(meta: dict, path: str, default: str | None = None, known=()) -> str:
    """DESIGN §3.2: front matter ``lang`` → path (``x.ru.md``, ``docs/ru/…``) → configured default → ``en``."""
    return stated_language(meta, path, default, known)[0] or "en"


_LOCALE_SUFFIX = re.compile(r"[._-]([a-z]{2,3})(?:[_-](r?[A-Z]{2}|[a-z]{2}|[A-Z][a-z]{3}))?$")
"""``.ru``, ``_pt_PT``, ``.pt-BR``, ``-sr-Latn`` and Android's ``-pt-rBR``."""
_OLD_CODES = {"iw": "he", "in": "id", "ji": "yi"}
"""Language codes that ISO 639 withdrew but Java and Android still write."""


def stated_language(meta: dict, path: str, default: str | None = None, known=()) -> tuple[str | None, str]:
    """(language, where it was stated): front matter, then the path, then ``default``.

    The path states a language with a locale marker: ``x.ru.md``, ``x.pt-BR.md``,
    ``x_pt_PT.md`` or a folder ``docs/ru/``, ``docs/pt-BR/``. A bare two-letter ending
    after ``_`` or ``-`` (``how_to.md``) is not one: it needs a region (``_pt_PT``)."""
    lang = meta.get("lang") if isinstance(meta, dict) else None
    if isinstance(lang, str) and lang.strip():
        return base_language(lang), "front matter"
    known = set(known) | set(PACK_LANGUAGES) | _identifiable()
    pure = PurePath(path)
    stem = pure.name.rsplit(".", 1)[0]
    m = _LOCALE_SUFFIX.search(stem)
    if m and base_language(m.group(1)) in known and (m.group(2) or stem[m.start()] == "."):
        return base_language(m.group(1)), "file name"
    for part in pure.parts[:-1]:
        base = base_language(part)
        if part in known or base in known and part != base and _LOCALE_SUFFIX.fullmatch("_" + part):
            return base, "folder"
    return (base_language(default), "configuration") if default else (None, "")


def page_language(meta: dict, path: str, prose: str, default: str | None = None, known=()) -> tuple[str, tuple | None]:
    """The language to lint a page in, and ``(stated, where, guessed)`` when its text plainly
    is another language than the one stated (the text wins: never apply English rules to
    text that is not English). With nothing stated, the text decides; failing that, ``en``."""
    from kb_tools.lint import language_id

    stated, where = stated_language(meta, path, default, known)
    if stated is None:
        return language_id.identify(prose).lang or "en", None
    guess = language_id.disagrees(prose, stated)
    if guess is None:
        return stated, None
    return guess.lang, (stated, where, guess.lang)


@lru_cache(maxsize=1)
def _identifiable() -> frozenset:
    from kb_tools.lint import language_id

    return frozenset(language_id.languages())


def base_language(tag: str) -> str:
    """``he_IL``, ``en-GB``, ``iw`` → ``he``, ``en``, ``he``: packs and folders use the primary subtag."""
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return _OLD_CODES.get(primary, primary)
