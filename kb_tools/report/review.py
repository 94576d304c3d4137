"""Review dates in front matter (``reviewed``, ``review_by``; DESIGN §3.5), read without guessing
(:mod:`kb_tools.freshness`, shared with ``kb lint`` and the build), and the ``--today`` option."""

from __future__ import annotations

from datetime import date

from kb_tools.errors import InputError
from kb_tools.freshness import ReviewDate, read_date  # noqa: F401  (the report's names for them)


def parse_day(text: str, what: str) -> date:
    """A YYYY-MM-DD command-line value (``--today``); InputError naming the option otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(what, None, f"'{text}' is not a date; write it as YYYY-MM-DD") from None
