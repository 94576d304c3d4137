"""One language's search index, as small static files a browser fetches on demand.

Layout (all under ``search/<lang>/`` in the site)::

    manifest.json      the stemmer rules, shard and chunk file names (fetched first, ~1 KB per 100 shards)
    t-<hash>.json      a shard: {term: [doc, score, doc delta, score, ...]} for terms sharing a prefix
    d-<hash>.json      a chunk of documents: [[url, title, teaser], ...] for CHUNK_DOCS consecutive ids

A query downloads the manifest, the shard of each of its words and the chunks of the
documents it shows: a few tens of kilobytes whatever the site's size. Shards are split
by term prefix until each is under SHARD_BYTES; file names hash their content, so they
can be cached for ever and a rebuild never serves a stale mix.

Scores are BM25 over a weighted term frequency, title > questions > description > body,
computed here once and stored as integers, so the browser only adds them up. A term
found in very many pages keeps only its MAX_POSTINGS best pages ("static pruning"): a
word on most pages of a help centre says little about which page is the answer.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from html import escape
from typing import NamedTuple

from kb_tools.search.stemming import Stemmer, rules_for
from kb_tools.search.stopwords import stopwords_for
from kb_tools.search.text import tokens

FIELDS = (("title", 10.0), ("questions", 6.0), ("description", 3.0), ("body", 1.0))
SHARD_BYTES = 12_000
CHUNK_DOCS = 8
MAX_POSTINGS = 400
MAX_RESULTS = 30
PREFIX_MIN = 3
"""A word being typed matches longer terms only from this many letters on."""
TYPO = {"one": 5, "two": 9, "shards": 16}
"""Typo tolerance (:func:`kb_tools.search.rank.typo_distance`): a word that finds nothing
matches the nearest terms within one edit from 5 letters (as typed), two from 9,
looking in at most ``shards`` shards of terms with its first letter."""
LISTING_WEIGHT = 0.5
"""The weight of a listing page (home, category): a page of links to answers ranks below the
answer itself, and still above pages that merely mention the words."""
SYNONYM_WEIGHT = 0.5
"""A page that says one word of a synonym group is indexed under the others at this share
of that word's weight: "money back" finds the refund article, below a page that says it."""
K1, B = 1.2, 0.75
FORMAT = 1


class Document(NamedTuple):
    url: str
    """Site-root-relative, as Material's result list expects (``ru/billing/refund/``)."""
    title: str
    questions: tuple[str, ...]
    description: str
    body: str
    weight: float = 1.0
    """Every score of the page is multiplied by this: LISTING_WEIGHT for the home and category
    pages, whose lists of titles would otherwise outrank the article that answers."""

    def text(self, field: str) -> str:
        """A field's text: the questions joined into one."""
        value = getattr(self, field)
        return " ".join(value) if isinstance(value, tuple) else value

    def teaser(self) -> str:
        text = self.description or self.body
        return text if len(text) <= 180 else text[:180].rsplit(" ", 1)[0] + " …"


def build(lang: str, documents: list[Document], synonyms: list[list[str]] = ()) -> dict[str, bytes]:
    """File name → content for ``lang``'s index of ``documents``; ``synonyms`` are groups of
    words or phrases customers use for the same thing (:mod:`kb_tools.search.synonyms`)."""
    documents = sorted(documents, key=lambda d: d.url)
    postings = _postings(lang, documents, synonyms)
    files: dict[str, bytes] = {}
    shards = {}
    for key, terms in _shards(postings):
        shards[key] = _add(files, "t", {term: postings[term] for term in terms})
    # Material inserts a result's title and text as HTML: they go in escaped, as in MkDocs' own index.
    chunks = [_add(files, "d", [[d.url, escape(d.title, quote=False), escape(d.teaser(), quote=False)]
                                for d in documents[i:i + CHUNK_DOCS]])
              for i in range(0, len(documents), CHUNK_DOCS)]
    manifest = {"format": FORMAT, "lang": lang, "count": len(documents), "stemmer": rules_for(lang),
                "prefix_min": PREFIX_MIN, "typo": TYPO, "stopwords": stopwords_for(lang), "max_results": MAX_RESULTS, "chunk": CHUNK_DOCS,
                "chunks": chunks, "shards": shards}
    files["manifest.json"] = _json(manifest)
    return files


