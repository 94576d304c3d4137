"""Search documents read from Markdown sources, so the index can be built beside the
rendering (in another process) rather than after it from the HTML, and without MkDocs
for ``kb search`` and the findability checks.

A page's text is its prose as the linter reads it (:mod:`kb_tools.markdown_source`):
without code, markup, comments or shortcodes; its title and description as the category
lists show them (:func:`kb_tools.catalog.read_entry`). Pages are read once for the index
and the linter alike (:mod:`kb_tools.source_pages`).

**Indexes.** Each language has one index for customers, ``search/<lang>/``. A folder
named in ``separate`` (the writers' documentation) gets its own, ``search/<folder>/<lang>/``,
searched from its own pages only: customers never meet the product's own docs.

**Category pages** are indexed with the titles of the articles they list (the list is
generated at build time, so it is not in their Markdown).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import NamedTuple

from kb_tools import catalog, source_pages
from kb_tools.lint.engine import markdown_files
from kb_tools.lint.language import split_suffix
from kb_tools.markdown_source import MarkdownSource
from kb_tools.search import index, similarity


class Source(NamedTuple):
    path: str
    src_uri: str
    url: str
    """Site-root-relative URL of the built page."""
    lang: str
    index: str = ""
    """The index the page belongs to and searches: ``en``, or ``writing/en`` for a separate
    folder; empty for its language's."""


def is_listing(src_uri: str) -> bool:
    """A folder's own page (``index.md``, ``README.md``, in any language: ``index.ru.md``)."""
    folder, name = posixpath.split(src_uri)
    return catalog.is_index(posixpath.join(folder, name.split(".", 1)[0] + ".md"))


def is_article(source: Source) -> bool:
    """A page in a category folder that is not the category's own page, in a customers' index
    (the home page, the contact page and a separate folder's pages are not articles)."""
    return "/" in source.src_uri and not is_listing(source.src_uri) and "/" not in source.index


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at ``src_uri`` (``billing/refund.md`` → ``billing/refund/``,
    ``billing/index.md`` → ``billing/``, ``index.md`` → ``""``); the same as ``File.url``."""
    stem = posixpath.splitext(src_uri)[0]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if not use_directory_urls:
            return posixpath.join(folder, "index.html")
        return f"{folder}/" if folder else ""
    return f"{stem}.html" if not use_directory_urls else f"{stem}/"


def index_name(src_uri: str, lang: str, separate: tuple[str, ...] = ()) -> str:
    """The index of the page at ``src_uri``: its language's, or ``<folder>/<lang>`` for a separate folder."""
    top = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    return f"{top}/{lang}" if top and top in separate else lang


def site_sources(docs_dir: str, languages: set[str], default: str, separate: tuple[str, ...] = (),
                 use_directory_urls: bool = True) -> list[Source]:
    """Every Markdown page of ``docs_dir`` with its language, URL and index. With
    mkdocs-static-i18n's suffix layout (``languages`` not empty), ``x.ru.md`` is ``ru/`` + the URL of ``x.md``."""
    found = []
    for path in markdown_files([docs_dir]):
        src_uri = Path(path).relative_to(docs_dir).as_posix()
        plain, suffix = split_suffix(src_uri, languages)
        lang = suffix or default
        url = page_url(plain, use_directory_urls)
        found.append(Source(path, src_uri, url if lang == default else f"{lang}/{url}", lang,
                            index_name(src_uri, lang, separate)))
    return found


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


def _category_folder(src_uri: str) -> str | None:
    """``billing`` for ``billing/index.md`` or ``billing/index.ru.md``; None for other pages and the home page."""
    folder = posixpath.dirname(src_uri)
    return folder if folder and is_listing(src_uri) else None


class IndexReader:
    """A :mod:`kb_tools.source_pages` reader: the search documents of the pages in ``sources``,
    then each index's documents and files (:func:`kb_tools.search.index.build`)."""

    def __init__(self, sources: list[Source], synonyms: dict[str, list[list[str]]] | None = None):
        self.sources = {s.src_uri: s for s in sources}
        self.synonyms = synonyms or {}
        self.documents: dict[str, list[tuple[Source, index.Document]]] = {}
        self._built: dict[str, Built] | None = None

    def read(self, page: source_pages.SourcePage) -> None:
        source = self.sources.get(page.src_uri)
        if source is None or page.doc is None:  # a page that cannot be read: the build and the linter report it
            return
        found = document(source, page.doc)
        if found is not None:
            self.documents.setdefault(source.index or source.lang, []).append((source, found))

    def finish(self) -> dict[str, "Built"]:
        """The indexes (made once: the site-wide checks ask for them after the build's plugin does)."""
        if self._built is None:
            self._built = {}
            for name, pages in self.documents.items():
                pages = sorted(pages, key=lambda p: p[1].url)  # the index's page numbers
                documents = _with_listings(pages)
                lang = pages[0][0].lang
                sources = [s for s, _ in pages]
                articles = [number for number, source in enumerate(sources) if is_article(source)]
                self._built[name] = Built(lang, sources, documents, index.build(lang, documents, self.synonyms.get(lang, ())),
                                          similarity.articles_alike(lang, documents, articles))
        return self._built


class Built(NamedTuple):
    """One index: its language, its pages in page-number order (source and search document), its
    files, and how alike its articles are (:func:`kb_tools.search.similarity.articles_alike`)."""
    lang: str
    sources: list[Source]
    documents: list[index.Document]
    files: dict[str, bytes]
    alike: dict[tuple[int, int], float] = {}


def _with_listings(pages: list[tuple[Source, index.Document]]) -> list[index.Document]:
    """The documents, each category page's body followed by the titles of the articles in its
    folder, and listing pages (home, categories) weighed LISTING_WEIGHT."""
    titles: dict[str, list[str]] = {}
    for source, doc in pages:
        folder = posixpath.dirname(source.src_uri)
        if folder and _category_folder(source.src_uri) is None:
            titles.setdefault(folder, []).append(doc.title)
    result = []
    for source, doc in pages:
        folder = _category_folder(source.src_uri)
        if folder and titles.get(folder):
            doc = doc._replace(body=" ".join([doc.body, *sorted(titles[folder])]).strip())
        if is_listing(source.src_uri):  # a category page, or the home page
            doc = doc._replace(weight=index.LISTING_WEIGHT)
        result.append(doc)
    return result


def build_from(docs_dir: str, found: list[Source], synonyms: dict[str, list[list[str]]]) -> dict[str, Built]:
    """The indexes of the pages ``found`` in ``docs_dir``, read and built in this process."""
    reader = IndexReader(found, synonyms)
    source_pages.read_all(source_pages.in_folder(docs_dir, [s.path for s in found]), {"search": reader})
    return reader.finish()
