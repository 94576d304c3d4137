"""Words the generated contact blocks use, per language (data: strings.yml). English is the fallback."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml


@lru_cache(maxsize=None)
def _all() -> dict:
    return yaml.safe_load((resources.files("kb_tools.contacts") / "strings.yml").read_text(encoding="utf-8"))


def strings_for(lang: str | None) -> Mapping:
    """The words for ``lang``, any missing key taken from English (read-only: one table per
    language, shared by every page)."""
    return _merged((lang or "en").split("-")[0].split("_")[0])


@lru_cache(maxsize=None)
def _merged(lang: str) -> Mapping:
    table = _all()
    english = table["en"]
    words = table.get(lang, {})
    merged = {**english, **words}
    merged["purposes"] = MappingProxyType({**english["purposes"], **words.get("purposes", {})})
    return MappingProxyType(merged)


def purpose_title(purpose: str, lang: str | None) -> str:
    return strings_for(lang)["purposes"].get(purpose) or purpose.replace("-", " ").capitalize()