class Weights:
    """The index's arithmetic over a set of documents: each page's weighted term frequencies
    (fields, prefix variants, synonyms) and BM25 with the collection's statistics."""

    def __init__(self, lang: str, documents: list[Document], synonyms: list[list[str]] = ()):
        self.stemmer = Stemmer(lang)
        self._terms_of: dict[str, tuple] = {}  # each distinct word stemmed once, not once per use
        self._groups = _synonym_terms(self.stemmer, synonyms)
        measured = [self.frequencies(doc) for doc in documents]
        self.weighted = [tf for tf, _ in measured]
        self.lengths = [length for _, length in measured]
        self.count = len(documents)
        self.average = (sum(self.lengths) / self.count if self.count else 0.0) or 1.0  # a site of empty pages
        self.df: Counter = Counter(term for tf in self.weighted for term in tf)

    def frequencies(self, doc: Document) -> tuple[Counter, int]:
        """(term → weighted frequency, length in words) of one page."""
        tf: Counter = Counter()
        length = 0
        for field, weight in FIELDS:
            words = tokens(doc.text(field))
            length += len(words)
            for word, uses in Counter(words).items():
                terms = self._terms_of.get(word)
                if terms is None:
                    terms = self._terms_of[word] = tuple(self.stemmer.index_terms(word))
                for term, share in terms:
                    tf[term] += weight * uses * share
        if self._groups:
            _add_synonyms(tf, self._groups)
        return tf, length

    def saturated(self, weight: float, length: int) -> float:
        return weight / (weight + K1 * (1 - B + B * length / self.average))

    def idf(self, term: str) -> float:
        n = self.df[term]
        return math.log(1 + (self.count - n + 0.5) / (n + 0.5))

    @staticmethod
    def stored(idf: float, saturated: float) -> int:
        """The integer score the index stores for a page and term."""
        return max(1, round(100 * idf * saturated * (K1 + 1)))

    def scores(self, tf: Counter, length: int) -> dict[str, int]:
        """term → stored score of a page with these frequencies (idf of the whole collection)."""
        return {term: self.stored(self.idf(term), self.saturated(w, length)) for term, w in tf.items()}


def _postings(lang: str, documents: list[Document], synonyms: list[list[str]]) -> dict[str, list[int]]:
    weights = Weights(lang, documents, synonyms)
    by_term: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for doc_id, tf in enumerate(weights.weighted):
        for term, w in tf.items():
            by_term[term].append((doc_id, weights.saturated(w, weights.lengths[doc_id]) * documents[doc_id].weight))
    result = {}
    for term, pairs in by_term.items():
        idf = weights.idf(term)
        if len(pairs) > MAX_POSTINGS:
            pairs = sorted(sorted(pairs, key=lambda p: -p[1])[:MAX_POSTINGS])
        flat, previous = [], 0
        for doc_id, saturated in pairs:
            flat += [doc_id - previous, Weights.stored(idf, saturated)]
            previous = doc_id
        result[term] = flat
    return result


def _synonym_terms(stemmer: Stemmer, synonyms: list[list[str]]) -> list[list[tuple[str, ...]]]:
    """Each group as the index terms of each member (a phrase is several terms)."""
    return [[tuple(stemmer.stem(w) for w in tokens(member)) for member in group] for group in synonyms]


def _add_synonyms(tf: Counter, groups: list[list[tuple[str, ...]]]) -> None:
    """Index a page under every member of a group that it says one member of (all of that
    member's words), at SYNONYM_WEIGHT of the weakest of them; never lowering a weight."""
    added: dict[str, float] = {}
    for group in groups:
        present = [min(tf[t] for t in member) for member in group if member and all(t in tf for t in member)]
        if not present:
            continue
        strength = SYNONYM_WEIGHT * max(present)
        for member in group:
            for term in member:
                added[term] = max(added.get(term, 0.0), strength)
    for term, strength in added.items():
        if strength > tf.get(term, 0):
            tf[term] = strength


def _shards(postings: dict[str, list[int]]):
    """(prefix, terms) groups under SHARD_BYTES each. A term lives in the shard of the
    longest key that starts it; a group small enough stays whole in its parent's shard."""
    size = {term: len(term) + 6 + 4 * len(flat) for term, flat in postings.items()}

    def split(prefix: str, terms: list[str]):
        if sum(size[t] for t in terms) <= SHARD_BYTES or len(prefix) >= 8:
            yield prefix, terms
            return
        rest = [t for t in terms if len(t) == len(prefix)]
        groups: dict[str, list[str]] = defaultdict(list)
        for t in terms:
            if len(t) > len(prefix):
                groups[t[:len(prefix) + 1]].append(t)
        kept = sum(size[t] for t in rest)
        for child, members in sorted(groups.items(), key=lambda g: sum(size[t] for t in g[1])):
            weight = sum(size[t] for t in members)
            if kept + weight <= SHARD_BYTES:
                rest += members
                kept += weight
            else:
                yield from split(child, members)
        if rest:
            yield prefix, rest

    yield from split("", sorted(postings))


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _add(files: dict[str, bytes], kind: str, data) -> str:
    content = _json(data)
    name = f"{kind}-{hashlib.sha1(content).hexdigest()[:10]}.json"
    files[name] = content
    return name
