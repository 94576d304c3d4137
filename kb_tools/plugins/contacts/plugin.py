"""``kb/contacts``: the registry becomes the contact page, the help box, shortcodes and JSON-LD."""

from __future__ import annotations

import json
import os
import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from kb_tools.contacts import load_registry, render
from kb_tools.contacts.strings import strings_for
from kb_tools.contacts.shortcodes import SHORTCODE, expand
from kb_tools.errors import InputError
from kb_tools.plugins.contacts.config import ContactsConfig
from kb_tools.plugins.contacts.template_data import TemplateData
from kb_tools.plugins.pages import body_first_line, front_matter_line, norm_uri, page_language, site_language, source_path

log = get_plugin_logger(__name__)


class ContactsPlugin(BasePlugin[ContactsConfig]):
    def __init__(self):
        self.registry = None
        self.registry_path = None
        self.contact_url = "contact/"

    def on_config(self, config):
        if not self.config.enabled:
            return
        self.registry_path = os.path.join(config.docs_dir, self.config.file)
        self.registry = self._load()

    def _load(self):
        try:
            return load_registry(os.path.relpath(self.registry_path))
        except InputError as exc:
            raise PluginError(f"kb/contacts: {exc}") from None

    def on_serve(self, server, config, builder):
        if self.config.enabled:
            server.watch(self.registry_path)  # the registry is not a page, so MkDocs would not rebuild on its change

    def on_pre_build(self, config):
        if self.config.enabled:
            self.registry = self._load()  # fresh on every `mkdocs serve` rebuild

    @event_priority(50)  # before mkdocs-static-i18n, so a generated page is built in every language
    def _add_contact_page(self, files, config):
        if not self.config.enabled:
            return
        registry_file = files.get_file_from_path(self.config.file)
        if registry_file is not None:
            files.remove(registry_file)  # a data file, not something to publish
        if files.get_file_from_path(self.config.contact_page) is None and "i18n" not in config.plugins:
            files.append(self._generated_contact_page(config, self.config.contact_title))
        return files

    def _generated_contact_page(self, config, title: str) -> File:
        content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{{{{ contacts }}}}\n"
        return File.generated(config, self.config.contact_page, content=content)

    @event_priority(-110)  # after mkdocs-static-i18n: this build's contact page (/ru/contact/ …)
    def _find_contact_page(self, files, config):
        if not self.config.enabled:
            return
        page = files.get_file_from_path(self.config.contact_page)
        if page is None and "i18n" in config.plugins:
            # mkdocs-static-i18n rebuilds every file from disk, so a page generated before it
            # is lost: this language's build gets its own, titled in its language.
            lang = site_language(config)
            title = self.config.contact_title if lang == "en" else strings_for(lang)["all_channels"]
            page = self._generated_contact_page(config, title)
            home = files.get_file_from_path("index.md")  # i18n writes this language's pages under its folder (ru/)
            folder = posixpath.dirname(home.dest_uri) if home is not None else ""
            if folder:
                page.dest_uri = f"{folder}/{page.dest_uri}"
            files.append(page)
        if page is not None:
            self.contact_url = page.url
        return files

    on_files = CombinedEvent(_add_contact_page, _find_contact_page)

    def on_env(self, env, config, files):
        if self.config.enabled:
            env.globals["kb"] = TemplateData(self.registry, self.contact_url)

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return
        lang = page_language(page, config)
        path = source_path(page)
        channel_id = (page.meta or {}).get("contact")
        if channel_id is not None and channel_id not in self.registry:
            where = f"{path}:{front_matter_line(page, 'contact') or 1}"
            raise PluginError(f"kb/contacts: {where}: front matter 'contact: {channel_id}' names no channel in {self.registry.path}")
        if norm_uri(page.file) == self.config.contact_page and not any(m.group("list") for m in SHORTCODE.finditer(markdown)):
            markdown += "\n\n{{ contacts }}\n"
        try:
            search = config.plugins.get("kb/search")
            suggestions = search is not None and search.config.enabled
            return expand(markdown, self.registry, lang, path, body_first_line(page, markdown), suggestions)
        except InputError as exc:
            raise PluginError(f"kb/contacts: {exc}") from None

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        if norm_uri(page.file) in ("index.md", self.config.contact_page):
            context["kb_jsonld"] = render.json_ld(self.registry, page_language(page, config))
        channel_id = (page.meta or {}).get("contact")
        context["kb_still_stuck"] = self.registry.get(channel_id) if channel_id else None
        context["kb_lang"] = site_language(config)  # the help box speaks the language of the site being read
        return context
