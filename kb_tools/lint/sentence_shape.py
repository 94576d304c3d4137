"""What makes a sentence or paragraph hard to read, beyond its length.

Length alone misjudges support prose both ways: "Go to Orders, pick the order, tap Change
address, type the new address and press Save." is 19 easy words, and a 30-word chain of
abstract nouns and passives is hard at any length. So the readability rules look at:

- **clauses**: a sentence is cut at commas, semicolons, colons, dashes and brackets. A
  sentence of three or more clauses, none longer than the pack's ``clause_words``, reads as
  a list of steps or items.
- **density**: the share of words that are nominalisations or passive forms, by a
  per-language pattern in the pack (``dense:``), for example ``-tion``/``-ment`` nouns and
  ``was …ed`` in English, ``-ние``/``-ость`` nouns and ``производится`` in Russian.
- **names**: product names, UI labels, acronyms, codes and words in another script are
  not what makes prose hard; the paragraph formulas do not score them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kb_tools.lint.sentences import WORD

_ITEM_BREAK = re.compile(r"[;؛]")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—،؛]|\s-\s")


class Shape(NamedTuple):
    words: int
    longest_clause: int
    clauses: int
    dense: int
    """Words that are nominalisations or passives."""
    items: int = 1
    """Parts between semicolons (؛ in Persian)."""

    def list_like(self, clause_words: int) -> bool:
        """Three or more short clauses, or three or more items between semicolons: a list
        written as one sentence ("measures: schools closed; shops open until 6; …")."""
        return self.clauses >= 3 and self.longest_clause <= clause_words or self.items >= 3


def shape(text: str, start: int, end: int, dense: re.Pattern | None) -> Shape:
    """The :class:`Shape` of the sentence ``text[start:end]``."""
    counts = [len(WORD.findall(part)) for part in _CLAUSE_BREAK.split(text[start:end])]
    counts = [c for c in counts if c] or [0]
    dense_words = len(dense.findall(text, start, end)) if dense is not None else 0
    items = len([part for part in _ITEM_BREAK.split(text[start:end]) if part.strip()])
    return Shape(sum(counts), max(counts), len(counts), dense_words, items)


class NameFilter:
    """Which words of a sentence are prose, not names, labels, acronyms or codes.

    A plain word is written wholly in the lower-case letters of the language's script:
    "Settings", "SSO", "Windows10" and a Latin product name in a Hebrew sentence are not.
    (The first word of a sentence is left out with the names; one word per sentence barely
    moves a formula.)"""

    def __init__(self, lang: str, vocabulary=None):
        letters = LOWER_LETTERS.get(lang)
        self.pattern = re.compile(rf"(?<![\w'’-])[{letters}]+(?:['’-][{letters}]+)*(?![\w'’-])") if letters else WORD
        self.vocabulary = vocabulary

    def plain_words(self, text: str, start: int, end: int) -> list[str]:
        """The words of ``text[start:end]`` (one sentence) that a readability formula should score."""
        found = self.pattern.findall(text, start, end)
        vocabulary = self.vocabulary
        if vocabulary is not None and (vocabulary.words or vocabulary.stems):
            found = [w for w in found if not vocabulary.accepts(w)]
        return found


LOWER_LETTERS = {
    "en": "a-z", "hr": "a-zčćđšž", "sl": "a-zčšžćđ", "ru": "а-яё",
    "he": "\u05d0-\u05ea", "fa": "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc",
}
"""Lower-case letters of each pack language's script (Hebrew and Persian have no case)."""
