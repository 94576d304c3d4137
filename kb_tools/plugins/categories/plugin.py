"""``kb/categories``: category pages list their articles, home pages list their categories.

Write ``{{ articles }}`` or ``{{ categories }}`` where the list goes. The nav then needs
only the categories, so every page's HTML stays the same size however many articles
there are, and the build grows linearly with the article count.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from kb_tools import catalog
from kb_tools.contacts.strings import strings_for
from kb_tools.errors import InputError
from kb_tools.markdown_source import sub_visible, visible_matches
from kb_tools.plugins.categories import listing
from kb_tools.plugins.categories.config import CategoriesConfig
from kb_tools.plugins.pages import norm_uri, site_language, source_path

PLACEHOLDER = re.compile(r"\{\{\s*(articles|categories)\s*\}\}")


class CategoriesPlugin(BasePlugin[CategoriesConfig]):
    def __init__(self):
        self.folders: dict[str, catalog.Folder] = {}
        self.files = None

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this build's files
    def on_files(self, files, config):
        if not self.config.enabled:
            return
        entries = []
        language = site_language(config)
        for file in files.documentation_pages():
            locale = getattr(file, "locale", None)
            if locale is not None and locale != language and norm_uri(file).rsplit("/", 1)[-1] not in ("index.md", "README.md"):
                continue  # another language's article shown as a fallback: not listed in this language
            try:
                entries.append(catalog.read_entry(file.src_uri, file.content_string, file.src_path, norm_uri(file)))
            except InputError as exc:
                raise PluginError(f"kb/categories: {exc}") from None
        self.folders = catalog.build(entries)
        self.files = files

    def _folder_of_index(self, page):
        directory, name = posixpath.split(norm_uri(page.file))
        return self.folders.get(directory) if name in ("index.md", "README.md") else None

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return
        folder = self._folder_of_index(page)
        placeholders = [m.group(1) for m in visible_matches(PLACEHOLDER, markdown)]
        if folder is None:
            if placeholders:
                raise PluginError(f"kb/categories: {source_path(page)}: {{{{ {placeholders[0]} }}}} works only in a "
                                  "category's index.md (a folder's index page)")
            return
        def href(src_uri):
            return self.files.get_file_from_path(src_uri).url_relative_to(page.file)

        def replace(m):
            return "\n" + (listing.articles(folder, href) if m.group(1) == "articles"
                           else listing.categories(folder, href, tuple(strings_for(site_language(config))["article_count"]))) + "\n"

        if self.config.auto_list and folder.articles and not folder.subfolders and "articles" not in placeholders:
            markdown += "\n\n{{ articles }}\n"
        return sub_visible(PLACEHOLDER, replace, markdown)

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        directory, name = posixpath.split(norm_uri(page.file))
        folder = self.folders.get(directory)
        if folder is not None and directory and name not in ("index.md", "README.md"):
            index = self.files.get_file_from_path(folder.index.src_uri)
            context["kb_category"] = {"title": folder.index.title, "url": index.url}
        return context
