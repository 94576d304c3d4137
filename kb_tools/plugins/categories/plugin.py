"""``kb/categories``: category pages list their articles, home pages list their categories.

Write ``{{ articles }}`` or ``{{ categories }}`` where the list goes. The menu needs only
the categories, so every page's HTML stays the same size however many articles there
are, and the build grows linearly with the article count. With no ``nav:`` in
``mkdocs.yml``, MkDocs builds the menu from the folders; this plugin names each category
after its index page's title, in the build's language, and orders by ``weight``.

With mkdocs-static-i18n and ``fallback_to_default: false`` (each language publishes only
its own pages), a link from a translation to a page not yet translated goes to the
default language's page instead of failing. And the ``<link rel="alternate" hreflang>``
tags are left out of each page's head: Material's script fetches a sitemap (megabytes
on a large site) for each of them on every page view. The hreflang pairs stay in
``sitemap.xml``, where search engines read them too.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re

import jinja2

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from kb_tools import catalog
from kb_tools.contacts.strings import strings_for
from kb_tools.errors import InputError
from kb_tools.markdown_source import parse, sub_visible, visible_matches
from kb_tools.plugins import i18n_files
from kb_tools.plugins.categories import listing
from kb_tools.plugins.categories.config import CategoriesConfig
from kb_tools.plugins.pages import norm_uri, site_language, source_path


class _Bytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the command (one per theme file)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


PLACEHOLDER = re.compile(r"\{\{\s*(articles|categories)\s*\}\}")
HREFLANG = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')  # see the module docstring
MD_LINK = re.compile(r"(\]\(\s*<?)([^)\s>#:]+\.md)(#[^)\s>]*)?")  # an inline link's relative .md target


RENDERED_META = ("title", "description")
"""Front-matter values that MkDocs and Material insert into HTML as they are (the menu, the
page heading, ``<meta name="description" content="…">``)."""


def escape_rendered_meta(meta: dict) -> None:
    """Front matter is data, not markup: escape the values the theme inserts unescaped, so a
    title such as ``<img onerror=…>`` shows as text in the menu instead of running. (The
    Markdown body stays trusted: writers may write HTML there, as in MkDocs.)"""
    for key in RENDERED_META:
        value = meta.get(key)
        if isinstance(value, str) and any(c in value for c in "<>&\"'"):
            meta[key] = html.escape(value, quote=True)


def quiet_i18n_progress() -> None:
    """At the default log level, keep mkdocs-static-i18n's progress notes ("Building 'ru'
    documentation…", "Overriding 'ru' config…", lunr language notices: 20 lines a build) out
    of the log, so the warnings a writer must act on stand out. `mkdocs build -v` shows them."""
    if logging.getLogger("mkdocs").getEffectiveLevel() == logging.INFO:
        logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


class CategoriesPlugin(BasePlugin[CategoriesConfig]):
    def __init__(self):
        self.folders: dict[str, catalog.Folder] = {}
        self.files = None
        self.present: set[str] = set()
        self.templates = _Bytecode()
        self.serving = False

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this plugin (and its template cache) across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        quiet_i18n_progress()

    @event_priority(-90)  # after kb/lint and kb/search have seen every file, before mkdocs-static-i18n (-100)
    def _drop_unused_pages(self, files, config):
        for file in i18n_files.unused_pages(files, config):
            files.remove(file)
        return files

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this build's files
    def _read_catalog(self, files, config):
        if not self.config.enabled:
            return
        entries = []
        language = site_language(config)
        for file in files.documentation_pages():
            locale = getattr(file, "locale", None)
            if locale is not None and locale != language and not catalog.is_index(norm_uri(file)):
                continue  # another language's article shown as a fallback: not listed in this language
            try:
                entries.append(catalog.read_entry(file.src_uri, file.content_string, file.src_path, norm_uri(file)))
            except InputError as exc:
                raise PluginError(f"kb/categories: {exc}") from None
        self.folders = catalog.build(entries)
        self.files = files
        self.present = {norm_uri(file) for file in files.documentation_pages()}

    on_files = CombinedEvent(_drop_unused_pages, _read_catalog)

    def on_env(self, env, config, files):
        # mkdocs-static-i18n runs one build per language, each with a new Jinja environment
        # that would compile every theme template again: keep their bytecode between builds.
        env.bytecode_cache = self.templates
        if not self.serving:
            env.auto_reload = False  # nor check each template's file for changes, tens of times per page
        return env

    def on_nav(self, nav, config, files):
        if not self.config.enabled or config.nav:
            return nav  # a hand-written nav is the author's
        nav.items.sort(key=self._order)
        for item in nav.items:
            self._name_sections(item)
        return nav

    def _order(self, item) -> tuple:
        """Home (or a section's index page) first, then categories and pages by weight and title."""
        file = getattr(item, "file", None)
        if file is not None and catalog.is_index(norm_uri(file)):
            return (0, 0.0, "")
        entry = self._entry(item)
        return (1, entry.weight, entry.title.casefold()) if entry else (1, 0.0, str(item.title).casefold())

    def _entry(self, item):
        if getattr(item, "is_section", False):
            folder = self._folder_of_section(item)
            return folder.index if folder else None
        file = getattr(item, "file", None)
        if file is None:
            return None
        directory = posixpath.dirname(norm_uri(file))
        folder = self.folders.get(directory)
        return next((a for a in folder.articles if a.key == norm_uri(file)), None) if folder else None

    def _folder_of_section(self, section):
        for child in section.children:
            file = getattr(child, "file", None)
            if file is not None and catalog.is_index(norm_uri(file)):
                return self.folders.get(posixpath.dirname(norm_uri(file)))
        return None

    def _name_sections(self, item) -> None:
        if not getattr(item, "is_section", False):
            return
        folder = self._folder_of_section(item)
        if folder is not None:
            item.title = html.escape(folder.index.title)  # the theme inserts section titles as they are
        item.children.sort(key=self._order)
        for child in item.children:
            self._name_sections(child)

    def _folder_of_index(self, page):
        uri = norm_uri(page.file)
        return self.folders.get(posixpath.dirname(uri)) if catalog.is_index(uri) else None

    def on_page_markdown(self, markdown, page, config, files):
        escape_rendered_meta(page.meta)
        if not self.config.enabled:
            return
        markdown = self._untranslated_links(markdown, page, config)
        folder = self._folder_of_index(page)
        placeholders = [m.group(1) for m in visible_matches(PLACEHOLDER, markdown)]
        if folder is None:
            if placeholders:
                raise PluginError(f"kb/categories: {source_path(page)}: {{{{ {placeholders[0]} }}}} works only in a "
                                  "category's index.md (a folder's index page)")
            return markdown

        def href(src_uri):
            return self.files.get_file_from_path(src_uri).url_relative_to(page.file)

        def replace(m):
            return "\n" + (listing.articles(folder, href) if m.group(1) == "articles"
                           else listing.categories(folder, href, tuple(strings_for(site_language(config))["article_count"]))) + "\n"

        if self.config.auto_list and folder.articles and not folder.subfolders and "articles" not in placeholders:
            markdown += "\n\n{{ articles }}\n"
        return sub_visible(PLACEHOLDER, replace, markdown)

    def _untranslated_links(self, markdown: str, page, config) -> str:
        """Point links to pages this language's build lacks at the default language's page."""
        base = posixpath.dirname(page.file.src_uri)
        missing = {}
        for m in MD_LINK.finditer(markdown):
            target = posixpath.normpath(posixpath.join(base, m.group(2)))
            if (target not in missing and target not in self.present
                    and os.path.isfile(os.path.join(config.docs_dir, target))):
                url = File(target, config.docs_dir, config.site_dir, config.use_directory_urls).url
                missing[target] = get_relative_url(url, page.url)
        if not missing:
            return markdown
        code = parse(markdown).code

        def replace(m):
            target = posixpath.normpath(posixpath.join(base, m.group(2)))
            if target not in missing or any(a <= m.start() < b for a, b in code):
                return m.group(0)
            return m.group(1) + missing[target] + (m.group(3) or "")

        return MD_LINK.sub(replace, markdown)

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        return HREFLANG.sub("", output)

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        uri = norm_uri(page.file)
        directory = posixpath.dirname(uri)
        folder = self.folders.get(directory)
        if folder is not None and directory and not catalog.is_index(uri):
            index = self.files.get_file_from_path(folder.index.src_uri)
            context["kb_category"] = {"title": folder.index.title, "url": index.url}
        return context
