"""Small facts about MkDocs pages that several kb plugins need."""

from __future__ import annotations

from kb_tools import markdown_source
from kb_tools.lint.language import language_of
from kb_tools.source_pages import display_path


def source_path(page) -> str:
    """The page's source file as a path relative to the working directory (what editors and CI link)."""
    return display_path(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri


def body_first_line(page, markdown: str) -> int:
    """1-based source line where ``markdown`` (the page body MkDocs passes to plugins) starts."""
    source = page.file.content_string
    return source.count("\n") - markdown.count("\n") + 1


def site_language(config) -> str | None:
    """The language of the build: its interface words (help box, labels). With
    mkdocs-static-i18n there is one build per language, each with its ``theme.language``."""
    return config.theme.get("language") if config.theme else None


def language_build(config) -> bool:
    """True in mkdocs-static-i18n's extra builds (one per language after the default one):
    MkDocs runs every plugin's on_config again for each, within the same command."""
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


def page_language(page, config) -> str:
    """The language the page is written in: front matter, file suffix, and for a page shown
    in another language's build as a fallback, the language of its file (static-i18n's
    ``File.locale``), not the build's."""
    default = getattr(page.file, "locale", None) or site_language(config)
    return language_of(page.meta or {}, page.file.src_uri, default)


def front_matter_line(page, key: str) -> int | None:
    """1-based line of ``key:`` in the page's front matter (MkDocs keeps no positions)."""
    return markdown_source.front_matter_line(page.file.content_string, key)


def norm_uri(file) -> str:
    """The page's path without a language suffix (``billing/index.ru.md`` → ``billing/index.md``)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri
