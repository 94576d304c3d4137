"""The browser's ranking, in Python: what a customer typing ``query`` sees first.

This is the Python twin of ``search()`` in ``assets/search-worker.js``, over the same
files (:func:`kb_tools.search.index.build`): the same folding, prefix variants, stemming,
prefix matching while typing, typo tolerance, and order. ``kb search``, the findability
check (KB401) and the contact page's suggestions use it, so what they report is what the
site shows; ``tests/test_search_browser.py`` runs both on the same queries and compares.

Order: pages that match more of the query's informative words first (:meth:`Searcher.counted`),
then by summed score, then by page number (the index's URL order).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Mapping
from typing import NamedTuple

from kb_tools.search.stemming import prefix_variants, stem_with
from kb_tools.search.text import tokens

PREFIX_FACTOR = 0.6
"""A term the last, still-typed word only starts weighs this much of an exact match."""
TYPO_FACTOR = (1.0, 0.7, 0.4)
STOPWORD_FACTOR = 0.2
"""A term reached by a typo of edit distance 0, 1, 2 weighs this much of an exact match."""


class Hit(NamedTuple):
    doc: int
    url: str
    title: str
    score: float
    words: int
    """How many of the query's informative words the page matched."""


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


def rank_key(doc: int, words: int, score: float) -> tuple:
    """Sort key of a page in the results: more query words first, then higher score, then page number."""
    return (-words, -score, doc)


