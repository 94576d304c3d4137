"""Readability measures per language, computed offline with documented formulas.

- English: Flesch reading ease, 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
  Syllables are counted with a rule-based counter (vowel groups with English silent-e and
  suffix rules), not textstat's, which downloads NLTK's cmudict at run time.
- Russian: Flesch–Oborneva, 206.835 − 1.3·(words/sentences) − 60.1·(syllables/words)
  (the constants textstat uses for ``ru``); a Russian syllable is a vowel letter, exactly.
- Croatian, Slovenian, Hebrew, Persian: LIX, words/sentences + 100·(long words/words),
  long = more than 6 letters. No Flesch constants have been calibrated for these
  languages; LIX needs none, which is why Vale and textstat offer it for any language.
"""

from __future__ import annotations

import re
from functools import lru_cache

_EN_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_RU_VOWELS = re.compile(r"[аеёиоуыэюя]")
_EN_SUBTRACT = re.compile(r"(?:[^aeiouy]e|[^aeiouy]es|[^aeiouy]ed)$")
_EN_ADD = re.compile(r"(?:[^aeiouy]le|ia|io[^n]|eo|ua|ism)$|^(?:re|pre|co)[aeiou]")


@lru_cache(maxsize=65536)
def english_syllables(word: str) -> int:
    word = word.lower()
    count = len(_EN_VOWEL_GROUPS.findall(word))
    if len(word) > 3 and _EN_SUBTRACT.search(word) and not word.endswith(("ted", "ded", "les", "ees", "ses", "zes", "ches", "shes", "ges", "ces", "xes")):
        count -= 1
    if _EN_ADD.search(word):
        count += 1
    return max(1, count)


@lru_cache(maxsize=65536)
def russian_syllables(word: str) -> int:
    return max(1, len(_RU_VOWELS.findall(word.lower())))


def flesch(words: list[str], sentences: int) -> float:
    syllables = sum(english_syllables(w) for w in words)
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * syllables / len(words)


def flesch_oborneva(words: list[str], sentences: int) -> float:
    syllables = sum(russian_syllables(w) for w in words)
    return 206.835 - 1.3 * len(words) / sentences - 60.1 * syllables / len(words)


def lix(words: list[str], sentences: int) -> float:
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


FORMULAS = {
    # name: (function, higher_is_easier)
    "flesch": (flesch, True),
    "flesch_oborneva": (flesch_oborneva, True),
    "lix": (lix, False),
}
