"""Search documents read from Markdown sources, so the index can be built beside the
rendering (in another process) rather than after it from the HTML.

A page's text is its prose as the linter reads it (:mod:`kb_tools.markdown_source`):
without code, markup, comments or shortcodes; its title and description as the category
lists show them (:func:`kb_tools.catalog.read_entry`). Pages are read once for the index
and the linter alike (:mod:`kb_tools.source_pages`).
"""

from __future__ import annotations

from typing import NamedTuple

from kb_tools import catalog
from kb_tools.markdown_source import MarkdownSource
from kb_tools.search import index
from kb_tools.source_pages import SourcePage


class Source(NamedTuple):
    path: str
    src_uri: str
    url: str
    """Site-root-relative URL of the built page."""
    lang: str


def document(source: Source, doc: MarkdownSource) -> index.Document | None:
    """The page as search sees it; None for a page marked ``search: {exclude: true}``."""
    meta = doc.meta
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    entry = catalog.entry_from(source.src_uri, meta, doc.source[doc.body_start:])
    questions = meta.get("questions") or ()
    questions = (questions,) if isinstance(questions, str) else tuple(str(q) for q in questions if q)
    body = " ".join(" ".join(block.prose.split()) for block in doc.blocks)
    return index.Document(source.url, entry.title, questions, entry.description, body)


class IndexReader:
    """A :mod:`kb_tools.source_pages` reader: the search documents of the pages in ``sources``,
    then each language's index files (:func:`kb_tools.search.index.build`)."""

    def __init__(self, sources: list[Source]):
        self.sources = {s.src_uri: s for s in sources}
        self.by_language: dict[str, list[index.Document]] = {}

    def read(self, page: SourcePage) -> None:
        source = self.sources.get(page.src_uri)
        if source is None or page.doc is None:  # a page that cannot be read: the build and the linter report it
            return
        found = document(source, page.doc)
        if found is not None:
            self.by_language.setdefault(source.lang, []).append(found)

    def finish(self) -> dict[str, dict[str, bytes]]:
        return {lang: index.build(lang, documents) for lang, documents in self.by_language.items()}