class Searcher:
    """Queries over one language's index files (file name → bytes, as written to ``search/<lang>/``)."""

    def __init__(self, files: Mapping[str, bytes]):
        self.files = files
        self.manifest = json.loads(files["manifest.json"])
        self.rules = self.manifest["stemmer"]
        # Longest first: a term lives in the shard of the longest key that starts it.
        self.keys = sorted(self.manifest["shards"], key=len, reverse=True)
        self._loaded: dict[str, dict] = {}
        self._words: dict[tuple[str, bool], dict[int, float]] = {}  # the findability check asks thousands of queries
        self.stopwords = frozenset(self.manifest.get("stopwords", ()))

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
        key = (word, typing)
        if key not in self._words:
            scores: dict[int, float] = {}
            for _, factor, flat in self.word_matches(word, typing):
                doc = 0
                for i in range(0, len(flat), 2):
                    doc += flat[i]
                    value = flat[i + 1] * factor
                    if value > scores.get(doc, 0):
                        scores[doc] = value
            self._words[key] = scores
        return self._words[key]

    def word_matches(self, word: str, typing: bool) -> list[tuple[str, float, list[int]]]:
        """(term, factor, postings) of each index term one query word reaches: its stem exactly
        and, while typed, the terms it starts; failing both, the nearest terms within the typo distance."""
        found: list[tuple[str, float, list[int]]] = []
        forms = prefix_variants(word, self.rules)
        for form in forms:
            term = stem_with(form, self.rules)
            name = self.shard_for(term)
            shard = self._shard(name)
            if term in shard:
                found.append((term, 1.0, shard[term]))
            if typing and len(form) >= self.manifest["prefix_min"]:
                names = self.shards_under(form, 4) or ([name] if name else [])
                for other in names:
                    for candidate, flat in self._load(other).items():
                        if candidate != term and candidate.startswith(form):
                            found.append((candidate, PREFIX_FACTOR, flat))
            if found:
                return found
        # Nothing found as typed: a typo? Nearest terms that share the first letter.
        term = stem_with(forms[0], self.rules)
        limits = self.manifest["typo"]
        allowed = typo_distance(forms[0], limits)  # by the word as typed: "delte" is 5 letters, its stem 4
        if not allowed:
            return found
        names = (self.shards_under(term[:1], limits["shards"]) or self.shards_under(term[:2], limits["shards"])
                 or [n for n in [self.shard_for(term)] if n])
        nearest, near = allowed + 1, []
        for name in names:
            for candidate, flat in self._load(name).items():
                distance = edit_distance(term, candidate, min(allowed, nearest))
                if distance > allowed:
                    continue
                if distance < nearest:
                    nearest, near = distance, [(candidate, flat)]
                elif distance == nearest:
                    near.append((candidate, flat))
        return [(candidate, TYPO_FACTOR[nearest], flat) for candidate, flat in near]

    def query_words(self, query: str) -> list[tuple[str, bool]]:
        """(word, typing) of each distinct word of ``query``: unless the query ends in a space,
        its last word may be unfinished and also matches longer terms."""
        words = list(dict.fromkeys(tokens(query)))
        typing = not query[-1:].isspace()
        return [(word, typing and i == len(words) - 1) for i, word in enumerate(words)]

    def counted(self, query: str) -> list[tuple[str, bool, bool, float]]:
        """(word, typing, counts, factor) of each query word. ``counts``: the word is
        informative, not a function word (:mod:`kb_tools.search.stopwords`) and matched by at
        most half the pages, and so counts towards "pages with more of the query's words
        first" ("my", "how", "coffee" on a coffee shop's site do not). ``factor``: a function
        word's score weighs STOPWORD_FACTOR of a word's. A query with no informative word
        counts every word; one of function words only weighs them fully."""
        words = self.query_words(query)
        stop = self.stopwords
        informative = [w not in stop and len(self.word_scores(w, t)) * 2 <= self.manifest["count"] for w, t in words]
        if not any(informative):
            informative = [True] * len(words)
        content = any(w not in stop for w, _ in words)
        return [(w, t, c, STOPWORD_FACTOR if content and w in stop else 1.0)
                for (w, t), c in zip(words, informative)]

    def totals(self, query: str) -> dict[int, tuple[int, float]]:
        """doc → (informative query words it matched, summed score), for every page matching a word."""
        total: dict[int, list] = {}
        for word, typing, counts, factor in self.counted(query):
            for doc, score in self.word_scores(word, typing).items():
                entry = total.setdefault(doc, [0, 0.0])
                entry[0] += counts
                entry[1] += score * factor
        return {doc: (count, score) for doc, (count, score) in total.items()}

    def place(self, query: str, doc: int, top: int) -> tuple[int | None, list[int]] | None:
        """None when page ``doc`` is among the first ``top`` results for ``query``; else (its
        rank, or None when the query does not find it; the first ``top`` pages).

        The same order as :meth:`search`, without scoring every page that shares a word:
        only a page with at least as many informative words can come first, so the pages
        of the informative words (by definition not most of the site) are all it looks at."""
        per = [(self.word_scores(w, t), counts, factor) for w, t, counts, factor in self.counted(query)]

        def entry(page: int) -> tuple[int, float]:  # the page's entry in totals(), for this page alone
            return (sum(counts for scores, counts, _ in per if page in scores),
                    sum(scores[page] * factor for scores, _, factor in per if page in scores))

        def key(page: int) -> tuple:
            return rank_key(page, *entry(page))

        words, score = entry(doc)
        found, mine = score > 0, rank_key(doc, words, score)
        if words:
            tally: dict[int, int] = {}
            for scores, counts, _ in per:
                if counts:
                    for other in scores:
                        tally[other] = tally.get(other, 0) + 1
            candidates = [other for other, n in tally.items() if n >= words]
        else:
            candidates = list({other for scores, _, _ in per for other in scores})
        better = [other for other in candidates if other != doc and (not found or key(other) < mine)]
        if found and len(better) < top:
            return None
        return (len(better) if found else None), heapq.nsmallest(top, better, key=key)

    def search(self, query: str, limit: int | None = None) -> Results:
        """The ranked pages for ``query`` as the search box shows them."""
        total = self.totals(query)
        ranked = sorted(total.items(), key=lambda e: rank_key(e[0], *e[1]))[:limit or self.manifest["max_results"]]
        hits = []
        for doc, (count, score) in ranked:
            url, title, _ = self.document(doc)
            hits.append(Hit(doc, url, title, score, count))
        return Results(len(total), hits, [w for w, _ in self.query_words(query)])

    def document(self, doc: int) -> list:
        """[url, title (HTML-escaped), teaser] of page number ``doc``."""
        chunk = self.manifest["chunk"]
        rows = self._load(self.manifest["chunks"][doc // chunk])
        return rows[doc % chunk]
