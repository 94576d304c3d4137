"""The help centre's structure read from the files: folders with an ``index.md`` are categories,
the other pages in them are articles. Category and home pages list them from front matter,
so no hand-kept list can drift from the articles.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from kb_tools import yamlsource
from kb_tools.markdown_source import FRONT_MATTER

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
INDEX_NAMES = ("index.md", "README.md")
"""The file names that make a folder a category and are its page."""


def is_index(uri: str) -> bool:
    """Whether ``uri`` (a path without language suffix) is a folder's index page."""
    return posixpath.basename(uri) in INDEX_NAMES


@dataclass
class Entry:
    src_uri: str
    """Where the page's file is (``billing/refund.ru.md``); links are made to it."""
    title: str
    description: str
    weight: float = 0.0
    key: str = ""
    """Its place in the structure, without a language suffix (``billing/refund.md``)."""

    def __post_init__(self):
        self.key = self.key or self.src_uri


@dataclass
class Folder:
    path: str
    """Folder of the category, '' for the top."""
    index: Entry | None = None
    articles: list[Entry] = field(default_factory=list)
    subfolders: list["Folder"] = field(default_factory=list)


def read_entry(src_uri: str, text: str, path: str, key: str | None = None) -> Entry:
    """Title, description and weight of a page from its front matter (or first heading, or file name)."""
    meta: dict = {}
    body = text
    m = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if m:
        loaded = yamlsource.load(m.group(1), path, line_offset=1)
        meta = loaded if isinstance(loaded, dict) else {}
        body = text[m.end():]
    return entry_from(src_uri, meta, body, key)


def entry_from(src_uri: str, meta: dict, body: str, key: str | None = None) -> Entry:
    """:func:`read_entry` for a page whose front matter is already read."""
    title = meta.get("title")
    if not title:
        h1 = _H1.search(body)
        stem = posixpath.splitext(posixpath.basename(src_uri))[0]
        title = h1.group(1) if h1 else stem.replace("-", " ").replace("_", " ").capitalize()
    weight = meta.get("weight", 0)
    weight = float(weight) if isinstance(weight, (int, float)) else 0.0
    return Entry(src_uri, str(title), str(meta.get("description") or ""), weight, key or src_uri)


def build(entries: list[Entry]) -> dict[str, Folder]:
    """Folders by path. A folder without an ``index.md`` is not a category and is left out."""
    folders: dict[str, Folder] = {}
    for entry in entries:
        directory, name = posixpath.split(entry.key)
        folder = folders.setdefault(directory, Folder(directory))
        if name in INDEX_NAMES:
            folder.index = entry
        else:
            folder.articles.append(entry)
    folders = {path: f for path, f in folders.items() if f.index is not None}
    for path, folder in folders.items():
        parent = posixpath.dirname(path) if path else None
        if parent is not None and parent in folders:
            folders[parent].subfolders.append(folder)
    order = lambda e: (e.weight, e.title.casefold())
    for folder in folders.values():
        folder.articles.sort(key=order)
        folder.subfolders.sort(key=lambda f: order(f.index))
    return folders
