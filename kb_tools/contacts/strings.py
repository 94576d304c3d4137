"""Words the generated contact blocks use, per language (data: strings.yml). English is the fallback."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def _all() -> dict:
    return yaml.safe_load((resources.files("kb_tools.contacts") / "strings.yml").read_text(encoding="utf-8"))


def strings_for(lang: str | None) -> dict:
    """The words for ``lang``, any missing key taken from English."""
    table = _all()
    english = table["en"]
    words = table.get((lang or "en").split("-")[0].split("_")[0], {})
    merged = {**english, **words}
    merged["purposes"] = {**english["purposes"], **words.get("purposes", {})}
    return merged


def purpose_title(purpose: str, lang: str | None) -> str:
    return strings_for(lang)["purposes"].get(purpose) or purpose.replace("-", " ").capitalize()
