"""``existence``: flag phrases. The workhorse of the wording rules.

Options:
  tokens      phrases matched as whole words, case-insensitively, after normalisation.
              Spaces match any run of white space; ``word*`` matches any ending, so one
              stem catches every inflected form (``данн* документ*``).
  patterns    regular expressions, for what a phrase list cannot say.
  exceptions  regular expressions; a match is dropped when its context matches one
              (hard negatives: the refusal that goes on to offer an alternative).
  exception_scope
              the context exceptions are searched in: ``sentence`` (default), ``next``
              (the sentence and the one after it) or ``paragraph`` (the whole block).
  ignorecase  true (default); false makes tokens and patterns case-sensitive.
  quoted      false (default) skips a match inside double quotes of any style: a
              phrase quoted is mentioned, not used ('Avoid "pursuant to"').

All tokens and patterns of a rule compile into one alternation, run once per block.
"""

from __future__ import annotations

import re

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.language import normalize
from kb_tools.lint.phrases import trie_regex

_BOUND_START = r"(?<!\w)"
_BOUND_END = r"(?!\w)"


def phrase_pattern(token: str) -> str:
    """A phrase from a pack → a regex source, normalised like the text it will meet."""
    words = []
    for word in normalize(token.strip())[0].split():
        if word.endswith("*") and len(word) > 1:
            words.append(re.escape(word[:-1]) + r"\w*")
        else:
            words.append(re.escape(word))
    return _BOUND_START + r"\s+".join(words) + (_BOUND_END if re.match(r"\w", token.strip()[-1:]) or token.strip().endswith("*") else "")


def compile_pattern(source: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise InputError(where, None, f"invalid regular expression {source!r}: {exc}") from None


class Existence(Check):
    name = "existence"
    options = ("tokens", "patterns", "exceptions", "exception_scope", "quoted", "ignorecase")
    SCOPES = ("sentence", "next", "paragraph")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        tokens = self._strings(options, "tokens")
        sources = [trie_regex(tokens)] if tokens else []
        sources += [f"(?:{normalize(p)[0]})" for p in self._strings(options, "patterns")]
        if not sources:
            raise InputError(where, None, f"check '{self.name}' needs 'tokens' or 'patterns'")
        flags = re.IGNORECASE if options.get("ignorecase", True) else 0
        self.pattern = compile_pattern("|".join(sources), where, flags)
        self.exceptions = [compile_pattern(normalize(p)[0], where) for p in self._strings(options, "exceptions")]
        self.scope = options.get("exception_scope", "sentence")
        if self.scope not in self.SCOPES:
            raise InputError(where, None, f"exception_scope must be one of {', '.join(self.SCOPES)}, not '{self.scope}'")
        self.check_quoted = bool(options.get("quoted", False))

    def _strings(self, options: dict, key: str) -> list[str]:
        value = options.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(self.where, None, f"'{key}' must be a list of non-empty strings")
        return value

    def run(self, ctx):
        for block in ctx.normalized_blocks():
            for m in self.pattern.finditer(ctx.text, block.start, block.end):
                if not self.check_quoted and block.quoted(m.start(), m.end()):
                    continue
                if self.exceptions:
                    context = block.context_at(m.start(), self.scope)
                    if any(e.search(context) for e in self.exceptions):
                        continue
                start, end = block.source_span(m.start(), m.end())
                yield self.finding(ctx, start, end, m)

    def finding(self, ctx, start: int, end: int, match: re.Match) -> Finding:
        return Finding(start, end, {"match": ctx.source_text(start, end)})
