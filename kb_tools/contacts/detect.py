"""Find the contact addresses a customer can see in a piece of text, in normalised form.

Phone numbers are found with ``phonenumbers``' own matcher (valid numbers only, read with
the registry's region), never a hand-made pattern: it already leaves dates, times,
prices, IBANs, VAT ids and order numbers alone. E-mail addresses, contact URLs and social
handles are found with patterns and normalised like registry values, so
``Support@Zrnko.example`` and ``mailto:support@zrnko.example?subject=Hi`` are one address.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

import phonenumbers

from kb_tools.contacts import normalize

EMAIL = re.compile(r"(?<![\w.+@-])[A-Za-z0-9][A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}(?![\w-])")
HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?:@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63})?(?![\w@])")
# Paths and hosts of pages whose purpose is to reach a person: a chat, a contact form.
CONTACT_URL = re.compile(r"(?:^|[./-])(?:chat|livechat|contact|contacts|kontakt|kontakti|support|helpdesk|ticket|tickets|form|forms"
                         r"|callback|whatsapp|messenger|wa\.me|t\.me)(?:[./?#-]|$)", re.IGNORECASE)
DIGIT = re.compile(r"\d")
SOCIAL_HOSTS = ("twitter.com", "x.com", "facebook.com", "fb.com", "instagram.com", "linkedin.com", "youtube.com", "tiktok.com",
                "threads.net", "bsky.app", "mastodon.social", "t.me", "wa.me")


class Address(NamedTuple):
    kind: str
    """email, phone, url or handle."""
    start: int
    end: int
    text: str
    normalized: str


def in_text(text: str, region: str) -> list[Address]:
    """Addresses written out in ``text`` (prose as the customer sees it), in order."""
    found: list[Address] = []
    if "@" in text:  # both patterns need one, and start with a lookbehind that re cannot skip ahead with
        for m in EMAIL.finditer(text):
            found.append(Address("email", m.start(), m.end(), m.group(0), normalize.normalize_email(m.group(0))))
        taken = [(a.start, a.end) for a in found]
        for m in HANDLE.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                found.append(Address("handle", m.start(), m.end(), m.group(0), normalize.normalize_handle(m.group(0))))
    if region and _may_hold_phone(text, region):
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Address("phone", match.start, match.end, match.raw_string, e164))
    return sorted(found, key=lambda a: a.start)


def _may_hold_phone(text: str, region: str) -> bool:
    """Whether the matcher could find a valid number in ``text``: it costs a millisecond per
    block with digits, and most digits in prose are prices, dates and order numbers."""
    if "+" in text:
        return bool(DIGIT.search(text))
    return bool(_digit_run(region).search(text))


@lru_cache(maxsize=None)
def _digit_run(region: str) -> re.Pattern:
    """Digits, apart only by phone-number punctuation, as many as the shortest number that
    could be valid without a "+": a national number of ``region``, or one dialled abroad
    (an international prefix, a country code, a national number: five digits at least)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    lengths = metadata.general_desc.possible_length if metadata and metadata.general_desc else ()
    shortest = min([n for n in lengths or () if n > 0] + [5])
    return re.compile(r"\d(?:[\s().\-/]{0,3}\d){%d}" % (shortest - 1))


def in_target(target: str, region: str) -> Address | None:
    """The address a link target or bare URL points to (``mailto:``, ``tel:``, any web URL), if any.

    Whether a web URL is a contact channel is for the caller to decide: a URL in the
    registry always is; another one is when :func:`is_contact_url` says so."""
    target = target.strip("<>")
    lower = target.lower()
    if lower.startswith("mailto:"):
        address = normalize.normalize_email(target)
        return Address("email", 0, len(target), target, address) if normalize.is_email(address) else None
    if lower.startswith("tel:"):
        try:
            return Address("phone", 0, len(target), target, normalize.normalize_phone(target, region or "ZZ"))
        except ValueError:
            return None
    if normalize.is_url(target):
        return Address("url", 0, len(target), target, normalize.normalize_url(target))
    return None


def is_contact_url(url: str) -> bool:
    """A chat, contact form or social profile, not a status page, an API endpoint or an article."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host in SOCIAL_HOSTS or any(host.endswith("." + h) for h in SOCIAL_HOSTS):
        return bool(parts.path.strip("/"))
    if host.startswith(("api.", "status.")) or "/api/" in parts.path.lower():
        return False
    return bool(CONTACT_URL.search(host.split(".")[0] + "." + parts.path))
