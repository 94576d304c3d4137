"""Search normalisation and tokens: the Python half of a contract with ``assets/search-worker.js``.

The index is built here and queried in the browser, so both must turn text into the same
terms. Every step below has a one-line twin in the worker's ``normalize``/``tokenize``,
and ``tests/test_search_browser.py`` runs both on the same strings.

Folding: NFD, drop every non-spacing mark (Hebrew niqqud, Arabic harakat, Latin accents,
the diaeresis of ё), NFC; lower case; Arabic letter variants to Persian (ي ى→ی, ك→ک);
Persian and Arabic-Indic digits to ASCII; remove soft hyphens, zero-width characters
(Persian ZWNJ among them) and bidi marks; remove an apostrophe, geresh or gershayim
between two letters (don't, צה״ל). A term is then a run of letters and digits, so
«quotes», „quotes“ and punctuation never stick to a word; a hyphenated word is also one
term (``e-mail`` → ``e``, ``mail``, ``email``).
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {"ي": "ی", "ى": "ی", "ك": "ک"}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_REMOVED = {0x00AD: None, 0x2060: None, 0xFEFF: None} | {cp: None for cp in range(0x200B, 0x2010)}
_TABLE = str.maketrans(_LETTERS) | _DIGITS | _REMOVED
_JOINER = re.compile(r"(?<=[^\W\d_])['’ʼ\"״׳](?=[^\W\d_])")
_TERM = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


class _Marks(dict):
    """str.translate table deleting non-spacing marks (category Mn, the worker's ``\\p{Mn}``),
    filled in per character as text meets it."""

    def __missing__(self, cp: int):
        self[cp] = None if unicodedata.category(chr(cp)) == "Mn" else cp
        return self[cp]


_MARKS = _Marks()


def fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_MARKS)).lower().translate(_TABLE)
    else:
        text = text.lower()
    return _JOINER.sub("", text)


def tokens(text: str) -> list[str]:
    """The terms of ``text``, in order; a hyphenated word also as one word, after its parts
    (``e-mail`` gives ``e``, ``mail``, ``email``), since customers write it either way."""
    folded = fold(text)
    if "-" not in folded:
        return _TERM.findall(folded)
    found = []
    for m in _COMPOUND.finditer(folded):
        parts = _TERM.findall(m.group(0))
        found += parts + ["".join(parts)] if len(parts) > 1 else parts
    return found

