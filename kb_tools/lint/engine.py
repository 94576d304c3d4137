"""Lint one page or many: parse, pick the rules for the page's language, run checks, apply suppressions."""

from __future__ import annotations

import gc
import multiprocessing
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from kb_tools import freshness
from kb_tools.errors import InputError
from kb_tools.lint import packs, suppress
from kb_tools.lint.context import Context
from kb_tools.lint.diagnostic import Diagnostic
from kb_tools.lint.language import page_language
from kb_tools.lint.prefilter import Prefilter
from kb_tools.lint.rule import Rule
from kb_tools.lint.select import Selector
from kb_tools.lint.vocabulary import Vocabulary
from kb_tools.markdown_source import PAGE_LIMIT, MarkdownSource, parse
from kb_tools.source_pages import SourcePage
from kb_tools.yamlsource import read_text

UNREADABLE, BAD_SUPPRESSION, NO_PACK, LANGUAGE_MISMATCH = "KB001", "KB002", "KB003", "KB004"


@dataclass
class Settings:
    selector: Selector = field(default_factory=Selector)
    default_lang: str | None = None
    """Language of pages that do not say (mkdocs.yml ``theme.language`` or ``--lang``)."""
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    """Words the project accepts (``kb/lint: vocabulary``)."""
    today: date | None = None
    """The day ``review_by`` dates are compared with (KB404); None: ``SOURCE_DATE_EPOCH``, else the system date."""


