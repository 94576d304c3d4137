"""``{{ contact.<id> }}``, ``{{ contact.<id>.<field> }}`` and ``{{ contacts }}`` in page Markdown."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from kb_tools.contacts import render
from kb_tools.contacts.model import FIELDS, Registry
from kb_tools.errors import InputError
from kb_tools.markdown_source import sub_visible

SHORTCODE = re.compile(r"\{\{\s*(?:(?P<list>contacts)|contact\.(?P<id>[A-Za-z0-9_-]+)(?:\.(?P<field>[A-Za-z_]+))?)\s*\}\}")


class Ref(NamedTuple):
    channel_id: str | None
    """None for ``{{ contacts }}`` (the whole channel list)."""
    field: str | None


def parse_shortcode(text: str) -> Ref | None:
    m = SHORTCODE.fullmatch(text.strip())
    if not m:
        return None
    return Ref(None, None) if m.group("list") else Ref(m.group("id"), m.group("field"))


def expand(markdown: str, registry: Registry, lang: str | None, path: str, first_line: int = 1,
           suggestions: bool = False) -> str:
    """Replace every shortcode outside code with its rendering; unknown ids raise InputError at their line.
    ``suggestions``: the channel list gets a search box and article suggestions (kb/search is on)."""

    def replace(m: re.Match) -> str:
        if m.group("list"):
            return "\n" + render.channel_list(registry, lang, suggestions) + "\n"
        line = first_line + markdown.count("\n", 0, m.start())
        channel = registry.get(m.group("id"))
        if channel is None:
            close = difflib.get_close_matches(m.group("id"), [c.id for c in registry.channels], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise InputError(path, line, f"unknown contact id '{m.group('id')}' in {m.group(0)}{hint}; ids are defined in {registry.path}")
        name = m.group("field")
        if name is None:
            return render.link(channel, lang)
        if name not in FIELDS:
            raise InputError(path, line, f"unknown contact field '{name}' in {m.group(0)}; fields are {', '.join(FIELDS)}")
        return render.escape(channel.field(name, lang))

    return sub_visible(SHORTCODE, replace, markdown)
