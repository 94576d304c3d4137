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
"""Pages are compared only with pages that share their most weighty terms: alike pages always
do, and a site of thousands of articles is not compared pair by pair."""
CANDIDATES = 10
"""Pages compared exactly with each page (the related articles need 3; a duplicate is first)."""
BUDGET = 1500
"""Postings read per page to find its candidates."""


def vectors(lang: str, documents: list[Document]) -> list[dict[str, float]]:
    """One unit-length TF-IDF vector per document (term → weight)."""
    stemmer = Stemmer(lang)
    stems: dict[str, str] = {}  # each distinct word stemmed once, not once per use
    counts = []
    for doc in documents:
        tf: Counter = Counter()
        for field, weight in FIELDS:
            for word, uses in Counter(tokens(doc.text(field))).items():
                stem = stems.get(word)
                if stem is None:
                    stem = stems[word] = stemmer.stem(word)
                tf[stem] += weight * uses
        counts.append(tf)
    df = Counter(term for tf in counts for term in tf)
    n = len(counts)
    result = []
    for tf in counts:
        vector = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        result.append({t: v / norm for t, v in vector.items()})
    return result


def candidates(vecs: list[dict[str, float]]) -> list[list[int]]:
    """For each vector, the CANDIDATES others most likely to be alike: those sharing its most
    weighty terms, rarest terms first, within a budget of BUDGET postings per vector (a term
    in the top terms of thousands of pages would otherwise cost thousands each)."""
    top = [sorted(v, key=lambda t: (-v[t], t))[:CANDIDATE_TERMS] for v in vecs]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(top):
        for term in terms:
            holders[term].append(i)
    result = []
    for i, terms in enumerate(top):
        shared: dict[int, float] = defaultdict(float)
        spent = 0
        for term in sorted(terms, key=lambda t: (len(holders[t]), t)):
            if spent >= BUDGET:
                break
            weight = vecs[i][term]
            for j in holders[term][:BUDGET - spent]:
                shared[j] += weight * vecs[j][term]
            spent += len(holders[term])
        shared.pop(i, None)
        result.append(sorted(shared, key=lambda j: (-shared[j], j))[:CANDIDATES])
    return result


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(t, 0.0) for t, v in small.items())


def similarities(vecs: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """(i, j) with i < j → cosine, for each vector and its candidates (:func:`candidates`)."""
    result = {}
    for i, near in enumerate(candidates(vecs)):
        for j in near:
            pair = (i, j) if i < j else (j, i)
            if pair not in result:
                result[pair] = cosine(vecs[i], vecs[j])
    return result


def articles_alike(lang: str, documents: list[Document], articles: list[int]) -> dict[tuple[int, int], float]:
    """(page number, page number) → cosine for the pages numbered ``articles`` (an index's
    articles) and their candidates, computed once per build for the related articles and the
    duplicate check (KB403)."""
    vecs = vectors(lang, [documents[i] for i in articles])
    return {(articles[a], articles[b]): value for (a, b), value in similarities(vecs).items()}


def nearest(alike: dict[tuple[int, int], float], k: int, least: float = 0.05) -> dict[int, list[int]]:
    """Page number → the ``k`` most alike pages (most alike first, ties by number) in ``alike``,
    leaving out those under ``least``."""
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), value in alike.items():
        if value >= least:
            near[a].append((value, b))
            near[b].append((value, a))
    return {i: [j for _, j in sorted(found, key=lambda p: (-p[0], p[1]))[:k]] for i, found in near.items()}
