"""A project's search as its ``mkdocs.yml`` sets it up, built without MkDocs: for ``kb search``,
the findability checks (KB4xx) and build-time choices (related articles, the contact page's
suggestions). The plugin (``kb/search``) builds the same indexes from the same settings."""

from __future__ import annotations

import os
from dataclasses import dataclass

from kb_tools.project_config import ProjectConfig
from kb_tools.search import sources
from kb_tools.search.synonyms import FILE, load_synonyms


@dataclass(frozen=True)
class SearchSetup:
    docs_dir: str
    languages: frozenset[str]
    """The i18n languages (suffix layout); empty for a one-language site."""
    default: str
    separate: tuple[str, ...] = ()
    synonyms_file: str = FILE
    use_directory_urls: bool = True

    @classmethod
    def from_project(cls, project: ProjectConfig) -> "SearchSetup":
        options = project.search or {}
        default = next((lang for lang, is_default in project.languages.items() if is_default), None)
        return cls(project.docs_dir, frozenset(project.languages), default or project.language or "en",
                   tuple(str(s) for s in options.get("separate") or ()), str(options.get("synonyms") or FILE),
                   project.use_directory_urls)

    def sources(self) -> list[sources.Source]:
        return sources.site_sources(self.docs_dir, set(self.languages), self.default, self.separate, self.use_directory_urls)

    def synonyms(self) -> dict[str, list[list[str]]]:
        return load_synonyms(os.path.join(self.docs_dir, self.synonyms_file))

    def build(self) -> dict[str, sources.Built]:
        """Every index of the site: name (``en``, ``writing/en``) → :class:`kb_tools.search.sources.Built`."""
        return sources.build_from(self.docs_dir, self.sources(), self.synonyms())
