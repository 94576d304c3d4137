"""Review dates in front matter (``reviewed``, ``review_by``; DESIGN §3.5), read without guessing.

YAML turns ``2027-04-01`` into a date. Anything else an editor may write (``April 2027``,
``2027-4-1``, a list) is a problem for the report to list, with its line, never a crash.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from kb_tools.errors import InputError

class ReviewDate(NamedTuple):
    value: date | None = None
    problem: str | None = None
    """Why the written value is not a date (None when it is one, or when there is none)."""
    line: int | None = None


def read_date(meta: dict, key: str) -> ReviewDate:
    """``meta[key]`` as a date: missing → empty, unreadable → a problem naming its line."""
    if key not in meta or meta[key] is None:
        return ReviewDate()
    value = meta[key]
    line = meta.line_of(key) if hasattr(meta, "line_of") else None
    if isinstance(value, datetime):
        return ReviewDate(value.date(), None, line)
    if isinstance(value, date):
        return ReviewDate(value, None, line)
    if isinstance(value, str):
        try:
            return ReviewDate(date.fromisoformat(value.strip()), None, line)
        except ValueError:
            pass
    return ReviewDate(None, f"{key} '{value}' is not a date; write it as YYYY-MM-DD, such as 2027-04-01", line)


def parse_day(text: str, what: str) -> date:
    """A YYYY-MM-DD command-line value (``--today``); InputError naming the option otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(what, None, f"'{text}' is not a date; write it as YYYY-MM-DD") from None
