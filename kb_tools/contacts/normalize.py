"""Canonical forms of contact addresses, so that two spellings of one address compare equal.

Phone numbers go through ``phonenumbers`` (never a hand-made pattern); e-mail addresses
and URLs are case-folded where case carries no meaning.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import phonenumbers

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{1,62}$"
)


def is_email(value: str) -> bool:
    local = value.split("@", 1)[0]
    return bool(_EMAIL.match(value)) and not local.startswith(".") and ".." not in local


def normalize_email(value: str) -> str:
    """``MAILTO:Support@Zrnko.example?subject=Hi`` → ``support@zrnko.example``."""
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    return value.split("?", 1)[0].lower()


def parse_phone(value: str, region: str) -> phonenumbers.PhoneNumber:
    """Parse a phone number written for ``region``; raise ValueError when it is not a real number."""
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid number for its country")
    return number


def normalize_phone(value: str, region: str) -> str:
    """Any national or international spelling → E.164 (``+38616204480``)."""
    return phonenumbers.format_number(parse_phone(value, region), phonenumbers.PhoneNumberFormat.E164)


def format_phone(number: phonenumbers.PhoneNumber, style: str = "international", region: str | None = None) -> str:
    """International format, or national for a number of ``region`` itself (a foreign number
    written nationally cannot be dialled from abroad)."""
    national = style == "national" and (region is None or phonenumbers.region_code_for_number(number) == region)
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if national else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)


def normalize_url(value: str) -> str:
    """Scheme and host lower-cased, ``www.`` and default ports dropped, no trailing slash, no fragment."""
    parts = urlsplit(value.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and not (parts.scheme, parts.port) in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    return urlunsplit(("https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower(), host, path, parts.query, ""))


def is_url(value: str) -> bool:
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname) and "." in parts.hostname


def normalize_handle(value: str) -> str:
    """``@Zrnko@Social.example`` → ``zrnko@social.example``."""
    return value.strip().lstrip("@").lower()
