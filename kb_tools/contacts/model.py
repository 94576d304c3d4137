"""The registry's records: immutable channels and the registry that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

CHANNEL_TYPES = ("email", "phone", "chat", "form", "social", "postal", "web")

# Fields a customer reads; each may be a string or a mapping of language → string.
LOCALIZED_FIELDS = ("label", "hours", "response_time")

ANY_LANGUAGE = "*"


@dataclass(frozen=True)
class Channel:
    id: str
    type: str
    purpose: str
    value: str
    """The address as written in the registry."""
    normalized: str
    """Canonical form for comparisons: E.164 phone, lower-case e-mail, normalised URL or handle."""
    display: str
    """How a customer sees the address (a phone number in its national or international format)."""
    href: str | None
    """A working link: ``mailto:``, ``tel:`` in E.164, or the URL; None for a postal address."""
    texts: Mapping[str, Mapping[str, str]]
    """label / hours / response_time, each as {language or "*": text}."""
    human: bool = True
    handoff: str | None = None
    url: str | None = None
    languages: tuple[str, ...] = ()
    line: int = 0
    """Line of the channel in the registry file, for messages."""
    field_lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each field the registry file gives, for messages about that field."""

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)

    def text(self, name: str, lang: str | None = None) -> str:
        """A customer-facing field in ``lang``, falling back to the untranslated or first text."""
        values = self.texts.get(name) or {}
        if lang and lang in values:
            return values[lang]
        if ANY_LANGUAGE in values:
            return values[ANY_LANGUAGE]
        return next(iter(values.values()), "")

    def field(self, name: str, lang: str | None = None) -> str:
        """The plain text of one field, as ``{{ contact.<id>.<field> }}`` renders it."""
        if name in LOCALIZED_FIELDS:
            return self.text(name, lang)
        if name == "value":
            return self.display
        if name == "href":
            return self.href or ""
        if name in ("id", "type", "purpose", "url"):
            return getattr(self, name) or ""
        raise KeyError(name)


FIELDS = ("value", "label", "hours", "response_time", "href", "url", "type", "purpose", "id")


@dataclass(frozen=True)
class Registry:
    path: str
    organization: str
    region: str
    channels: tuple[Channel, ...]
    website: str | None = None
    languages: tuple[str, ...] = ()
    help_box: tuple[str, ...] = ()
    """Ids shown in the help box on every page, in order (default: every channel)."""
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._by_id.update({c.id: c for c in self.channels})

    def get(self, channel_id: str) -> Channel | None:
        return self._by_id.get(channel_id)

    def find(self, normalized: str) -> Channel | None:
        """The channel with this normalised address (its value, or a social channel's profile URL)."""
        if "_by_address" not in self._by_id:
            from kb_tools.contacts.normalize import normalize_url

            index = {}
            for c in self.channels:
                index.setdefault(c.normalized, c)
                if c.url:
                    index.setdefault(normalize_url(c.url), c)
            self._by_id["_by_address"] = index
        return self._by_id["_by_address"].get(normalized)

    def __contains__(self, channel_id: str) -> bool:
        return channel_id in self._by_id

    @property
    def help_channels(self) -> tuple[Channel, ...]:
        """Channels of the help box: people first, then automated channels (WCAG 3.2.6 order)."""
        chosen = [self._by_id[i] for i in self.help_box] if self.help_box else list(self.channels)
        return tuple(sorted(chosen, key=lambda c: not c.human))

    def purposes(self) -> dict[str, list[Channel]]:
        """Channels grouped by purpose, in the order purposes first appear."""
        groups: dict[str, list[Channel]] = {}
        for channel in self.channels:
            groups.setdefault(channel.purpose, []).append(channel)
        return groups
