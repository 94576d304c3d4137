"""Load and validate ``contacts.yml``. Every mistake is one InputError naming file and line."""

from __future__ import annotations

import difflib
import re

import phonenumbers

from kb_tools import yamlsource
from kb_tools.contacts import normalize
from kb_tools.contacts.model import ANY_LANGUAGE, CHANNEL_TYPES, LOCALIZED_FIELDS, Channel, Registry
from kb_tools.errors import InputError
from kb_tools.yamlsource import SourceDict

TOP_KEYS = ("organization", "website", "region", "languages", "phone_format", "help_box", "channels")
CHANNEL_KEYS = ("id", "type", "purpose", "value", "url", "label", "hours", "response_time", "human", "handoff", "languages")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_TYPE_WORDS = {"email": "e-mail", "phone": "phone", "chat": "chat", "form": "form", "social": "social media", "postal": "post", "web": "website"}


def load_registry(path) -> Registry:
    """Read ``path`` and return a validated Registry, or raise InputError."""
    path = str(path)
    data = yamlsource.load(yamlsource.read_text(path), path)
    return _Validator(path).registry(data)


def parse_registry(text: str, path: str = "contacts.yml") -> Registry:
    return _Validator(path).registry(yamlsource.load(text, path))


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Validator:
    def __init__(self, path: str):
        self.path = path
        self.handoff_lines: dict[str, int] = {}

    def fail(self, line: int | None, message: str):
        raise InputError(self.path, line, message)

    def registry(self, data) -> Registry:
        if not isinstance(data, SourceDict):
            self.fail(1, "the registry must be a mapping with 'organization', 'region' and 'channels'")
        self._unknown_keys(data, TOP_KEYS, "top-level key")
        organization = self._string(data, "organization", required=True)
        region = str(data.get("region", "")).upper()
        has_phone = any(isinstance(c, dict) and c.get("type") == "phone" for c in data.get("channels") or [])
        if (region or has_phone) and region not in phonenumbers.SUPPORTED_REGIONS:
            given = f"not '{data.get('region')}'" if region else "and it is missing"
            self.fail(data.line_of("region"), f"'region' must be a two-letter country code such as SI or GB for reading phone numbers, {given}")
        website = self._string(data, "website")
        if website and not normalize.is_url(website):
            self.fail(data.line_of("website"), f"'website' must be an http(s) URL, not '{website}'")
        phone_format = data.get("phone_format", "international")
        if phone_format not in ("international", "national"):
            self.fail(data.line_of("phone_format"), "'phone_format' must be 'international' or 'national'")
        languages = self._languages(data)
        raw_channels = data.get("channels")
        if not isinstance(raw_channels, list) or not raw_channels:
            self.fail(data.line_of("channels"), "'channels' must be a non-empty list of channels")
        channels: list[Channel] = []
        seen: dict[str, int] = {}
        for number, raw in enumerate(raw_channels, start=1):
            if not isinstance(raw, SourceDict):
                self.fail(data.line_of("channels"), f"channel {number} must be a mapping with 'id', 'type' and 'value'")
            channel = self.channel(raw, region, phone_format, languages)
            if channel.id in seen:
                self.fail(channel.line, f"duplicate channel id '{channel.id}' (first at line {seen[channel.id]})")
            seen[channel.id] = channel.line
            channels.append(channel)
        by_id = {c.id: c for c in channels}
        for channel in channels:
            self._check_handoff(channel, by_id)
        help_box = data.get("help_box") or []
        if not isinstance(help_box, list):
            self.fail(data.line_of("help_box"), "'help_box' must be a list of channel ids")
        for channel_id in help_box:
            if channel_id not in by_id:
                self.fail(data.line_of("help_box"), f"'help_box' names unknown channel '{channel_id}'{_suggest(channel_id, by_id)}")
        return Registry(self.path, organization, region, tuple(channels), website, languages, tuple(help_box))

    def channel(self, raw, region: str, phone_format: str, languages) -> Channel:
        line = raw.line
        self._unknown_keys(raw, CHANNEL_KEYS, "channel field")
        channel_id = self._string(raw, "id", required=True)
        if not _ID.match(channel_id):
            self.fail(raw.line_of("id"), f"channel id '{channel_id}' may use only lower-case letters, digits, '-' and '_'")
        kind = self._string(raw, "type", required=True)
        if kind not in CHANNEL_TYPES:
            self.fail(raw.line_of("type"), f"channel '{channel_id}': unknown type '{kind}'{_suggest(kind, CHANNEL_TYPES)}; use one of {', '.join(CHANNEL_TYPES)}")
        purpose = self._string(raw, "purpose") or "support"
        value = self._string(raw, "value", required=True)
        vline = raw.line_of("value")
        normalized, display, href = self._address(channel_id, kind, value, region, phone_format, vline)
        url = self._string(raw, "url")
        if url and not normalize.is_url(url):
            self.fail(raw.line_of("url"), f"channel '{channel_id}': 'url' must be an http(s) URL, not '{url}'")
        if kind == "social" and url:
            href = url
        self.handoff_lines[channel_id] = raw.line_of("handoff")
        human = raw.get("human", True)
        if not isinstance(human, bool):
            self.fail(raw.line_of("human"), f"channel '{channel_id}': 'human' must be true or false")
        texts = {name: self._localized(raw, name) for name in LOCALIZED_FIELDS}
        if not texts["label"]:
            texts["label"] = {ANY_LANGUAGE: f"{purpose.replace('-', ' ').capitalize()} {_TYPE_WORDS[kind]}"}
        return Channel(
            id=channel_id, type=kind, purpose=purpose, value=value, normalized=normalized, display=display,
            href=href, texts=texts, human=human, handoff=self._string(raw, "handoff"), url=url,
            languages=self._languages(raw) or languages, line=line, field_lines=dict(raw.key_lines),
        )

    def _address(self, cid, kind, value, region, phone_format, line):
        """(normalized, display, href) for ``value``, or an error saying what a valid one looks like."""
        if kind == "email":
            if not normalize.is_email(value):
                self.fail(line, f"channel '{cid}': '{value}' is not an e-mail address (expected name@example.com)")
            return normalize.normalize_email(value), value, f"mailto:{value}"
        if kind == "phone":
            try:
                number = normalize.parse_phone(value, region)
            except ValueError as exc:
                self.fail(line, f"channel '{cid}': '{value}' is not a phone number that can be dialled from region {region} ({exc}); write it as +<country code> <number>")
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return e164, normalize.format_phone(number, phone_format, region), f"tel:{e164}"
        if kind in ("chat", "form", "web"):
            if not normalize.is_url(value):
                self.fail(line, f"channel '{cid}': a {kind} channel's value must be an http(s) URL, not '{value}'")
            return normalize.normalize_url(value), value, value
        if kind == "social":
            if normalize.is_url(value):
                return normalize.normalize_url(value), value, value
            if not value.startswith("@") or len(value) < 2 or " " in value:
                self.fail(line, f"channel '{cid}': a social channel's value must be a handle like @name or a profile URL, not '{value}'")
            return normalize.normalize_handle(value), value, None
        return " ".join(value.lower().split()), value, None  # postal

    def _check_handoff(self, channel: Channel, by_id) -> None:
        if channel.handoff is None:
            if not channel.human:
                self.fail(channel.line, f"channel '{channel.id}' is automated (human: false) but names no 'handoff' to a human channel; customers must always be able to reach a person")
            return
        target = by_id.get(channel.handoff)
        line = self.handoff_lines.get(channel.id, channel.line)
        if target is None:
            others = [i for i in by_id if i != channel.id]
            self.fail(line, f"channel '{channel.id}': 'handoff' names unknown channel '{channel.handoff}'{_suggest(channel.handoff, others)}")
        if not target.human:
            self.fail(line, f"channel '{channel.id}': 'handoff' must name a human channel, but '{target.id}' is automated")

    def _unknown_keys(self, mapping: SourceDict, allowed, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.fail(mapping.line_of(key), f"unknown {what} '{key}'{_suggest(key, allowed)}")

    def _string(self, mapping: SourceDict, key: str, required: bool = False) -> str | None:
        value = mapping.get(key)
        if value is None or value == "":
            if required:
                self.fail(mapping.line, f"missing required field '{key}'")
            return None
        if isinstance(value, (dict, list, bool)):
            self.fail(mapping.line_of(key), f"'{key}' must be text, not {type(value).__name__}")
        return str(value).strip()

    def _localized(self, mapping: SourceDict, key: str) -> dict[str, str]:
        value = mapping.get(key)
        if value is None:
            return {}
        if isinstance(value, dict):
            for lang, text in value.items():
                if not _LANG.match(str(lang)) or not isinstance(text, str):
                    self.fail(value.line_of(lang), f"'{key}' translations must map a language code (en, ru, he …) to text")
            return {str(k): v.strip() for k, v in value.items()}
        return {ANY_LANGUAGE: self._string(mapping, key) or ""}

    def _languages(self, mapping: SourceDict) -> tuple[str, ...]:
        value = mapping.get("languages") or []
        if not isinstance(value, list) or not all(isinstance(v, str) and _LANG.match(v) for v in value):
            self.fail(mapping.line_of("languages"), "'languages' must be a list of language codes such as [en, sl]")
        return tuple(value)
