"""HTML and JSON-LD generated from the registry. Every value is escaped here, once."""

from __future__ import annotations

import html
import json

from kb_tools.contacts.model import Channel, Registry
from kb_tools.contacts.strings import purpose_title, strings_for
from kb_tools.search.html import search_box

escape = html.escape

# schema.org contactType for the purposes we know; others are spelled out.
_CONTACT_TYPES = {"support": "customer support", "billing": "billing support", "sales": "sales", "returns": "customer service",
                  "privacy": "privacy"}


def link_text(channel: Channel, lang: str | None) -> str:
    """What the link shows: the address itself where customers copy it (e-mail, phone, handle), else the label."""
    return channel.display if channel.type in ("email", "phone", "social", "postal") else channel.text("label", lang)


def link(channel: Channel, lang: str | None = None, text: str | None = None) -> str:
    shown = text or link_text(channel, lang)
    # An address (+386 1 620 44 80, a@b.example) reads left to right even on a Hebrew or
    # Persian page; without dir="ltr" the bidi algorithm shows "80 44 620 1 386+".
    direction = ' dir="ltr"' if shown == channel.display else ""
    if not channel.href:
        return f'<span class="kb-contact kb-contact--{channel.type}"{direction}>{escape(shown)}</span>'
    return f'<a class="kb-contact kb-contact--{channel.type}" href="{escape(channel.href)}"{direction}>{escape(shown)}</a>'


def action_text(channel: Channel, lang: str | None) -> str:
    """Beside the label, a link to a chat or form says what it does instead of repeating the label."""
    key = {"chat": "open_chat", "form": "open_form", "web": "open_page"}.get(channel.type)
    return strings_for(lang)[key] if key else link_text(channel, lang)


def channel_item(channel: Channel, registry: Registry, lang: str | None) -> str:
    s = strings_for(lang)
    if channel.human:
        who = escape(s["human"])
    else:
        target = registry.get(channel.handoff)
        who = escape(s["automated"]).format(handoff=f'<a href="#{escape(target.id)}">{escape(target.text("label", lang))}</a>')
    facts = [(s["hours"], escape(channel.text("hours", lang))), (s["response_time"], escape(channel.text("response_time", lang)))]
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in facts if v)
    return (f'<li class="kb-channel kb-channel--{channel.type}" id="{escape(channel.id)}" data-kb-channel="{escape(channel.id)}">'
            f'<p class="kb-channel__label">{escape(channel.text("label", lang))}</p>'
            f'<p class="kb-channel__link">{link(channel, lang, action_text(channel, lang))}</p>'
            f'<dl class="kb-channel__facts">{dl}</dl><p class="kb-channel__who">{who}</p></li>')


def channel_list(registry: Registry, lang: str | None = None, suggestions: bool = False) -> str:
    """The contact page's channels grouped by purpose: a Markdown heading per purpose (so the
    table of contents lists them) followed by a raw HTML list of its channels.

    With ``suggestions`` (kb/search on), a search box comes first and each purpose gets a
    marker where kb/search puts the articles that answer most questions of that kind
    (:mod:`kb_tools.plugins.search.slots`): customers try those before they write, and the
    channels stay right there."""
    parts = [search_box(lang or "en") + "\n"] if suggestions else []
    for purpose, channels in registry.purposes().items():
        items = "".join(channel_item(c, registry, lang) for c in channels)
        marker = f"<!--kb:suggest:{purpose}-->\n" if suggestions else ""
        parts.append(f"## {escape(purpose_title(purpose, lang))}\n\n{marker}"
                     f'<ul class="kb-channels" data-kb-purpose="{escape(purpose)}">{items}</ul>\n')
    return "\n".join(parts)


def json_ld(registry: Registry, lang: str | None = None) -> str:
    """An ``Organization`` with one ``ContactPoint`` per addressable channel, safe inside ``<script>``."""
    points = []
    same_as = []
    for c in registry.channels:
        if c.type == "social":
            if c.href:
                same_as.append(c.href)
            continue
        if c.type == "postal":
            continue
        point = {"@type": "ContactPoint", "contactType": _CONTACT_TYPES.get(c.purpose, c.purpose.replace("-", " ")),
                 "name": c.text("label", lang)}
        if c.type == "phone":
            point["telephone"] = c.normalized
        elif c.type == "email":
            point["email"] = c.value
        else:
            point["url"] = c.href
        if c.languages:
            point["availableLanguage"] = list(c.languages)
        hours = c.text("hours", lang)
        if hours:
            point["hoursAvailable"] = {"@type": "OpeningHoursSpecification", "description": hours}
        points.append(point)
    data = {"@context": "https://schema.org", "@type": "Organization", "name": registry.organization}
    if registry.website:
        data["url"] = registry.website
    data["contactPoint"] = points
    if same_as:
        data["sameAs"] = same_as
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</script>" or "<!--" inside a value must not end the element; \u escapes keep the JSON identical.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
