"""Light stemmers, as data: the index applies them in Python, the worker in JavaScript.

A full Snowball stemmer exists for English and Russian only, and would have to be written
twice (here and in the worker) and kept identical. These are *light* stemmers in the sense
of Savoy's work on Slavic and Semitic search: strip the longest known inflectional ending
(up to ``passes`` times), never leaving fewer than ``min`` letters; for Hebrew (ו/ה/ב/ל/…)
and Persian (می/نمی) prefixes see :meth:`Stemmer.variants`. They conflate the forms customers type
(доставка/доставки/доставкой, dostava/dostave/dostavom, refund/refunds/refunded); prefix
matching while typing covers the rest. Both sides fold the words first
(:func:`kb_tools.search.text.fold`), so the endings below are folded when loaded
(й becomes и, accents go).

Each suffix entry is ``[ending, replacement]`` or ``[ending, replacement, [endings that block it]]``.
"""

from __future__ import annotations

from functools import lru_cache

from kb_tools.search.text import fold

_RU_NOUN_ADJ = ["иями", "ями", "ами", "ией", "ием", "иям", "иях", "ого", "его", "ому", "ему", "ыми", "ими", "ая", "яя",
                "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ов", "ев",
                "ия", "ья", "ью", "ию", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"]
# Infinitive and imperative endings only: the short personal endings (-ат, -ет, -ут) are also
# the last letters of nouns (возврат, пакет, маршрут) and split them from their own cases.
_RU_VERB = ["иться", "ться", "ить", "ать", "ять", "еть", "ите"]
_HR = ["ama", "ima", "ega", "emu", "oga", "omu", "ima", "ati", "iti", "ete", "ite", "amo", "imo", "emo", "om", "em", "og",
       "oj", "ih", "im", "om", "ju", "a", "e", "i", "o", "u"]
_SL = ["ami", "ega", "emu", "ima", "ati", "iti", "ate", "ite", "amo", "imo", "ah", "eh", "ih", "om", "em", "am", "im", "ov",
       "ev", "a", "e", "i", "o", "u"]

RULES: dict[str, dict] = {
    "en": {"min": 3, "passes": 2, "prefixes": [],
           # shipping/shipped → ship, as ship: a doubled consonant before -ing/-ed is undoubled
           "suffixes": [[c + c + end, c] for c in "bdgmnprt" for end in ("ing", "ed")]
                       + [["ies", "y"], ["ied", "y"], ["ing", ""], ["ed", ""], ["s", "", ["ss", "us", "is"]], ["e", ""]]},
    "ru": {"min": 3, "passes": 1, "prefixes": [], "suffixes": [[s, ""] for s in _RU_VERB + _RU_NOUN_ADJ]},
    "hr": {"min": 3, "passes": 1, "prefixes": [], "suffixes": [[s, ""] for s in _HR]},
    "sl": {"min": 3, "passes": 1, "prefixes": [], "suffixes": [[s, ""] for s in _SL]},
    "he": {"min": 3, "passes": 1, "prefixes": ["ו", "ה", "ב", "ל", "מ", "ש", "כ"],  # stacked ones (וכש) strip one at a time
           "suffixes": [["ים", ""], ["ות", ""], ["ה", ""], ["ת", ""]]},
    "fa": {"min": 2, "passes": 1, "prefixes": ["نمی", "می"],
           "suffixes": [[s, ""] for s in ["هایی", "های", "ها", "ترین", "تر", "ات", "ان", "ای", "ید", "یم", "ند", "ام", "ی"]]},
}


@lru_cache(maxsize=None)
def rules_for(lang: str) -> dict:
    """The rules for ``lang`` folded and ordered as both sides apply them (longest first);
    this is what the index's manifest ships to the worker. A language without rules gets
    no stemming, only folding and prefix matching."""
    raw = RULES.get(lang.split("-")[0].lower(), {"min": 3, "passes": 0, "prefixes": [], "suffixes": []})
    prefixes = sorted({fold(p) for p in raw["prefixes"]}, key=lambda p: (-len(p), p))
    suffixes = {}
    for entry in raw["suffixes"]:
        ending = fold(entry[0])
        suffixes.setdefault(ending, [ending, fold(entry[1]), [fold(b) for b in (entry[2] if len(entry) > 2 else [])]])
    return {"min": raw["min"], "passes": raw["passes"], "prefixes": prefixes,
            "suffixes": sorted(suffixes.values(), key=lambda e: (-len(e[0]), e[0]))}


PREFIX_DECAY = 0.5
"""Each prefix stripped from a page's word halves the weight it is indexed with: משלוח is
indexed under לוח too (ש and מ can be prefixes), but a page that says לוח itself comes first."""


def prefix_variants(word: str, rules: dict) -> list[str]:
    """``word`` and the words left by stripping known prefixes one at a time
    (והמשלוח → המשלוח → משלוח → …), as long as ``min`` letters stay.

    A prefix letter can also be a root letter (the מ of משלוח), so no single stripped
    form is right: the index keeps every variant of a page's words (with less weight the
    more it strips), and a query tries the word as typed first and a stripped variant only
    when that finds nothing."""
    found = [word]
    least = rules["min"]
    while len(found) <= 3:  # at most three stacked prefixes (וכש)
        for prefix in rules["prefixes"]:
            if word.startswith(prefix) and len(word) - len(prefix) >= least:
                word = word[len(prefix):]
                found.append(word)
                break
        else:
            break
    return found


def stem_with(word: str, rules: dict) -> str:
    """``word`` without its inflectional ending(s), by ``rules`` (:func:`rules_for`)."""
    least = rules["min"]
    for _ in range(rules["passes"]):
        for ending, replacement, blocked in rules["suffixes"]:
            if (word.endswith(ending) and len(word) - len(ending) + len(replacement) >= least
                    and not any(word.endswith(b) for b in blocked)):
                word = word[:len(word) - len(ending)] + replacement
                break
        else:
            break
    return word


class Stemmer:
    def __init__(self, lang: str):
        self.rules = rules_for(lang)
        self._cache: dict[str, str] = {}

    def variants(self, word: str) -> list[str]:
        return prefix_variants(word, self.rules)

    def stem(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = stem_with(word, self.rules)
        return cached

    def index_terms(self, word: str) -> list[tuple[str, float]]:
        """(term, weight) pairs a page's ``word`` is indexed under: the stem of each prefix
        variant, weighed down by PREFIX_DECAY per stripped prefix."""
        if not self.rules["prefixes"]:
            return [(self.stem(word), 1.0)]
        found: dict[str, float] = {}
        for stripped, variant in enumerate(self.variants(word)):
            found.setdefault(self.stem(variant), PREFIX_DECAY ** stripped)
        return list(found.items())
