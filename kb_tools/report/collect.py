"""Pages read into records: language, category, title, readability, lint findings, review dates.

What counts as an article follows kb_tools.catalog: a folder with an ``index.md`` is a
category, and the other pages in it (or below it) are its articles. Index pages and the
pages beside the home page (such as the contact page) are pages, not articles: they are
listed with their findings, but left out of the readability charts and of the
"no questions" and "no review date" lists, where they would mislead.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from kb_tools import catalog
from kb_tools.errors import InputError
from kb_tools.lint import packs
from kb_tools.lint.diagnostic import Diagnostic, Severity
from kb_tools.lint.engine import Linter, default_jobs
from kb_tools.lint.language import PACK_LANGUAGES, language_of, split_suffix
from kb_tools.report.review import ReviewDate, read_date
from kb_tools.markdown_source import PAGE_LIMIT, parse
from kb_tools.report.scoring import UNSCORED, Score, Text, measure
from kb_tools.yamlsource import read_text

ARTICLE, INDEX, PAGE = "article", "index", "page"
REVIEW_DATES = "KB404"
"""``kb lint``'s finding for stale or unreadable review dates: left out of each page's findings,
as the report has its own lists of them (a page is not among the worst written for its dates)."""


@dataclass
class Page:
    path: str
    """As found from the command line's PATHs (relative stays relative), as in ``kb lint``."""
    lang: str
    kind: str
    """``article``, ``index`` (a category's or the home page) or ``page`` (beside the home page: contact)."""
    category: str | None
    """Folder of the page's category relative to the docs folder (``billing``); '' for the top; None without one."""
    category_title: str
    title: str
    words: int = 0
    sentences: int = 0
    score: Score = Score(UNSCORED, note="the page could not be read")
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reviewed: ReviewDate = ReviewDate()
    review_by: ReviewDate = ReviewDate()
    days_overdue: int | None = None
    """Days past ``review_by`` on the report's day; None when the page is not stale."""
    has_questions: bool = False
    unreadable: bool = False

    @property
    def stale(self) -> bool:
        return self.days_overdue is not None

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(str(d.severity) for d in self.diagnostics)
        return {str(s): counts[str(s)] for s in sorted(Severity, reverse=True)}

    def code_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))


def collect(files: list[str], linter: Linter, today: date, roots: list[str], jobs: int | None = None) -> list[Page]:
    """One record per file, in the order given. ``roots`` are the docs folders pages are
    under (the first that holds a page wins); categories are found relative to them."""
    places = _Places(roots)
    texts: dict[str, str] = {}
    pages: dict[str, Page] = {}
    for path in files:
        try:
            text = read_text(path, PAGE_LIMIT)
            doc = parse(text, path)
        except InputError as exc:
            pages[path] = _unreadable(path, exc, linter, places)
            continue
        texts[path] = text
        pages[path] = _page(path, text, doc, linter, today, places)
    readable = list(texts)
    found: dict[str, list[Diagnostic]] = {}
    for d in linter.lint_files(readable, jobs if jobs is not None else default_jobs(readable)):
        if d.code != REVIEW_DATES:  # the report lists review dates itself, against its own --today
            found.setdefault(d.path, []).append(d)
    for path in readable:
        pages[path].diagnostics = found.get(path, [])
    return [pages[path] for path in files]


def _page(path: str, text: str, doc, linter: Linter, today: date, places: "_Places") -> Page:
    lang = linter.language(doc)[0]
    kind, category, category_title = places.place(path, lang)
    measured: Text = measure(doc, lang)
    review_by = read_date(doc.meta, "review_by")
    overdue = (today - review_by.value).days if review_by.value and review_by.value < today else None
    questions = doc.meta.get("questions")
    return Page(path, lang, kind, category, category_title, _title(path, text),
                measured.words, measured.sentences, measured.score, [], read_date(doc.meta, "reviewed"), review_by,
                overdue, bool(questions) and isinstance(questions, (list, str)))


def _unreadable(path: str, exc: InputError, linter: Linter, places: "_Places") -> Page:
    lang = language_of({}, path, linter.settings.default_lang, packs.languages())
    kind, category, category_title = places.place(path, lang)
    return Page(path, lang, kind, category, category_title, _title(path, ""), diagnostics=linter.unreadable(path, exc),
                unreadable=True)


class _Places:
    """Where pages sit: their kind and category, from the folders on disk (read once per report)."""

    def __init__(self, roots: list[str]):
        self.roots = [os.path.abspath(r) for r in roots]
        self._index_files: dict[str, tuple[str, ...]] = {}
        self._titles: dict[tuple[str, str], str] = {}

    def place(self, path: str, lang: str) -> tuple[str, str | None, str]:
        """(kind, category folder relative to its root, category title in ``lang``) of the page at ``path``."""
        absolute = os.path.abspath(path)
        root = next((r for r in self.roots if os.path.commonpath([absolute, r]) == r), os.path.dirname(absolute))
        folder = self._category_folder(os.path.dirname(absolute), root)
        index = _without_language(os.path.basename(path)) in catalog.INDEX_NAMES
        if folder is None:
            return (INDEX if index else ARTICLE), None, ""
        key = PurePath(os.path.relpath(folder, root)).as_posix()
        key = "" if key == "." else key
        return (INDEX if index else PAGE if key == "" else ARTICLE), key, self._category_title(folder, lang)

    def _category_folder(self, folder: str, root: str) -> str | None:
        """The nearest folder from ``folder`` up to ``root`` that has an index page."""
        while not self._indexes(folder):
            if folder == root or os.path.dirname(folder) == folder:
                return None
            folder = os.path.dirname(folder)
        return folder

    def _indexes(self, folder: str) -> tuple[str, ...]:
        if folder not in self._index_files:
            try:
                names = os.listdir(folder)
            except OSError:
                names = []
            self._index_files[folder] = tuple(sorted(n for n in names if _without_language(n) in catalog.INDEX_NAMES))
        return self._index_files[folder]

    def _category_title(self, folder: str, lang: str) -> str:
        """The title of the category's index page in ``lang``, else of its default-language one."""
        if (folder, lang) not in self._titles:
            self._titles[folder, lang] = _index_title(folder, self._indexes(folder), lang)
        return self._titles[folder, lang]


def _index_title(folder: str, names: tuple[str, ...], lang: str) -> str:
    preferred = [n for n in names if n == f"index.{lang}.md"] + [n for n in catalog.INDEX_NAMES if n in names]
    for name in preferred:
        path = os.path.join(folder, name)
        try:
            return catalog.read_entry(name, read_text(path), path).title
        except InputError:
            break  # the index page itself is reported as unreadable
    return os.path.basename(folder).replace("-", " ").capitalize()


def _without_language(name: str) -> str:
    """``index.ru.md`` → ``index.md`` (mkdocs-static-i18n's suffix structure)."""
    return split_suffix(name, set(PACK_LANGUAGES) | set(packs.languages()))[0]


def _title(path: str, text: str) -> str:
    """Front-matter title, else the first heading, else the file name (as category listings show it)."""
    return catalog.read_entry(_without_language(os.path.basename(path)), text, path).title
