"""The browser's ranking, in Python: what a customer typing ``query`` sees first.

This is the Python twin of ``search()`` in ``assets/search-worker.js``, over the same
files (:func:`kb_tools.search.index.build`): the same folding, prefix variants, stemming,
prefix matching while typing, typo tolerance, and order. ``kb search``, the findability
check (KB401) and the contact page's suggestions use it, so what they report is what the
site shows; ``tests/test_search_browser.py`` runs both on the same queries and compares.

Order: pages that match more of the query's words first, then by summed score, then by
page number (the index's URL order).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import NamedTuple

from kb_tools.search.stemming import prefix_variants, stem_with
from kb_tools.search.text import tokens

PREFIX_FACTOR = 0.6
"""A term the last, still-typed word only starts weighs this much of an exact match."""
TYPO_FACTOR = (1.0, 0.7, 0.4)
"""A term reached by a typo of edit distance 0, 1, 2 weighs this much of an exact match."""


class Hit(NamedTuple):
    doc: int
    url: str
    title: str
    score: float
    words: int
    """How many of the query's words the page matched."""


class Results(NamedTuple):
    total: int
    """Every page that matched at least one word; ``hits`` is the first ``max_results`` of them."""
    hits: list[Hit]
    words: list[str]


def typo_distance(word: str, limits: Mapping[str, int]) -> int:
    """Edits allowed for a word of this length: none for short words, one from
    ``limits['one']`` letters, two from ``limits['two']``."""
    if len(word) >= limits["two"]:
        return 2
    return 1 if len(word) >= limits["one"] else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap two neighbours),
    or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Searcher:
    """Queries over one language's index files (file name → bytes, as written to ``search/<lang>/``)."""

    def __init__(self, files: Mapping[str, bytes]):
        self.files = files
        self.manifest = json.loads(files["manifest.json"])
        self.rules = self.manifest["stemmer"]
        # Longest first: a term lives in the shard of the longest key that starts it.
        self.keys = sorted(self.manifest["shards"], key=len, reverse=True)
        self._loaded: dict[str, dict] = {}
        self._docs: dict[int, list] = {}

    def _load(self, name: str):
        if name not in self._loaded:
            self._loaded[name] = json.loads(self.files[name])
        return self._loaded[name]

    def shard_for(self, term: str) -> str | None:
        key = next((k for k in self.keys if term.startswith(k)), None)
        return None if key is None else self.manifest["shards"][key]

    def shards_under(self, prefix: str, limit: int) -> list[str] | None:
        """Shards that may hold terms starting with ``prefix``: at most ``limit``, or None if more."""
        names = {}
        own = self.shard_for(prefix)
        if own:
            names[own] = True
        for key in self.keys:
            if len(key) > len(prefix) and key.startswith(prefix):
                names[self.manifest["shards"][key]] = True
                if len(names) > limit:
                    return None
        return list(names)

    def _shard(self, name: str | None) -> dict:
        return self._load(name) if name else {}

    def word_scores(self, word: str, typing: bool) -> dict[int, float]:
        """doc → best score of one query word (see the worker's ``wordScores``)."""
        scores: dict[int, float] = {}

        def add(flat: list[int], factor: float) -> None:
            doc = 0
            for i in range(0, len(flat), 2):
                doc += flat[i]
                value = flat[i + 1] * factor
                if value > scores.get(doc, 0):
                    scores[doc] = value

        forms = prefix_variants(word, self.rules)
        for form in forms:
            term = stem_with(form, self.rules)
            name = self.shard_for(term)
            shard = self._shard(name)
            if term in shard:
                add(shard[term], 1)
            if typing and len(form) >= self.manifest["prefix_min"]:
                names = self.shards_under(form, 4) or ([name] if name else [])
                for other in names:
                    for candidate, flat in self._load(other).items():
                        if candidate != term and candidate.startswith(form):
                            add(flat, PREFIX_FACTOR)
            if scores:
                return scores
        # Nothing found as typed: a typo? Nearest terms that share the first letter.
        term = stem_with(forms[0], self.rules)
        limits = self.manifest["typo"]
        allowed = typo_distance(term, limits)
        if not allowed:
            return scores
        names = (self.shards_under(term[:1], limits["shards"]) or self.shards_under(term[:2], limits["shards"])
                 or [n for n in [self.shard_for(term)] if n])
        nearest, found = allowed + 1, []
        for name in names:
            for candidate, flat in self._load(name).items():
                distance = edit_distance(term, candidate, min(allowed, nearest))
                if distance > allowed:
                    continue
                if distance < nearest:
                    nearest, found = distance, [flat]
                elif distance == nearest:
                    found.append(flat)
        if nearest <= allowed:
            for flat in found:
                add(flat, TYPO_FACTOR[nearest])
        return scores

    def search(self, query: str, limit: int | None = None) -> Results:
        """The ranked pages for ``query`` as the search box shows them: unless the query
        ends in a space, its last word may be unfinished and also matches longer terms."""
        words = list(dict.fromkeys(tokens(query)))
        if not words:
            return Results(0, [], words)
        typing = not query[-1:].isspace()
        per_word = [self.word_scores(word, typing and i == len(words) - 1) for i, word in enumerate(words)]
        total: dict[int, list] = {}
        for scores in per_word:
            for doc, score in scores.items():
                entry = total.setdefault(doc, [0, 0.0])
                entry[0] += 1
                entry[1] += score
        ranked = sorted(total.items(), key=lambda e: (-e[1][0], -e[1][1], e[0]))
        ranked = ranked[:limit or self.manifest["max_results"]]
        hits = []
        for doc, (count, score) in ranked:
            url, title, _ = self.document(doc)
            hits.append(Hit(doc, url, title, score, count))
        return Results(len(total), hits, words)

    def document(self, doc: int) -> list:
        """[url, title (HTML-escaped), teaser] of page number ``doc``."""
        chunk = self.manifest["chunk"]
        rows = self._load(self.manifest["chunks"][doc // chunk])
        return rows[doc % chunk]