class Linter:
    def __init__(self, settings: Settings | None = None, registry=None):
        self.settings = settings or Settings()
        self.registry = registry
        self._builtin = {r.code: r for r in packs.rules_for("common") if r.code in (UNREADABLE, BAD_SUPPRESSION, NO_PACK, LANGUAGE_MISMATCH)}
        self._pack_languages = set(packs.languages())
        self._suppressions: dict[str, suppress.Suppressions] = {}
        """Each page's inline suppressions, kept from its lint for the site-wide rules' findings."""
        self._prefilters: dict[tuple, Prefilter] = {}

    @cached_property
    def today(self) -> date:
        """The day review dates are compared with, read once per Linter (a bad
        ``SOURCE_DATE_EPOCH`` is an InputError here, before any worker starts)."""
        return self.settings.today or freshness.today()

    def prepare(self, lang: str) -> None:
        """Load and compile everything pages in ``lang`` need (packs, word lists, the prefilter)."""
        self.today  # noqa: B018  (read before forking: workers inherit it)
        rules = packs.rules_for(lang)
        for rule in rules:
            rule.check.prepare()
        self._prefilter([r for r in rules if self.settings.selector.enabled(r.code, opt_in=r.opt_in)])

    def lint_files(self, paths: list[str], jobs: int = 1) -> list[Diagnostic]:
        """Lint ``paths`` in order; with ``jobs`` > 1, in that many forked worker processes.

        The default language is prepared before forking, so workers share its compiled
        packs and word lists instead of each loading them again."""
        if jobs <= 1 or len(paths) < 2 * jobs or not _can_fork():
            with _few_collections():
                return [d for path in paths for d in self.lint_file(path)]
        self.prepare(self.settings.default_lang or "en")
        global _WORKER_LINTER
        _WORKER_LINTER = self
        context = multiprocessing.get_context("fork")
        # Largest files first, one per task, so no worker is left with the big ones at the end.
        order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
        results: list = [None] * len(paths)
        with _few_collections(), context.Pool(jobs) as pool:  # the workers inherit the collector's settings
            for i, found in pool.imap_unordered(_lint_in_worker, [(i, paths[i]) for i in order]):
                results[i] = found
        return [d for found in results for d in found]

    def lint_file(self, path: str) -> list[Diagnostic]:
        """Lint a file; one that cannot be read or decoded is a KB001 diagnostic, not an exception."""
        try:
            text = read_text(path, PAGE_LIMIT)
        except InputError as exc:
            return self.unreadable(path, exc)
        return self.lint_text(text, path)

    def lint_text(self, text: str, path: str = "<text>", default_lang: str | None = None) -> list[Diagnostic]:
        """Lint one page; ``default_lang`` overrides the configured default for this page
        (front matter and file name still decide first)."""
        try:
            doc = parse(text, path)
        except InputError as exc:
            return self.unreadable(path, exc)
        return self.lint_doc(doc, default_lang)

    def lint_doc(self, doc: MarkdownSource, default_lang: str | None = None) -> list[Diagnostic]:
        """:meth:`lint_text` for a page already parsed."""
        path = doc.path
        lang, mismatch = self.language(doc, default_lang)
        selector = self.settings.selector
        rules = [r for r in packs.rules_for(lang) if selector.enabled(r.code, path, r.opt_in)]
        ctx = Context(doc, lang, self.registry, self.settings.vocabulary, self._prefilter(rules), self.today)
        raw = [(rule, f) for rule in rules for f in rule.check.run(ctx)]
        if any(getattr(rule.check, "yields_to", None) for rule in rules):
            raw = _yield(raw)
        found = [self._diagnostic(doc, rule, f.start, f.end, rule.message.format(**f.fields), f.fix, f.severity)
                 for rule, f in raw]
        if mismatch and selector.enabled(LANGUAGE_MISMATCH, path):
            rule = self._builtin[LANGUAGE_MISMATCH]
            stated, where, guessed = mismatch
            found.append(self._diagnostic(doc, rule, 0, 0, rule.message.format(stated=stated, where=where, guessed=guessed)))
        if lang not in self._pack_languages and selector.enabled(NO_PACK, path):
            rule = self._builtin[NO_PACK]
            found.append(self._diagnostic(doc, rule, 0, 0, rule.message.format(lang=lang, langs=", ".join(sorted(self._pack_languages)))))
        off = self._suppressions[path] = suppress.collect(doc)
        found = [d for d in found if not off.suppressed(d.code, d.line)]
        if selector.enabled(BAD_SUPPRESSION, path):
            rule = self._builtin[BAD_SUPPRESSION]
            found += [self._diagnostic(doc, rule, a, b, rule.message.format(problem=msg)) for a, b, msg in off.problems]
        return sorted(found, key=Diagnostic.sort_key)

    def language(self, doc: MarkdownSource, default_lang: str | None = None) -> tuple[str, tuple | None]:
        """The language ``doc`` is linted in (DESIGN §3.2, with the text itself as the last word:
        kb_tools.lint.language.page_language), and the mismatch to report, if any."""
        return page_language(doc.meta, doc.path, doc.prose_sample(), default_lang or self.settings.default_lang,
                             self._pack_languages)

    def reader(self) -> "FindingsReader":
        """A :mod:`kb_tools.source_pages` reader: lints each page it is given, once parsed for all readers."""
        return FindingsReader(self)

    def lint_registry(self) -> list[Diagnostic]:
        """Problems of the contact registry itself (KB301 and neighbours), at its file and line."""
        if self.registry is None:
            return []
        path = self.registry.path
        lines = read_text(path).split("\n")
        found = []
        for rule in packs.rules_for("common"):
            check_registry = getattr(rule.check, "check_registry", None)
            if check_registry is None or not self.settings.selector.enabled(rule.code, path):
                continue
            for line, fields in check_registry(self.registry):
                text = lines[line - 1] if 0 < line <= len(lines) else ""
                column = len(text) - len(text.lstrip(" -")) + 1
                found.append(Diagnostic(path, line, column, line, len(text) + 1, rule.code, rule.slug, rule.severity,
                                        rule.message.format(**fields)))
        return sorted(found, key=Diagnostic.sort_key)

    def site_rules(self) -> list[Rule]:
        """The enabled rules that judge the whole site (KB4xx), not one page."""
        selector = self.settings.selector
        return [r for r in packs.rules_for("common") if hasattr(r.check, "check_site") and selector.enabled(r.code, opt_in=r.opt_in)]

    def lint_site(self, site, paths: set[str] | None = None) -> list[Diagnostic]:
        """Findings of the site-wide rules over ``site`` (:class:`kb_tools.lint.site.Site`), for the
        pages in ``paths`` only when given; per-file ignores, front matter and inline
        suppressions apply as to any finding."""
        found = []
        for rule in self.site_rules():
            def wanted(path: str, rule=rule) -> bool:  # checks skip the pages nobody asked about
                return (paths is None or path in paths) and self.settings.selector.enabled(rule.code, path, rule.opt_in)

            found += [Diagnostic(f.path, f.line, 1, f.line, 1, rule.code, rule.slug, rule.severity, rule.message.format(**f.fields))
                      for f in rule.check.check_site(site, wanted)]
        by_path: dict[str, list[Diagnostic]] = {}
        for d in found:
            by_path.setdefault(d.path, []).append(d)
        kept = []
        for path, diagnostics in by_path.items():
            off = self._suppressions.get(path)
            if off is None:  # linted in another process (kb lint --jobs), or not linted here
                try:
                    off = suppress.collect(parse(read_text(path, PAGE_LIMIT), path))
                except InputError:
                    continue  # the page's own lint reports it (KB001)
            kept += [d for d in diagnostics if not off.suppressed(d.code, d.line)]
        return sorted(kept, key=Diagnostic.sort_key)

    def _prefilter(self, rules: list[Rule]) -> Prefilter:
        key = tuple(r.source for r in rules)
        if key not in self._prefilters:
            self._prefilters[key] = Prefilter({u: u.requirement for r in rules for u in getattr(r.check, "units", ())})
        return self._prefilters[key]

    def _diagnostic(self, doc, rule: Rule, start: int, end: int, message: str, fix: str | None = None,
                    severity=None) -> Diagnostic:
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Diagnostic(doc.path, line, column, end_line, end_column, rule.code, rule.slug, severity or rule.severity,
                          message, fix)

    def unreadable(self, path: str, exc: InputError) -> list[Diagnostic]:
        """The KB001 finding for a page that could not be read or parsed."""
        rule = self._builtin[UNREADABLE]
        line = exc.line or 1
        return [Diagnostic(path, line, 1, line, 1, rule.code, rule.slug, rule.severity, rule.message.format(problem=exc.message))]


