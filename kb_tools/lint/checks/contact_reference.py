"""``contact_reference``: every ``{{ contact.<id> }}`` and ``{{ contact.<id>.<field> }}`` names a real channel."""

from __future__ import annotations

import difflib

from kb_tools.contacts.model import FIELDS
from kb_tools.contacts.shortcodes import parse_shortcode
from kb_tools.lint.checks import Check, Finding


class ContactReference(Check):
    name = "contact_reference"

    def run(self, ctx):
        if ctx.registry is None:
            return
        for span in ctx.doc.spans:
            if span.kind != "shortcode":
                continue
            ref = parse_shortcode(span.text)
            if ref is None or ref.channel_id is None:
                continue
            if ref.channel_id not in ctx.registry:
                close = difflib.get_close_matches(ref.channel_id, [c.id for c in ctx.registry.channels], n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(c.id for c in ctx.registry.channels)}"
                yield Finding(span.start, span.end, {"id": ref.channel_id, "hint": hint, "registry": ctx.registry.path},
                              f"{{{{ contact.{close[0]} }}}}" if close and not ref.field else None)
            elif ref.field and ref.field not in FIELDS:
                yield Finding(span.start, span.end, {"id": f"{ref.channel_id}.{ref.field}", "registry": ctx.registry.path,
                                                     "hint": f"fields are {', '.join(FIELDS)}"})
