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

from kb_tools.lint.language import in_script
from kb_tools.lint.sentences import WORD

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—،؛]|\s-\s")


class Shape(NamedTuple):
    words: int
    longest_clause: int
    clauses: int
    dense: int
    """Words that are nominalisations or passives."""

    def list_like(self, clause_words: int) -> bool:
        return self.clauses >= 3 and self.longest_clause <= clause_words


def shape(text: str, start: int, end: int, dense: re.Pattern | None) -> Shape:
    """The :class:`Shape` of the sentence ``text[start:end]``."""
    counts = [len(WORD.findall(part)) for part in _CLAUSE_BREAK.split(text[start:end])]
    counts = [c for c in counts if c] or [0]
    dense_words = len(dense.findall(text, start, end)) if dense is not None else 0
    return Shape(sum(counts), max(counts), len(counts), dense_words)


class NameFilter:
    """Which words of a sentence are names, labels, acronyms or codes rather than prose."""

    def __init__(self, lang: str, vocabulary=None):
        self.script = in_script(lang)
        self.cased = lang in ("en", "ru", "hr", "sl")
        self.vocabulary = vocabulary

    def plain_words(self, text: str, start: int, end: int) -> list[str]:
        """The words of ``text[start:end]`` (one sentence) that a readability formula should score."""
        found = []
        for i, m in enumerate(WORD.finditer(text, start, end)):
            word = m.group(0)
            if any(c.isdigit() for c in word):
                continue  # a number, a model name, an order code
            if self.script is not None and not self.script.fullmatch(word):
                continue  # another script: a product name or a quotation
            if self.cased and (word.isupper() and len(word) > 1 or i and not word.islower()):
                continue  # an acronym, or a capital inside the sentence: a name or a UI label
            if self.vocabulary is not None and self.vocabulary.accepts(word.lower()):
                continue
            found.append(word)
        return found
