"""``contact_addresses``: contact addresses written out in a page (KB302, KB303).

Every e-mail address, phone number, ``mailto:``/``tel:`` link, chat or contact-form URL and
social handle a customer can see is found (kb_tools.contacts.detect) and compared, in
normalised form, with the registry. ``report: registered`` reports those that are a
registry channel (write ``{{ contact.<id> }}`` instead); ``report: unregistered`` those that
are not (an undeclared or conflicting channel). Code and HTML comments are never read.
A link whose text and target hold the same address counts once.
"""

from __future__ import annotations

from typing import NamedTuple

from kb_tools.contacts import detect
from kb_tools.lint.checks import Check, Finding

_TARGET_SPANS = ("link", "url", "autolink")


class Occurrence(NamedTuple):
    start: int
    end: int
    address: detect.Address
    in_target: bool
    """True for a link target: replacing it with a shortcode would break the link."""


class ContactAddresses(Check):
    name = "contact_addresses"
    options = ("report",)

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.report = self.choice(options, "report", ("registered", "unregistered"))

    def run(self, ctx):
        if ctx.registry is None:
            return
        for occ in ctx.memo("contact-addresses", lambda: occurrences(ctx)):
            channel = ctx.registry.find(occ.address.normalized)
            shown = " ".join(occ.address.text.split())
            if channel is not None and self.report == "registered":
                fix = None if occ.in_target else f"{{{{ contact.{channel.id} }}}}"
                yield Finding(occ.start, occ.end, {"match": shown, "id": channel.id, "label": channel.text("label", ctx.lang)}, fix)
            elif channel is None and self.report == "unregistered":
                if occ.address.kind == "url" and not detect.is_contact_url(occ.address.text):
                    continue  # an article, a status page, an API endpoint: not a contact channel
                yield Finding(occ.start, occ.end, {"match": shown, "registry": ctx.registry.path})


def occurrences(ctx) -> list[Occurrence]:
    """Every address in the page's visible text and link targets, once each, in order."""
    region = ctx.registry.region
    source = ctx.doc.source
    found: list[Occurrence] = []
    spans = [s for s in ctx.doc.spans if s.kind in _TARGET_SPANS]
    for block in ctx.doc.blocks:
        in_block = [s for s in spans if block.start <= s.start < block.end]
        targets = []
        for span in in_block:
            address = detect.in_target(span.text, region)
            if address is None and span.kind == "autolink" and detect.EMAIL.fullmatch(span.text):
                address = detect.in_text(span.text, region)[0]
            if address is not None:
                targets.append(Occurrence(span.start, span.end, address, span.kind == "link"))
        texts = [Occurrence(block.start + a.start, block.start + a.end, a, False)
                 for a in detect.in_text(block.visible, region)
                 if not any(s.start <= block.start + a.start < s.end for s in in_block)]
        for target in targets:
            if target.in_target:
                opener = source.rfind("[", block.start, target.start)
                if any(opener < t.start < target.start and t.address.normalized == target.address.normalized for t in texts):
                    continue  # [support@x.example](mailto:support@x.example): one address, reported at its text
            found.append(target)
        found.extend(texts)
    return sorted(found, key=lambda o: o.start)
