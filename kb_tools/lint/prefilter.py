"""Skip the blocks where a rule cannot match, before running its regular expression.

Wording rules are long case-insensitive alternations; Python's regex engine tries every
alternative at every word start, which made a language's seven rules cost seconds per
megabyte. But any match of a rule must contain some literal text (``pursuant``,
``сообщ``, ``סעיף``). So each rule's *required literals* are derived from its compiled
pattern (``re._parser``), all rules' literals of a language go into one case-folded trie
scanned once per page, and a rule's own pattern then runs only on the blocks where one of
its literals occurs. Rules whose patterns have no such literal run everywhere, as before.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple
from re import _constants as C  # noqa: N812 (the parser's node names)
from re import _parser

from kb_tools import user_cache

MIN_LITERAL = 2
PREFIX = 4
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


class Requirement(NamedTuple):
    literals: frozenset
    """Lower-case strings of which every match contains at least one."""
    anchored: bool
    """True when every match *starts* where one of the literals starts (so the pattern need
    only be tried there, with ``match``); False when the literal may sit anywhere in it."""


def required_literals(pattern: str, flags: int = 0) -> Requirement | None:
    """What every match of ``pattern`` must contain; None when nothing can be proved."""
    try:
        items = list(_parser.parse(pattern, flags))
    except re.error:
        return None
    prefixes = _best([_lead(items, PREFIX)])
    found = _requirement(items)
    # Anchored is cheaper per hit (one ``match`` where the literal starts) than running the
    # pattern over a block, but a lead of two or three letters ("at", "the") hits almost
    # every sentence: then a longer literal anywhere in the match is worth the block scan.
    if prefixes and (not found or min(map(len, prefixes)) >= min(4, *map(len, found))):
        return Requirement(frozenset(prefixes), True)
    return Requirement(frozenset(found), False) if found else None


def _best(candidates) -> set[str] | None:
    """The most selective requirement: longest shortest member, then fewest members."""
    good = [c for c in candidates if c and all(len(s) >= MIN_LITERAL or _rare_symbol(s) for s in c)]
    return {s.lower() for s in max(good, key=lambda c: (min(map(len, c)), -len(c)))} if good else None


def _rare_symbol(s: str) -> bool:
    """A lone § or ¶ is selective enough to filter on, unlike a lone letter."""
    return len(s) == 1 and not s.isalnum() and not s.isspace() and s not in ".,;:'\"-()"


def _requirement(items) -> set[str] | None:
    """Best of two proofs: a literal run every match contains, or the prefixes every match starts with."""
    return _best([_sequence(items), _lead(items, PREFIX)])


def _sequence(items) -> set[str] | None:
    """A literal run, or the requirement of one mandatory element, of a sequence."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def close_run():
        candidates.append({"".join(run)})
        run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        if op is C.SUBPATTERN:
            candidates.append(_requirement(list(av[3])))
        elif op is C.BRANCH:
            branches = [_requirement(list(b)) for b in av[1]]
            if all(branches):
                candidates.append(set().union(*branches))
        elif op in _REPEATS and av[0] >= 1:
            candidates.append(_requirement(list(av[2])))
        # AT, ASSERT, IN, ANY, optional repeats: no requirement, and they end a run
    close_run()
    return _best(candidates)


def _lead(items, k: int) -> set[str]:
    """Strings (up to ``k`` long) one of which starts every match; "" where nothing is known."""
    if k == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _lead(rest, k)
    if op is C.LITERAL:
        return {chr(av) + tail for tail in _lead(rest, k - 1)}
    if op is C.SUBPATTERN:
        return _lead(list(av[3]) + rest, k)
    if op is C.BRANCH:
        return set().union(*(_lead(list(b) + rest, k) for b in av[1]))
    if op is C.IN and len(av) <= 4 and all(o is C.LITERAL for o, _ in av):
        return {chr(c) + tail for _, c in av for tail in _lead(rest, k - 1)}
    if op in _REPEATS:
        inner = _lead(list(av[2]), k)
        return inner if av[0] >= 1 else inner | _lead(rest, k)
    return {""}


