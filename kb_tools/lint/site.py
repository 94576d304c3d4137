"""The whole help centre as the site-wide checks (KB4xx) see it: every customer article
with its search document, and the site's own ranking (:mod:`kb_tools.search.rank`).

Page checks read one page at a time; whether customers find an article, or whether two
articles answer the same question, depends on every other page. A :class:`Site` is made
from the indexes the build makes anyway (:class:`kb_tools.search.sources.Built`), so the
checks judge exactly what the published search will do.
"""

from __future__ import annotations

from functools import cached_property
from typing import NamedTuple

from kb_tools import markdown_source
from kb_tools.search import index
from kb_tools.search.rank import Searcher
from kb_tools.search.sources import Built, Source, is_article
from kb_tools.source_pages import display_path
from kb_tools.yamlsource import read_text


class Article(NamedTuple):
    index: str
    """The customers' index it is in (its language: ``en``, ``ru``)."""
    number: int
    """Its page number in that index."""
    source: Source
    document: index.Document

    @property
    def path(self) -> str:
        return display_path(self.source.path)


class SiteFinding(NamedTuple):
    path: str
    line: int
    fields: dict


class Site:
    def __init__(self, built: dict[str, Built]):
        self.built = built
        self._searchers: dict[str, Searcher] = {}

    @cached_property
    def articles(self) -> list[Article]:
        return [Article(name, number, source, document)
                for name, b in sorted(self.built.items())
                for number, (source, document) in enumerate(zip(b.sources, b.documents)) if is_article(source)]

    def searcher(self, name: str) -> Searcher:
        if name not in self._searchers:
            self._searchers[name] = Searcher(self.built[name].files)
        return self._searchers[name]

    def title_of(self, name: str, number: int) -> str:
        return self.built[name].documents[number].title


def front_matter_line(path: str, key: str, value: str | None = None) -> int:
    """:func:`kb_tools.markdown_source.front_matter_line` in the file at ``path``; 1 when not found."""
    return markdown_source.front_matter_line(read_text(path), key, value) or 1


class SiteReader:
    """A :mod:`kb_tools.source_pages` reader that reads no page itself: at the end of the pass,
    it runs the site-wide checks over the indexes of the pass's ``search`` reader, so the
    build does them in the background process too (none without kb/search)."""

    def __init__(self, linter, readers: dict, paths: set[str]):
        self.linter = linter
        self.readers = readers
        """The pass's readers, looked up at the end: kb/search may add its reader after this one."""
        self.paths = paths

    def read(self, page) -> None:
        pass

    def finish(self) -> list:
        search = self.readers.get("search")
        return [] if search is None else self.linter.lint_site(Site(search.finish()), self.paths)
