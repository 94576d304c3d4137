"""Articles chosen at build time from the search indexes: the related articles at the end
of each article, and the articles the contact page offers for each purpose before its
channels (customers who find the answer there need not write)."""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from kb_tools.search import similarity
from kb_tools.search.rank import Searcher, rank_key
from kb_tools.search.sources import Built, is_article

RELATED = 3
"""Related articles per article."""
SUGGESTED = 3
"""Articles per purpose on the contact page."""


class Link(NamedTuple):
    url: str
    """Site-root-relative."""
    title: str


def related(built: Built, k: int = RELATED) -> dict[str, list[Link]]:
    """Article URL → its ``k`` most alike articles in the same index (:mod:`kb_tools.search.similarity`)."""
    return {built.documents[i].url: [Link(built.documents[j].url, built.documents[j].title) for j in near]
            for i, near in similarity.nearest(built.alike, k).items()}


def for_purpose(built: Built, searcher: Searcher, purpose: str, title: str, k: int = SUGGESTED) -> list[Link]:
    """Up to ``k`` articles for a contact purpose (``billing``, titled "Billing and invoices"):
    the articles of the category folder of the same name, most relevant to ``title`` first;
    without such a folder, the articles the site's search gives for ``title`` that match every
    one of its informative words. A generic purpose ("Customer support", "Service news")
    matches no article that closely and gets no list: better none than a random one."""
    in_folder = [doc for doc, source in enumerate(built.sources)
                 if is_article(source) and posixpath.dirname(source.src_uri) == purpose]
    totals = searcher.totals(title)
    if in_folder:
        candidates = in_folder
    else:
        needed = sum(counts for _, _, counts, _ in searcher.counted(title))
        candidates = [doc for doc, (words, _) in totals.items() if words == needed and is_article(built.sources[doc])]
    ranked = sorted(candidates, key=lambda doc: rank_key(doc, *totals.get(doc, (0, 0.0))))
    return [Link(built.documents[doc].url, built.documents[doc].title) for doc in ranked[:k]]