def _yield(raw: list) -> list:
    """Drop the findings of rules that yield to another (a learned rule to the phrase rule of
    its kind) where that rule found something in the same sentence."""
    spans: dict[str, list] = {}
    for rule, f in raw:
        spans.setdefault(rule.code, []).append((f.start, f.end))
    kept = []
    for rule, f in raw:
        other = getattr(rule.check, "yields_to", None)
        if other and f.scope and any(a < f.scope[1] and f.scope[0] < b for a, b in spans.get(other, ())):
            continue
        kept.append((rule, f))
    return kept


class FindingsReader:
    def __init__(self, linter: Linter):
        self.linter = linter
        self.found: list[Diagnostic] = []

    def read(self, page: SourcePage) -> None:
        self.found += self.linter.unreadable(page.path, page.error) if page.error else self.linter.lint_doc(page.doc)

    def finish(self) -> list[Diagnostic]:
        return self.found


_WORKER_LINTER: Linter | None = None


def _lint_in_worker(task: tuple[int, str]) -> tuple[int, list[Diagnostic]]:
    index, path = task
    return index, _WORKER_LINTER.lint_file(path)


@contextmanager
def _few_collections():
    """Run the cyclic garbage collector rarely, and never over what is loaded already.

    Parsing allocates ~100,000 short-lived tokens per megabyte, without cycles; at the
    default threshold the collector costs a tenth of the lint. Frozen objects (packs, word
    lists) are not scanned either, so forked workers don't copy their pages by touching them."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs(files: list[str]) -> int:
    """Both cores of a small machine for a large tree; one process where forking costs more than it saves."""
    cpus = os.cpu_count() or 1
    return min(cpus, max(1, len(files) // 8))


def _unreadable_folder(exc: OSError):
    """os.walk skips a folder it cannot list without a word: say so instead (exit status 2)."""
    raise InputError(exc.filename or "?", None, f"cannot read folder: {exc.strerror}")


def markdown_files(paths: list[str]) -> list[str]:
    """Expand directories into their ``*.md`` files (sorted, hidden folders skipped); keep files as given."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path, onerror=_unreadable_folder):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                # normpath: "." walks to "a.md", not "./a.md"; "docs" still gives "docs/a.md"
                files.extend(os.path.normpath(os.path.join(root, n)) for n in sorted(names) if n.endswith((".md", ".markdown")))
        elif os.path.exists(path):
            files.append(path)
        else:
            raise InputError(path, None, "no such file or directory")
    return files
