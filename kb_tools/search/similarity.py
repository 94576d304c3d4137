"""How alike two pages are: the cosine of their TF-IDF vectors over stemmed words (title ×3,
questions ×2, description and text ×1), in one language. The duplicate-article check
(KB403) reports pairs past a threshold; the build lists each article's closest ones as
related articles.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from kb_tools.search.index import Document
from kb_tools.search.stemming import Stemmer
from kb_tools.search.text import tokens

FIELDS = (("title", 3), ("questions", 2), ("description", 1), ("body", 1))
CANDIDATE_TERMS = 12
"""Pairs are compared only if they share one of their most weighty terms: alike pages always
do, and a site of thousands of articles is not compared pair by pair."""


def vectors(lang: str, documents: list[Document]) -> list[dict[str, float]]:
    """One unit-length TF-IDF vector per document (term → weight)."""
    stemmer = Stemmer(lang)
    counts = []
    for doc in documents:
        tf: Counter = Counter()
        for field, weight in FIELDS:
            value = getattr(doc, field)
            for word in tokens(" ".join(value) if isinstance(value, tuple) else value):
                tf[stemmer.stem(word)] += weight
        counts.append(tf)
    df = Counter(term for tf in counts for term in tf)
    n = len(counts)
    result = []
    for tf in counts:
        vector = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        result.append({t: v / norm for t, v in vector.items()})
    return result


def similarities(vecs: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """(i, j) with i < j → cosine, for the pairs that share a weighty term."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vecs):
        for term in sorted(vector, key=lambda t: (-vector[t], t))[:CANDIDATE_TERMS]:
            holders[term].append(i)
    pairs = {(a, b) for members in holders.values() for x, a in enumerate(members) for b in members[x + 1:]}
    result = {}
    for a, b in sorted(pairs):
        small, large = sorted((vecs[a], vecs[b]), key=len)
        result[(a, b)] = sum(v * large.get(t, 0.0) for t, v in small.items())
    return result


def nearest(vecs: list[dict[str, float]], k: int, least: float = 0.05) -> list[list[int]]:
    """For each vector, the indexes of its ``k`` most alike (most alike first, ties by index),
    leaving out those under ``least``."""
    near: list[list[tuple[float, int]]] = [[] for _ in vecs]
    for (a, b), similarity in similarities(vecs).items():
        if similarity >= least:
            near[a].append((similarity, b))
            near[b].append((similarity, a))
    return [[i for _, i in sorted(found, key=lambda p: (-p[0], p[1]))[:k]] for found in near]
