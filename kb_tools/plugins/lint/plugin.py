"""``kb/lint``: the same engine as `kb lint`, run on every page of `mkdocs build` and `mkdocs serve`.

Findings at or above ``fail_on`` are logged as warnings, so ``mkdocs build --strict``
fails on exactly what `kb lint` would fail on. Pages are linted from their source file,
so line numbers match the editor, each file once per command in its own language.

In `mkdocs build`, every Markdown file of the docs folder is linted in a second process
while MkDocs renders the pages, in the same pass that reads them for the search index
(:mod:`kb_tools.plugins.source_pass`), and the findings are logged at the end, with those
of the site-wide checks (KB4xx), which run in that process too, over the indexes kb/search built. In
`mkdocs serve`, each page is linted as it is built, and shows its own findings in a
panel (:mod:`kb_tools.plugins.lint.panel`).
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from kb_tools.lint import packs
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.engine import Linter, markdown_files
from kb_tools.lint.options import LintOptions
from kb_tools.lint.site import SiteReader
from kb_tools.plugins.lint import panel
from kb_tools.plugins.lint.config import LintConfig
from kb_tools.plugins.pages import display_path, language_build, page_language, site_language, source_path
from kb_tools.plugins.source_pass import PASS, start_hook

log = get_plugin_logger(__name__)


class LintPlugin(BasePlugin[LintConfig]):
    def __init__(self):
        self.options = LintOptions()
        self.linter = None
        self.diagnostics = []
        self.linted: set[str] = set()
        """Source files already linted in this command: with mkdocs-static-i18n, MkDocs builds
        once per language and would otherwise report each finding once per language."""
        self.registry_linted = False
        self.serving = False
        self.by_path: dict[str, list] = {}

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this plugin across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def on_config(self, config):
        if not language_build(config):  # a new command or `serve` rebuild, not one of its language builds
            self.by_path = {}
            self.linted = set()
            self.registry_linted = False
            self.diagnostics = []
            PASS.reset()
        if not self.config.enabled:
            return
        try:
            self.options = LintOptions.from_mapping(dict(self.config))
        except ValueError as exc:
            raise PluginError(f"kb/lint: {exc}") from None

    def _add_reader(self, files, config):
        # After every plugin's on_pre_build, so a `mkdocs serve` rebuild sees the registry
        # kb/contacts has just reloaded, whatever the order of the plugins in mkdocs.yml.
        contacts = config.plugins.get("kb/contacts")
        registry = contacts.registry if contacts is not None and contacts.config.enabled else None
        self.linter = Linter(self.options.settings(site_language(config)), registry)
        if self.config.enabled and not self.registry_linted:
            self.registry_linted = True
            self._log(self.linter.lint_registry())
        if self.config.enabled and not self.serving and not language_build(config):
            self.linted.update(display_path(p) for p in markdown_files([config.docs_dir]))  # not linted again per page
            # Not prepared here: the pass's process loads the packs it needs itself, on the
            # other core, while this one renders.
            PASS.add("lint", self.linter.reader())
            if self.linter.site_rules():
                PASS.add("site", SiteReader(self.linter, PASS.readers, set(self.linted)))

    on_files = CombinedEvent(_add_reader, start_hook)

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return
        path = source_path(page)
        if path in self.linted:
            return
        self.linted.add(path)
        lang = page_language(page, config)
        self._log(self.linter.lint_text(page.file.content_string, path, default_lang=lang))

    def on_post_page(self, output, page, config):
        if not (self.serving and self.config.enabled and self.config.serve_panel):
            return output
        path = source_path(page)
        lang = page_language(page, config)
        rules = {r.code: r for r in packs.rules_for(lang)}

        def explain(code):
            rule = rules.get(code)
            return (rule.summary, rule.description) if rule else None

        shown = panel.render(path, self.by_path.get(path, []), explain)
        return output.replace("</body>", shown + "</body>", 1) if shown else output

    def _log(self, found) -> None:
        for d in found:
            self.by_path.setdefault(d.path, []).append(d)
            log.log(self._level(d.severity), "%s:%d:%d: %s %s", d.path, d.line, d.column, d.code, d.message)
        self.diagnostics.extend(found)

    def _level(self, severity: Severity) -> int:
        if self.options.fail_on != "never" and severity >= Severity.parse(self.options.fail_on):
            return logging.WARNING
        return logging.INFO

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
    def on_post_build(self, config):
        if language_build(config):
            return
        found = PASS.result("lint")
        if found is not None:
            self._log(found)
            self._log(PASS.result("site") or [])  # the site-wide checks, over the indexes kb/search made
        if self.config.enabled and self.diagnostics:
            log.info("%d finding(s) in %d page(s)", len(self.diagnostics), len({d.path for d in self.diagnostics}))
