"""``kb/search``: a per-language, sharded search index behind Material's search box.

Material's ``search`` plugin stays in ``mkdocs.yml``: it draws the search box and result
list, and its JavaScript runs the search in a web worker named in each page's
``__config``. This plugin

1. reads every Markdown page of the docs folder (title, ``questions``, ``description``,
   prose) in a second process while MkDocs renders, in the pass that also lints them
   (:mod:`kb_tools.plugins.source_pass`, :mod:`kb_tools.search.sources`), one index per
   language;
2. marks each page ``search: exclude`` for Material, whose lunr index (one file with
   every page of every language, 34 MB at 5,000 articles) is left empty;
3. points each page's worker at ``kb-search-worker.js?lang=<page language>``;
4. writes ``search/<lang>/`` (:mod:`kb_tools.search.index`), an index of its own for each
   ``separate`` folder (``search/writing/en/``), and the worker.

With mkdocs-static-i18n (suffix layout), ``refund.ru.md`` is a Russian page at
``ru/…``, so a reader of the Hebrew pages searches Hebrew pages only.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from kb_tools.contacts.strings import strings_for
from kb_tools.errors import InputError
from kb_tools.markdown_source import sub_visible
from kb_tools.plugins.pages import language_build, site_language
from kb_tools.plugins.search import slots
from kb_tools.plugins.search.config import SearchConfig
from kb_tools.plugins.search.slots import Slots
from kb_tools.plugins.source_pass import PASS, start_hook
from kb_tools.search import index, sources
from kb_tools.search.html import search_box
from kb_tools.search.project import SearchSetup

WORKER = "assets/javascripts/kb-search-worker.js"
SEARCH_BOX = re.compile(r"\{\{\s*search_box\s*\}\}")
_CONFIG_SEARCH = re.compile(r'(<script id="__config" type="application/json">[^<]*?"search":\s*)"[^"]*"')


def _worker_source() -> bytes:
    return (resources.files("kb_tools.search") / "assets" / "search-worker.js").read_bytes()


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self):
        self.home = ""
        self.worker = b""
        self.version = ""
        self.slots = Slots()

    def on_config(self, config):
        if not language_build(config):
            PASS.reset()
            self.slots.reset()
        if not self.config.enabled:
            return
        if "material/search" not in config.plugins:
            raise PluginError("kb/search needs Material's search box: list the 'search' plugin before 'kb/search' "
                              "(and use theme: material)")
        self.worker = _worker_source()
        self.version = hashlib.sha1(self.worker).hexdigest()[:10]  # in the worker's URL: a new worker is fetched anew

    def _add_reader(self, files, config):
        if not self.config.enabled:
            return
        synonyms = files.get_file_from_path(self.config.synonyms)
        if synonyms is not None:
            files.remove(synonyms)  # data for the index, not a page to publish
        if language_build(config):
            return
        setup = self.setup(config)
        try:
            groups = setup.synonyms()
        except InputError as exc:
            raise PluginError(f"kb/search: {exc}") from None
        PASS.add("search", sources.IndexReader(setup.sources(), groups))

    def setup(self, config) -> SearchSetup:
        """This site's search settings, as ``kb search`` reads them from mkdocs.yml."""
        i18n = config.plugins.get("i18n")
        languages = frozenset(lang.locale for lang in i18n.config.languages if lang.build) if i18n else frozenset()
        default = getattr(i18n, "default_language", None) or _language(config)
        return SearchSetup(config.docs_dir, languages, default, tuple(self.config.separate), self.config.synonyms,
                           config.use_directory_urls)

    on_files = CombinedEvent(_add_reader, start_hook)

    def on_page_markdown(self, markdown, page, config, files):
        """``{{ search_box }}``: a search form in the page (the home page's "How can we help?")."""
        if self.config.enabled and "search_box" in markdown:
            return sub_visible(SEARCH_BOX, lambda m: "\n" + search_box(_language(config)) + "\n", markdown)
        return markdown

    def _index(self, page, config) -> str:
        return sources.index_name(page.file.src_uri, _language(config), tuple(self.config.separate))

    @event_priority(50)  # before Material's search plugin reads the page
    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        own = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        page.meta["search"] = {**own, "exclude": True}
        source = sources.Source("", page.file.src_uri, page.url, _language(config), self._index(page, config))
        if self.config.related and sources.is_article(source):
            context["kb_related_slot"] = slots.RELATED  # overrides/partials/kb-related.html
        if nav is not None and nav.homepage is not None:
            self.home = nav.homepage.url
        return context

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        lang = _language(config)
        words = strings_for(lang)
        index_name = self._index(page, config)
        query = urlencode({"lang": lang, "index": index_name, "v": self.version,
                           "home": self.home, "unavailable": words["search_unavailable"],
                           "hint": words["search_unavailable_hint"]})
        worker = f"{get_relative_url(WORKER, page.url)}?{query}"
        self.slots.note(output, page.file.abs_dest_path, page.url, index_name, lang)
        # Only the worker's URL changes: a substitution inside the config, not a JSON round trip per page.
        return _CONFIG_SEARCH.sub(lambda m: m.group(1) + json.dumps(worker), output, count=1)

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
    def on_post_build(self, config):
        if not self.config.enabled or language_build(config):
            return
        built = PASS.result("search")
        if built is None:
            return
        site = Path(config.site_dir)
        files = {name: b.files for name, b in built.items()}
        files.setdefault(_language(config), index.build(_language(config), []))
        for name in sorted(files):
            folder = site / "search" / name
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for file_name, content in files[name].items():
                (folder / file_name).write_bytes(content)
        worker = site / WORKER
        worker.parent.mkdir(parents=True, exist_ok=True)
        worker.write_bytes(self.worker)
        self.slots.fill(built)


def _language(config) -> str:
    return site_language(config) or "en"
