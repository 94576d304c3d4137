"""``substitution``: flag a phrase that has a plainer equivalent, and offer it as the fix.

Options: ``swap`` maps a phrase (same syntax as ``existence`` tokens) to its replacement;
``exceptions`` as in ``existence``. The message may use ``{match}`` and ``{replacement}``.
"""

from __future__ import annotations

import re

from kb_tools.errors import InputError
from kb_tools.lint.checks import Finding
from kb_tools.lint.checks.existence import Existence, compile_pattern
from kb_tools.lint.phrases import trie_regex


class Substitution(Existence):
    name = "substitution"
    options = ("swap", "exceptions", "quoted")

    def __init__(self, options: dict, lang: str, where: str):
        swap = options.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise InputError(where, None, "check 'substitution' needs a 'swap' mapping of phrase → replacement")
        # Which phrase a match came from: each phrase alone, in the tokens' own syntax.
        self.replacements = [(compile_pattern(trie_regex([str(k)]), where), str(v)) for k, v in swap.items()]
        super().__init__({"tokens": [str(k) for k in swap], "exceptions": options.get("exceptions"),
                          "quoted": options.get("quoted", False)}, lang, where)

    def finding(self, ctx, start, end, match: re.Match, text: str) -> Finding:
        found = match.group(0)
        replacement = next((r for p, r in self.replacements if p.fullmatch(found)), "")
        if found[:1].isupper() and replacement:
            replacement = replacement[0].upper() + replacement[1:]
        return Finding(start, end, {"match": text, "replacement": replacement}, replacement or None)
