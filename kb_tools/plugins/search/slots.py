"""The article lists kb/search adds to built pages, chosen from the search indexes: related
articles, and the contact page's suggestions per purpose (:mod:`kb_tools.search.html`).

The indexes are built in the background pass while MkDocs renders
(:mod:`kb_tools.plugins.source_pass`), so a page cannot wait for them: it is rendered with
a marker (an HTML comment) where a list goes, and once the pass is done the pages that have
markers are filled in (:meth:`Slots.fill`). A marker with nothing to show is removed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kb_tools.contacts.strings import purpose_title
from kb_tools.search import suggest
from kb_tools.search.html import related_html, suggestions_html
from kb_tools.search.rank import Searcher
from kb_tools.search.sources import Built

RELATED = "<!--kb:related-->"
SUGGEST = re.compile(r"<!--kb:suggest:([A-Za-z0-9_-]+)-->")
MARKERS = re.compile(r"<!--kb:(?:related|suggest:[A-Za-z0-9_-]+)-->")


class Marked(NamedTuple):
    path: str
    """The built HTML file."""
    url: str
    index: str
    lang: str


class Slots:
    """The pages of this command rendered with markers, filled once the indexes exist."""

    def __init__(self):
        self.pages: list[Marked] = []

    def reset(self) -> None:
        self.pages = []

    def note(self, output: str, path: str, url: str, index: str, lang: str) -> None:
        if "<!--kb:" in output and MARKERS.search(output):
            self.pages.append(Marked(path, url, index, lang))

    def fill(self, built: dict[str, Built]) -> None:
        related = {name: suggest.related(b) for name, b in built.items()}
        searchers = {name: Searcher(b.files) for name, b in built.items()}
        for page in self.pages:
            file = Path(page.path)
            if not file.is_file():
                continue
            html = file.read_text(encoding="utf-8")
            index = built.get(page.index)

            def replace(m, page=page, index=index):
                if index is None:
                    return ""
                if m.group(0) == RELATED:
                    return related_html(related[page.index].get(page.url, []), page.lang, page.url)
                purpose = SUGGEST.fullmatch(m.group(0)).group(1)
                links = suggest.for_purpose(index, searchers[page.index], purpose, purpose_title(purpose, page.lang))
                return suggestions_html(links, page.lang, page.url, purpose)

            file.write_text(MARKERS.sub(replace, html), encoding="utf-8")
