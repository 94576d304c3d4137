"""Search documents read from Markdown sources, so the index can be built beside the
rendering (in another process) rather than after it from the HTML.

A page's text is its prose as the linter reads it (:mod:`kb_tools.markdown_source`):
without code, markup, comments or shortcodes; its title and description as the category
lists show them (:func:`kb_tools.catalog.read_entry`).
"""

from __future__ import annotations

from typing import NamedTuple

from kb_tools import catalog
from kb_tools.errors import InputError
from kb_tools.markdown_source import parse
from kb_tools.search import index
from kb_tools.yamlsource import read_text


class Source(NamedTuple):
    path: str
    src_uri: str
    url: str
    """Site-root-relative URL of the built page."""
    lang: str


def document(source: Source) -> index.Document | None:
    """The page as search sees it; None for a page marked ``search: {exclude: true}`` or one
    that cannot be read (the build and the linter report that)."""
    try:
        text = read_text(source.path)
        doc = parse(text, source.path)
        entry = catalog.read_entry(source.src_uri, text, source.path)
    except InputError:
        return None
    meta = doc.meta
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    questions = meta.get("questions") or ()
    questions = (questions,) if isinstance(questions, str) else tuple(str(q) for q in questions if q)
    body = " ".join(" ".join(block.prose.split()) for block in doc.blocks)
    return index.Document(source.url, entry.title, questions, entry.description, body)


def build_all(sources: list[Source]) -> dict[str, dict[str, bytes]]:
    """language → its index files (:func:`kb_tools.search.index.build`)."""
    by_language: dict[str, list[index.Document]] = {}
    for source in sources:
        found = document(source)
        if found is not None:
            by_language.setdefault(source.lang, []).append(found)
    return {lang: index.build(lang, documents) for lang, documents in by_language.items()}
