"""Check types: the code behind rules. A rule pack (YAML) names one with ``check:``.

Each check type validates its own options when a pack is loaded, compiles what it needs
once, and yields :class:`Finding` objects from :meth:`Check.run`.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from kb_tools.lint.diagnostic import Severity


class Finding(NamedTuple):
    start: int
    """Source offset of the first character."""
    end: int
    fields: dict
    """Values for the rule's message template."""
    fix: str | None = None
    severity: "Severity | None" = None
    """Overrides the rule's severity for this finding: checks that grade what they find
    (a long sentence is ``info``; past the hard limit it is a ``warning``)."""
    scope: "tuple[int, int] | None" = None
    """Source span of the sentence the finding is about, when it is narrower than that: a
    rule with ``yields_to`` drops its finding when the other rule found something in it."""


class Check:
    """Base class: ``options`` are the rule's check-specific keys; unknown keys are an error."""

    name = ""
    options: tuple[str, ...] = ()

    def __init__(self, options: dict, lang: str, where: str):
        self.lang = lang
        self.where = where

    def choice(self, options: dict, key: str, choices, default=None) -> str:
        """The value of option ``key`` (or ``default``), which must be one of ``choices``."""
        value = options.get(key, default)
        if value not in choices:
            from kb_tools.errors import InputError

            raise InputError(self.where, None, f"'{key}' must be one of {', '.join(map(repr, choices))}")
        return value

    def describe(self) -> str:
        """The rule's settings for this language, in one line for the rules reference ("" for none)."""
        return ""

    def prepare(self) -> None:
        """Load what the check needs from disk now (before worker processes fork), not on first use."""

    def run(self, ctx) -> Iterable[Finding]:
        return ()


def check_types() -> dict[str, type[Check]]:
    from kb_tools.lint.checks.builtin import Builtin
    from kb_tools.lint.checks.contact_addresses import ContactAddresses
    from kb_tools.lint.checks.contact_reference import ContactReference
    from kb_tools.lint.checks.existence import Existence
    from kb_tools.lint.checks.findability import DuplicateArticles, Findability
    from kb_tools.lint.checks.learned import Learned
    from kb_tools.lint.checks.rare_words import RareWords
    from kb_tools.lint.checks.readability import Readability
    from kb_tools.lint.checks.registry_quality import RegistryQuality
    from kb_tools.lint.checks.review_dates import ReviewDates
    from kb_tools.lint.checks.sentence_length import SentenceLength
    from kb_tools.lint.checks.substitution import Substitution

    return {c.name: c for c in (Builtin, Existence, Substitution, ContactReference, ContactAddresses, SentenceLength, Readability, RareWords,
                                     RegistryQuality, Learned, ReviewDates, Findability, DuplicateArticles)}
