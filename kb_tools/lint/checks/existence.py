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
              (the sentence and the one after it), ``around`` (the sentences before and
              after it too) or ``paragraph`` (the whole block).
  mild        regular expressions; a match whose words match one in full is reported as
              ``info``, not at the rule's severity: wording that is formal but ordinary in
              written documentation ("является", "in accordance with" a standard), or a
              stated limit ("It is not possible to…") rather than a refusal ("We can't…").
              Writers see it as a suggestion; it does not fail a build.
  mild_unless regular expressions searched in the match's sentence; when one is found, a
              mild match keeps the rule's severity: "It is not possible to cancel your
              order" refuses a customer's request, "It is not possible to select several
              folders" states what the product does.
  anchor_links
              false (default) or true: true skips a match inside the text of a link to a
              place on the same page ("[пункте 3.1](#31-download)"): a step of this guide,
              not a clause of a document.
  blocks      the block kinds searched (default all): ``paragraph``, ``heading``,
              ``table``, ``term``. A heading names a topic ("What is not possible
              without port forwarding?"); it does not refuse anything.
  ignorecase  true (default); false makes tokens and patterns case-sensitive.
  quoted      false (default) skips a match inside double quotes of any style: a
              phrase quoted is mentioned, not used ('Avoid "pursuant to"').
  fixes       phrase → replacement, for the phrases whose everyday equivalent can
              replace them word for word ("prior to" → "before"). The finding carries it
              as its ``fix`` (``kb lint --fix`` applies it) and the message may say
              ``{replacement}``. Only fixed phrases: a ``*`` stem matches inflected
              forms, and one replacement cannot agree with every case and number.

The tokens compile into one trie-shaped pattern (kb_tools.lint.phrases); it and each
pattern are tried only where their required literals occur (kb_tools.lint.prefilter).
"""

from __future__ import annotations

import re

from kb_tools.errors import InputError
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.language import normalize
from kb_tools.lint.phrases import trie_regex
from kb_tools.lint.prefilter import MISSING, REQUIREMENTS, Unit, required_literals

def compile_pattern(source: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise InputError(where, None, f"invalid regular expression {source!r}: {exc}") from None


# The rest of a link's text, then a target on the same page: "…](#31-download)".
ANCHOR_LINK_TEXT = re.compile(r"[^\[\]\n]{0,80}\]\(#")


class Existence(Check):
    name = "existence"
    options = ("tokens", "patterns", "exceptions", "exception_scope", "quoted", "ignorecase", "fixes", "mild", "mild_unless", "blocks", "anchor_links")
    SCOPES = ("sentence", "next", "around", "paragraph")
    BLOCKS = ("paragraph", "heading", "table", "term")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        tokens = self._strings(options, "tokens")
        sources = [trie_regex(tokens)] if tokens else []
        sources += [f"(?:{normalize(p)[0]})" for p in self._strings(options, "patterns")]
        if not sources:
            raise InputError(where, None, f"check '{self.name}' needs 'tokens' or 'patterns'")
        flags = re.IGNORECASE if options.get("ignorecase", True) else 0
        # Each part (the phrase trie, each pattern) is searched on its own, only where its
        # required literals occur (kb_tools.lint.prefilter); the parts' matches are merged.
        self.units = [self._unit(source, flags) for source in sources]
        self.exceptions = [compile_pattern(normalize(p)[0], where) for p in self._strings(options, "exceptions")]
        self.scope = self.choice(options, "exception_scope", self.SCOPES, "sentence")
        self.check_quoted = bool(options.get("quoted", False))
        self.skip_anchor_links = bool(options.get("anchor_links", False))
        self.fixes = self._fixes(options.get("fixes") or {})
        self.mild = [compile_pattern(normalize(p)[0], where) for p in self._strings(options, "mild")]
        self.mild_unless = [compile_pattern(normalize(p)[0], where) for p in self._strings(options, "mild_unless")]
        self.blocks = self._strings(options, "blocks") or None
        for kind in self.blocks or ():
            if kind not in self.BLOCKS:
                raise InputError(where, None, f"'blocks' lists {kind!r}; it must be one of {', '.join(map(repr, self.BLOCKS))}")

    def _unit(self, source: str, flags: int) -> Unit:
        requirement = REQUIREMENTS.get(source, flags)
        if requirement is not MISSING:
            return Unit(source, flags, requirement)  # analysed before, so it compiles: that can wait for a hit
        pattern = compile_pattern(source, self.where, flags)
        requirement = required_literals(source, flags)
        REQUIREMENTS.put(source, flags, requirement)
        return Unit(source, flags, requirement, pattern)

    def _fixes(self, fixes) -> list[tuple[re.Pattern, str]]:
        """Each fixable phrase alone, in the tokens' own syntax, with its replacement."""
        if not isinstance(fixes, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in fixes.items()):
            raise InputError(self.where, None, "'fixes' must map phrases to their replacement text")
        for phrase in fixes:
            if "*" in phrase:
                raise InputError(self.where, None, f"fix for '{phrase}': a '*' stem matches inflected forms; "
                                                   "list the fixed phrases one by one")
        self.fix_phrases = dict(fixes)
        return [(compile_pattern(trie_regex([k]), self.where), v) for k, v in fixes.items()]

    def prepare(self) -> None:
        for unit in self.units:
            unit.pattern  # noqa: B018 (compiles it, once, before workers fork)

    def describe(self) -> str:
        if not self.fixes:
            return ""
        pairs = "; ".join(f"\"{k}\" → \"{v}\"" for k, v in self.fix_phrases.items())  # quoted: mentioned, not used
        return f"`kb lint --fix` replaces: {pairs}."

    def _strings(self, options: dict, key: str) -> list[str]:
        value = options.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(self.where, None, f"'{key}' must be a list of non-empty strings")
        return value

    def matches(self, ctx):
        """(block, match) pairs in text order, without overlaps (the longest match at a place wins)."""
        found = []
        text = ctx.text
        for unit in self.units:
            if unit.requirement is not None and unit.requirement.anchored and ctx.has_hits:
                for block, position in ctx.hit_positions(unit):
                    m = unit.pattern.match(text, position, block.end)
                    if m:
                        found.append((m.start(), -m.end(), block, m))
            else:
                for block in ctx.blocks_with_hits(unit):
                    found.extend((m.start(), -m.end(), block, m) for m in unit.pattern.finditer(text, block.start, block.end))
        found.sort(key=lambda f: (f[0], f[1]))
        last_end = -1
        for start, _, block, m in found:
            if start >= last_end and m.end() > start:
                last_end = m.end()
                yield block, m

    def run(self, ctx):
        for block, m in self.matches(ctx):
            if self.blocks and block.block.kind not in self.blocks:
                continue
            if not self.check_quoted and block.quoted(m.start(), m.end()):
                continue
            if self.exceptions:
                context = block.context_at(m.start(), self.scope)
                if any(e.search(context) for e in self.exceptions):
                    continue
            start, end = block.source_span(m.start(), m.end())
            if self.skip_anchor_links and ANCHOR_LINK_TEXT.match(ctx.doc.source, end):
                continue
            yield self.finding(ctx, start, end, m, ctx.prose_text(block, start, end), self._grade(block, m))

    def _grade(self, block, match: re.Match) -> Severity | None:
        """INFO for a mild match, unless its sentence shows the heavier reading (``mild_unless``);
        None keeps the rule's severity."""
        if not self.mild or not any(p.fullmatch(" ".join(match.group(0).split())) for p in self.mild):
            return None
        sentence = block.context_at(match.start()) if self.mild_unless else ""
        return None if any(p.search(sentence) for p in self.mild_unless) else Severity.INFO

    def finding(self, ctx, start: int, end: int, match: re.Match, text: str, severity: Severity | None = None) -> Finding:
        found = match.group(0)
        replacement = next((r for p, r in self.fixes if p.fullmatch(found)), None)
        if replacement and found[:1].isupper():
            replacement = replacement[0].upper() + replacement[1:]
        return Finding(start, end, {"match": text, "replacement": replacement or ""}, replacement, severity)
