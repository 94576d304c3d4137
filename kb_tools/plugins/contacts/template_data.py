"""What the kb-* theme partials read from the registry (exposed as the Jinja global ``kb``)."""

from __future__ import annotations

from kb_tools.contacts import render
from kb_tools.contacts.model import Channel, Registry
from kb_tools.contacts.strings import strings_for


class TemplateData:
    def __init__(self, registry: Registry, contact_url: str):
        self.registry = registry
        self.contact_url = contact_url
        """Site-relative URL of the contact page, for Material's ``url`` filter."""

    def help_channels(self):
        return self.registry.help_channels

    def channel(self, channel_id: str) -> Channel | None:
        return self.registry.get(channel_id)

    def link(self, channel: Channel, lang: str | None = None) -> str:
        return render.link(channel, lang)

    def action_link(self, channel: Channel, lang: str | None = None) -> str:
        return render.link(channel, lang, render.action_text(channel, lang))

    def text(self, channel: Channel, name: str, lang: str | None = None) -> str:
        return render.escape(channel.text(name, lang))

    def t(self, key: str, lang: str | None = None) -> str:
        return render.escape(strings_for(lang)[key])
