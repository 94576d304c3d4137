"""``kb/search``: a per-language, sharded search index behind Material's search box.

Material's ``search`` plugin stays in ``mkdocs.yml``: it draws the search box and result
list, and its JavaScript runs the search in a web worker named in each page's
``__config``. This plugin

1. reads every page of the build's own language (title, ``questions``, ``description``,
   text) and marks it ``search: exclude`` for Material, whose lunr index (one file with
   every page of every language, 34 MB at 5,000 articles) is left empty;
2. points each page's worker at ``kb-search-worker.js?lang=<page language>``;
3. writes ``search/<lang>/`` (:mod:`kb_tools.search.index`) and the worker.

With mkdocs-static-i18n each language is its own build, so each language gets its own
index and a reader of the Hebrew pages searches Hebrew pages only; English pages shown
as fallbacks in another language's build are left to the English index.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from kb_tools.contacts.strings import strings_for
from kb_tools.plugins.pages import page_language, site_language
from kb_tools.plugins.search.config import SearchConfig
from kb_tools.search import index

WORKER = "assets/javascripts/kb-search-worker.js"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_DROPPED = re.compile(r'<a class="headerlink"[^>]*>.*?</a>|<(script|style)\b.*?</\1>', re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def page_text(content: str) -> str:
    """The words of a page's rendered body, without markup or permalink signs."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _DROPPED.sub(" ", content)))).strip()


def _worker_source() -> bytes:
    return (resources.files("kb_tools.search") / "assets" / "search-worker.js").read_bytes()


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self):
        self.documents: list[index.Document] = []
        self.home = ""
        self.worker = b""

    def on_config(self, config):
        if not self.config.enabled:
            return
        if "material/search" not in config.plugins:
            raise PluginError("kb/search needs Material's search box: list the 'search' plugin before 'kb/search' "
                              "(and use theme: material)")
        self.worker = _worker_source()

    def on_pre_build(self, config):
        self.documents = []

    @event_priority(50)  # before Material's search plugin reads the page
    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        own = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if not own.get("exclude") and page_language(page, config) == self._language(config):
            self.documents.append(self._document(page))
        page.meta["search"] = {**own, "exclude": True}
        if nav is not None and nav.homepage is not None:
            self.home = nav.homepage.url
        return context

    def _document(self, page) -> index.Document:
        meta = page.meta
        questions = meta.get("questions") or ()
        if isinstance(questions, str):
            questions = (questions,)
        return index.Document(page.url, str(meta.get("title") or page.title or ""),
                              tuple(str(q) for q in questions), str(meta.get("description") or ""),
                              page_text(page.content or ""))

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        lang = self._language(config)
        words = strings_for(lang)
        query = urlencode({"lang": lang, "v": hashlib.sha1(self.worker).hexdigest()[:10], "home": self.home,
                           "unavailable": words["search_unavailable"], "hint": words["search_unavailable_hint"]})
        worker = f"{get_relative_url(WORKER, page.url)}?{query}"

        def point(match):
            data = json.loads(match.group(2))
            data["search"] = worker
            return match.group(1) + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + match.group(3)

        return _CONFIG.sub(point, output, count=1)

    @event_priority(-50)  # after Material's search plugin has written its (empty) index
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        lang = self._language(config)
        site = Path(config.site_dir)
        folder = site / "search" / lang
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name, content in index.build(lang, self.documents).items():
            (folder / name).write_bytes(content)
        worker = site / WORKER
        worker.parent.mkdir(parents=True, exist_ok=True)
        worker.write_bytes(self.worker)

    @staticmethod
    def _language(config) -> str:
        return site_language(config) or "en"
