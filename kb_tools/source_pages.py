"""A docs folder's Markdown pages, each read and parsed once for every reader of it.

The linter and the search index both need every page parsed
(:func:`kb_tools.markdown_source.parse`), which is most of what either costs. A *reader*
is handed each page in turn (:meth:`Reader.read`) and gives its result at the end
(:meth:`Reader.finish`); :func:`read_all` runs any number of them over one pass.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from kb_tools.errors import InputError
from kb_tools.markdown_source import PAGE_LIMIT, MarkdownSource, parse
from kb_tools.yamlsource import read_text


class SourcePage(NamedTuple):
    path: str
    """As shown to people: relative to the working directory when below it."""
    src_uri: str
    """Relative to the docs folder, with ``/``: ``billing/refund.ru.md``."""
    doc: MarkdownSource | None
    error: InputError | None
    """Why the page could not be read or parsed (then ``doc`` is None)."""


class Reader(Protocol):
    def read(self, page: SourcePage) -> None: ...

    def finish(self): ...


def read_page(path: str, src_uri: str) -> SourcePage:
    shown = display_path(path)
    try:
        return SourcePage(shown, src_uri, parse(read_text(path, PAGE_LIMIT), shown), None)
    except InputError as exc:
        return SourcePage(shown, src_uri, None, exc)


def in_folder(docs_dir: str, paths: list[str]) -> list[tuple[str, str]]:
    """(path, src_uri) of each of ``paths``, files below ``docs_dir``."""
    return [(path, Path(path).relative_to(docs_dir).as_posix()) for path in paths]


def read_all(files: list[tuple[str, str]], readers: dict[str, Reader]) -> dict:
    """Each of ``files``, (path, src_uri) pairs, read once and given to every reader;
    reader name → what its ``finish`` returns."""
    for path, src_uri in files:
        page = read_page(path, src_uri)
        for reader in readers.values():
            reader.read(page)
    return {name: reader.finish() for name, reader in readers.items()}


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it is below it, else as it is."""
    return _display_path(path, os.getcwd())


@lru_cache(maxsize=4096)  # a build asks for each page's several times; relpath is slow
def _display_path(path: str, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    return path if relative.startswith("..") else relative
