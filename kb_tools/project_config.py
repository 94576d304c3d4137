"""What ``kb`` needs from a project's mkdocs.yml, read without importing MkDocs.

mkdocs.yml may hold tags such as ``!ENV`` or ``!!python/name:`` (Material's emoji
settings); they are read as plain values, since none of the keys read here use them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from kb_tools.errors import InputError
from kb_tools.yamlsource import read_text


class _PermissiveLoader(yaml.SafeLoader):
    pass


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_PermissiveLoader.add_multi_constructor("!", _any_tag)
_PermissiveLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass
class ProjectConfig:
    path: str | None
    docs_dir: str = "docs"
    language: str | None = None
    contacts_file: str | None = None
    lint: dict = field(default_factory=dict)
    """The ``kb/lint`` plugin's options."""
    search: dict | None = None
    """The ``kb/search`` plugin's options; None when it is not enabled."""
    languages: dict[str, bool] = field(default_factory=dict)
    """mkdocs-static-i18n's languages (locale → is the default); empty without it."""
    use_directory_urls: bool = True


def plugin_options(plugins, name: str) -> dict | None:
    """Options of plugin ``name`` in a mkdocs ``plugins:`` list or mapping; None when it is not enabled."""
    items = plugins.items() if isinstance(plugins, dict) else ((p, {}) if isinstance(p, str) else next(iter(p.items()), (None, None))
                                                                for p in plugins or [])
    for key, options in items:
        if key == name:
            return options or {}
    return None


def load_project(path: str = "mkdocs.yml") -> ProjectConfig:
    """Read ``path`` if it exists; a missing file gives the defaults (``docs/``)."""
    if not os.path.exists(path):
        return ProjectConfig(None)
    try:
        data = yaml.load(read_text(path), Loader=_PermissiveLoader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise InputError(path, mark.line + 1 if mark else None, f"invalid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise InputError(path, 1, "mkdocs.yml must be a mapping")
    base = os.path.dirname(path)
    docs_dir = os.path.join(base, str(data.get("docs_dir", "docs")))
    theme = data.get("theme") or {}
    language = theme.get("language") if isinstance(theme, dict) else None
    contacts = plugin_options(data.get("plugins"), "kb/contacts")
    contacts_file = os.path.join(docs_dir, str((contacts or {}).get("file", "contacts.yml")))
    lint = plugin_options(data.get("plugins"), "kb/lint") or {}
    search = plugin_options(data.get("plugins"), "kb/search")
    i18n = plugin_options(data.get("plugins"), "i18n") or {}
    languages = {str(entry["locale"]): bool(entry.get("default")) for entry in i18n.get("languages") or []
                 if isinstance(entry, dict) and entry.get("locale") and entry.get("build", True)}
    return ProjectConfig(path, os.path.normpath(docs_dir), language, os.path.normpath(contacts_file), dict(lint),
                         dict(search) if search is not None else None, languages,
                         bool(data.get("use_directory_urls", True)))
