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
        yield from self._front_matter(ctx)
        for span in ctx.doc.spans:
            if span.kind != "shortcode":
                continue
            ref = parse_shortcode(span.text)
            if ref is None or ref.channel_id is None:
                continue
            if ref.channel_id not in ctx.registry:
                close, hint = _hint(ref.channel_id, ctx.registry)
                fix = f"{{{{ contact.{close}{'.' + ref.field if ref.field else ''} }}}}" if close else None
                yield Finding(span.start, span.end, {"problem": f"Unknown contact '{ref.channel_id}'; {hint}",
                                                     "registry": ctx.registry.path}, fix)
            elif ref.field and ref.field not in FIELDS:
                yield Finding(span.start, span.end, {"problem": f"Contact '{ref.channel_id}' has no field '{ref.field}'; "
                                                                f"fields are {', '.join(FIELDS)}", "registry": ctx.registry.path})

    def _front_matter(self, ctx):
        meta = ctx.doc.meta
        channel_id = meta.get("contact") if meta else None
        if channel_id is None or str(channel_id) in ctx.registry:
            return
        line = meta.line_of("contact") if hasattr(meta, "line_of") else 1
        start = ctx.doc.line_starts[line - 1]
        end = ctx.doc.source.find("\n", start)
        close, hint = _hint(str(channel_id), ctx.registry)
        yield Finding(start, end if end != -1 else len(ctx.doc.source),
                      {"problem": f"Front matter 'contact: {channel_id}' names no channel; {hint}", "registry": ctx.registry.path},
                      f"contact: {close}" if close else None)


def _hint(channel_id: str, registry) -> tuple[str | None, str]:
    ids = [c.id for c in registry.channels]
    close = difflib.get_close_matches(channel_id, ids, n=1)
    return (close[0], f"did you mean '{close[0]}'?") if close else (None, f"known ids: {', '.join(ids)}")