def literal_trie(literals) -> re.Pattern:
    """One regex finding any of ``literals`` in lower-case text, shaped as a trie (fast to scan)."""
    root: dict = {}
    for literal in literals:
        node = root
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(root))


class Unit:
    """A part of a rule, its regular expression and what its matches require; the prefilter's key.

    The expression compiles on first use: most pages never contain most units' literals."""

    __slots__ = ("source", "flags", "requirement", "_pattern")

    def __init__(self, source: str, flags: int, requirement: Requirement | None, pattern: re.Pattern | None = None):
        self.source = source
        self.flags = flags
        self.requirement = requirement
        self._pattern = pattern

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern


class RequirementStore:
    """``required_literals`` of the patterns analysed before, kept in the user's cache.

    Analysing a language's patterns with re's parser is a third of ``kb lint``'s start-up.
    The file's name carries the Python version and a fingerprint of this module, so a
    change to the parser or to the analysis is never answered from an old file. Only
    patterns that compiled are stored, so a pattern found here is known to be valid."""

    FORMAT = 1

    def __init__(self):
        fingerprint = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:10]
        self.name = f"prefilter-py{sys.version_info[0]}{sys.version_info[1]}-{fingerprint}-v{self.FORMAT}.json"
        self._known: dict | None = None
        self._dirty = False

    def get(self, source: str, flags: int):
        """The stored Requirement (or None: nothing provable), or MISSING."""
        if self._known is None:
            self._known = self._load()
        return self._known.get((source, flags), MISSING)

    def put(self, source: str, flags: int, requirement: Requirement | None) -> None:
        self.get(source, flags)  # loads the file first, so saving keeps its entries
        self._known[(source, flags)] = requirement
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        rows = [[source, flags, sorted(r.literals) if r else None, r.anchored if r else None]
                for (source, flags), r in self._known.items()]
        user_cache.write_text(self.name, json.dumps(rows, ensure_ascii=False))
        self._dirty = False

    def _load(self) -> dict:
        try:
            rows = json.loads(user_cache.read_text(self.name) or "[]")
            return {(source, flags): Requirement(frozenset(literals), anchored) if literals is not None else None
                    for source, flags, literals, anchored in rows}
        except (ValueError, TypeError):  # a damaged file is ignored, then rewritten
            return {}


MISSING = object()
REQUIREMENTS = RequirementStore()


class Prefilter:
    """Which rules can match in which part of a page, for one set of rules."""

    def __init__(self, requirements: dict):
        """``requirements`` maps a key (a Unit) to its Requirement, or None (always run)."""
        self.owners: dict[str, list] = {}
        for key, requirement in requirements.items():
            for literal in requirement.literals if requirement else ():
                self.owners.setdefault(literal, []).append(key)
        self.scanner = literal_trie(self.owners) if self.owners else None
        # A hit on "your" is also a hit on "you": each literal's owners include its prefixes' owners.
        self.owners_with_prefixes = {
            literal: [key for end in range(len(literal), 0, -1) for key in self.owners.get(literal[:end], ())]
            for literal in self.owners}

    def hits(self, text: str) -> dict:
        """key → sorted offsets in ``text`` where one of its literals starts."""
        found: dict = {}
        if self.scanner is None:
            return found
        folded = text.lower()
        if len(folded) != len(text):  # a rare letter whose lower case is longer: offsets would drift
            folded = "".join(ch.lower()[:1] or ch for ch in text)
        owners = self.owners_with_prefixes
        search = self.scanner.search
        m = search(folded)
        while m:
            # Literals overlap ("pursuant" holds "ursuant"): restart one character on.
            start = m.start()
            for key in owners[m.group(0)]:
                positions = found.get(key)
                if positions is None:
                    found[key] = [start]
                elif positions[-1] != start:
                    positions.append(start)
            m = search(folded, start + 1)
        return found
