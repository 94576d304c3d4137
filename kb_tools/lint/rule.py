"""The rule record: one rule of one language pack, with its compiled check."""

from __future__ import annotations

from typing import Any, NamedTuple

from kb_tools.lint.diagnostic import Severity

COMMON = "*"
"""The language of rules that apply to every page whatever its language."""


class Rule(NamedTuple):
    code: str
    slug: str
    lang: str
    check: Any
    """An instance of a check type from kb_tools.lint.checks."""
    severity: Severity
    message: str
    """A str.format template; checks supply the fields ({match}, {replacement}, …)."""
    summary: str
    """One line: what the rule catches."""
    description: str
    """Why it hurts customers and how to fix it (for `kb explain`, docs and SARIF)."""
    examples: dict
    """{"fail": [...], "pass": [...]}: run by the meta-test and shown by `kb explain`."""
    source: str
    """The pack file it came from."""
    opt_in: bool = False
    """Runs only when selected by name (``--select KB11``), not by ``KB``/``KB1`` or by
    default: a rule whose judgement on real text has not yet earned a place in CI."""
