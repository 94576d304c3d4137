"""``rare_words``: words most readers will not know, by wordfreq's frequency lists (shipped data, offline).

A word is rare when it is missing from the language's wordfreq list (``small`` keeps
words seen at least once per million; ``large`` goes a hundred times rarer). Names
(capitalised words in cased scripts), numbers, short words and the project's own
vocabulary (``kb/lint: vocabulary``) are skipped.

Options: ``wordlist`` (small or large), ``min_length`` (default 7); for languages whose
lists hold few inflected forms, ``ending_slack`` (a word is known when, less up to that
many final letters, it starts a known word: Slovenian "naročnino" ← "naročnina");
``prefixes``, letters (Hebrew ו ה ב ל מ ש כ, as a string) or strings (Slavic negation
``[ne]``) that attach to the front; ``also_known``, languages whose common words are
accepted too (support texts in Croatian quote English interface labels); ``compounds``,
accept a word made of two known words (Persian writes compounds with a ZWNJ, which
normalisation removes: یک‌بارمصرف = یکبار + مصرف).

The project's ``vocabulary`` may end an entry in ``*`` to accept every form of a stem.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version

from kb_tools import user_cache
from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.language import in_script, normalization_id, normalize_words
from kb_tools.lint.sentences import WORD

_WORDFREQ_LANG = {"hr": "sh"}  # wordfreq files Croatian under Serbo-Croatian
_CACHE_FORMAT = 1


@lru_cache(maxsize=None)
def known_words(lang: str, wordlist: str) -> frozenset:
    """The language's word list, normalised. Kept in the user's cache folder as plain text
    after the first run: unpacking and normalising wordfreq's data takes half a second."""
    cache = _cache_name(lang, wordlist)
    cached = user_cache.read_text(cache)
    if cached is not None:
        return frozenset(cached.split("\n"))
    import wordfreq  # imported here: loading its data is only worth it when the rule runs

    # The frequency buckets, not get_frequency_dict: only membership matters.
    buckets = wordfreq.get_frequency_list(_WORDFREQ_LANG.get(lang, lang), wordlist=wordlist)
    words = normalize_words(word for bucket in buckets for word in bucket)
    user_cache.write_text(cache, "\n".join(words))
    return frozenset(words)


def _cache_name(lang: str, wordlist: str) -> str:
    # The name changes with wordfreq's version and with our normalisation, so a stale list is never read.
    return f"words-{lang}-{wordlist}-wordfreq{version('wordfreq')}-{normalization_id()}-v{_CACHE_FORMAT}.txt"


@lru_cache(maxsize=None)
def known_stems(lang: str, wordlist: str, slack: int) -> frozenset:
    """Every known word less 0..slack final letters (never shorter than 4 letters)."""
    return frozenset(w[:len(w) - k] for w in known_words(lang, wordlist) for k in range(slack + 1) if len(w) - k >= 4)


class RareWords(Check):
    name = "rare_words"
    options = ("wordlist", "min_length", "ending_slack", "prefixes", "also_known", "compounds")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.wordlist = options.get("wordlist", "small")
        if self.wordlist not in ("small", "large"):
            raise InputError(where, None, "'wordlist' must be 'small' or 'large'")
        self.min_length = int(options.get("min_length", 7))
        self.slack = int(options.get("ending_slack", 0))
        prefixes = options.get("prefixes", "")
        self.prefixes = tuple(prefixes) if isinstance(prefixes, (str, list)) else ()
        self.also_known = tuple(options.get("also_known") or ())
        self.compounds = bool(options.get("compounds", False))
        self.script = in_script(lang)

    def describe(self) -> str:
        extra = f", endings of up to {self.slack} letters ignored" if self.slack else ""
        extra += f", prefixes {' '.join(self.prefixes)} removed" if self.prefixes else ""
        extra += f", common words of {', '.join(self.also_known)} accepted" if self.also_known else ""
        extra += ", compounds of two known words accepted" if self.compounds else ""
        return f"Checks words of {self.min_length} letters or more against wordfreq's {self.wordlist} list{extra}."

    def prepare(self) -> None:
        known_words(self.lang, self.wordlist)
        for other in self.also_known:
            known_words(other, "small")
        if self.slack:
            known_stems(self.lang, self.wordlist, self.slack)

    def is_known(self, word: str, known, stems) -> bool:
        candidates = [word]
        rest = word
        for _ in range(3):  # up to three attached prefixes (Hebrew וּבְּ…)
            prefix = next((p for p in self.prefixes if rest.startswith(p) and len(rest) > len(p) + 2), None)
            if prefix is None:
                break
            rest = rest[len(prefix):]
            candidates.append(rest)
        known_here = lambda w: w in known or any(w[:len(w) - k] in stems for k in range(self.slack + 1) if len(w) - k >= 4)
        if any(known_here(w) for w in candidates):
            return True
        if any(word in known_words(other, "small") for other in self.also_known):
            return True
        return self.compounds and any(known_here(word[:i]) and known_here(word[i:]) for i in range(2, len(word) - 2))

    def run(self, ctx):
        known = known_words(self.lang, self.wordlist)
        stems = known_stems(self.lang, self.wordlist, self.slack) if self.slack else frozenset()
        vocabulary = ctx.vocabulary
        text = ctx.text
        # Decide once per distinct word of the page, then report only the rare ones' places.
        rare = {w for w in set(_LONG_WORD[self.min_length].findall(text)) if self._is_rare(w, known, stems, vocabulary)}
        if not rare:
            return
        for block in ctx.normalized_blocks():
            if block.block.kind not in ("paragraph", "table", "term"):
                continue
            for m in WORD.finditer(text, block.start, block.end):
                if m.group(0) in rare:
                    a, b = ctx.source_span(m.start(), m.end())
                    yield Finding(a, b, {"match": ctx.source_text(a, b)})

    def _is_rare(self, word: str, known, stems, vocabulary) -> bool:
        if not word.isalpha() or word[0].isupper():
            return False  # numbers, codes and names
        if self.script and not self.script.fullmatch(word):
            return False  # another script: a quotation, a name or a code
        lower = word.lower()
        return not vocabulary.accepts(lower) and not self.is_known(lower, known, stems)


class _LongWords(dict):
    """min_length → a pattern for words at least that long (built once per length)."""

    def __missing__(self, length: int):
        self[length] = re.compile(rf"\b\w{{{length},}}\b")
        return self[length]


_LONG_WORD = _LongWords()
