"""``rare_words``: words most readers will not know, by wordfreq's frequency lists (shipped data, offline).

A word is rare when it is missing from the language's wordfreq list (``small`` keeps
words seen at least once per million; ``large`` goes a hundred times rarer). Names
(capitalised words in cased scripts), numbers, short words and the project's own
vocabulary (``kb/lint: vocabulary``) are skipped.

Options: ``wordlist`` (small or large), ``min_length`` (default 7); for languages whose
lists hold few inflected forms, ``ending_slack`` (a word is known when, less up to that
many final letters, it starts a known word: Slovenian "naročnino" ← "naročnina") and
``prefixes`` (letters that attach to the front, such as Hebrew ו ה ב ל מ ש כ).
"""

from __future__ import annotations

from functools import lru_cache

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.language import in_script, normalize_words
from kb_tools.lint.sentences import WORD

_WORDFREQ_LANG = {"hr": "sh"}  # wordfreq files Croatian under Serbo-Croatian


@lru_cache(maxsize=None)
def known_words(lang: str, wordlist: str) -> frozenset:
    import wordfreq  # imported here: loading its data is only worth it when the rule runs

    # The frequency buckets, not get_frequency_dict: only membership matters, and computing
    # 300,000 frequencies would double the load time.
    buckets = wordfreq.get_frequency_list(_WORDFREQ_LANG.get(lang, lang), wordlist=wordlist)
    return frozenset(normalize_words(word for bucket in buckets for word in bucket))


@lru_cache(maxsize=None)
def known_stems(lang: str, wordlist: str, slack: int) -> frozenset:
    """Every known word less 0..slack final letters (never shorter than 4 letters)."""
    return frozenset(w[:len(w) - k] for w in known_words(lang, wordlist) for k in range(slack + 1) if len(w) - k >= 4)


class RareWords(Check):
    name = "rare_words"
    options = ("wordlist", "min_length", "ending_slack", "prefixes")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.wordlist = options.get("wordlist", "small")
        if self.wordlist not in ("small", "large"):
            raise InputError(where, None, "'wordlist' must be 'small' or 'large'")
        self.min_length = int(options.get("min_length", 7))
        self.slack = int(options.get("ending_slack", 0))
        self.prefixes = str(options.get("prefixes", ""))
        self.script = in_script(lang)

    def is_known(self, word: str, known, stems) -> bool:
        candidates = [word]
        if self.prefixes:
            rest = word
            for _ in range(3):
                if rest[:1] and rest[0] in self.prefixes:
                    rest = rest[1:]
                    candidates.append(rest)
        for w in candidates:
            if w in known or any(w[:len(w) - k] in stems for k in range(self.slack + 1) if len(w) - k >= 4):
                return True
        return False

    def run(self, ctx):
        known = known_words(self.lang, self.wordlist)
        stems = known_stems(self.lang, self.wordlist, self.slack) if self.slack else frozenset()
        vocabulary = ctx.vocabulary
        text = ctx.text
        for block in ctx.normalized_blocks():
            if block.block.kind not in ("paragraph", "table", "term"):
                continue
            for m in WORD.finditer(text, block.start, block.end):
                word = m.group(0)
                if len(word) < self.min_length or not word.isalpha() or word[0].isupper():
                    continue
                if self.script and not self.script.fullmatch(word):
                    continue  # another script: a quotation, a name or a code
                lower = word.lower()
                if lower in vocabulary or self.is_known(lower, known, stems):
                    continue
                a, b = ctx.source_span(m.start(), m.end())
                yield Finding(a, b, {"match": ctx.source_text(a, b)})
