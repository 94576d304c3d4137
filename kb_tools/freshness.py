"""Review dates in front matter (``reviewed``, ``review_by``; DESIGN §3.5): read without
guessing, checked against each other and against "today", and shown to customers.

YAML turns ``2027-04-01`` into a date; a quoted ``"2027-04-01"`` is a string and is read the
same way. Anything else an editor may write (``April 2027``, ``2027-4-1``, a list) is a
problem with its line, never a crash. ``kb lint`` reports it (KB404), ``kb report`` lists
it, and the ``kb/freshness`` plugin stops the build with it.

"Today" is ``SOURCE_DATE_EPOCH`` when it is set, else the system date: the same sources
then build the same site, and lint the same way, whatever the day (reproducible builds,
https://reproducible-builds.org/specs/source-date-epoch/). Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone
from typing import NamedTuple

from kb_tools.errors import InputError

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ReviewDate(NamedTuple):
    value: date | None = None
    problem: str | None = None
    """Why the written value is not a date (None when it is one, or when there is none)."""
    line: int | None = None


def read_date(meta: dict, key: str, line: int | None = None) -> ReviewDate:
    """``meta[key]`` as a date: missing → empty, unreadable → a problem naming its line.

    ``line`` is where ``key:`` is written; by default it is asked of ``meta`` (front matter
    read by :mod:`kb_tools.yamlsource` knows the line of each key)."""
    if key not in meta or meta[key] is None:
        return ReviewDate()
    value = meta[key]
    if line is None and hasattr(meta, "line_of"):
        line = meta.line_of(key)
    if isinstance(value, datetime):
        return ReviewDate(value.date(), None, line)
    if isinstance(value, date):
        return ReviewDate(value, None, line)
    if isinstance(value, str) and _DAY.fullmatch(value.strip()):
        try:
            return ReviewDate(date.fromisoformat(value.strip()), None, line)
        except ValueError:  # "2027-02-30": the shape of a date, but no such day
            pass
    if isinstance(value, (list, dict)):
        what = "a list" if isinstance(value, list) else "a mapping"
        return ReviewDate(None, f"{key} is {what}, not a date; write one date as YYYY-MM-DD, such as 2027-04-01", line)
    return ReviewDate(None, f"{key} '{value}' is not a date; write it as YYYY-MM-DD, such as 2027-04-01", line)


class Review(NamedTuple):
    """A page's two review dates."""

    reviewed: ReviewDate
    review_by: ReviewDate

    def overdue(self, today: date) -> bool:
        """Past ``review_by``: due on that day, overdue from the next."""
        return self.review_by.value is not None and self.review_by.value < today

    def problems(self, today: date) -> list[tuple[int | None, str]]:
        """(line, message) for what an editor must fix: a value that is not a date, the two
        dates in the wrong order, or a ``review_by`` that has passed."""
        found = [(d.line, d.problem) for d in (self.reviewed, self.review_by) if d.problem]
        reviewed, review_by = self.reviewed.value, self.review_by.value
        if reviewed and review_by and reviewed > review_by:
            found.append((self.review_by.line, f"reviewed {reviewed.isoformat()} is later than review_by "
                                               f"{review_by.isoformat()}: review_by is the day the next review is due, "
                                               "after the last one"))
        elif self.overdue(today):
            found.append((self.review_by.line, f"review_by date {review_by.isoformat()} has passed: check the article "
                                               "and set a new reviewed/review_by"))
        return sorted(found, key=lambda item: item[0] or 0)


def read_review(meta: dict, lines: dict[str, int | None] | None = None) -> Review:
    """Both review dates of a page's front matter; ``lines`` gives the line of each key when
    ``meta`` cannot say (MkDocs' ``page.meta`` is a plain dict)."""
    lines = lines or {}
    return Review(read_date(meta, "reviewed", lines.get("reviewed")), read_date(meta, "review_by", lines.get("review_by")))


def today(environ=None) -> date:
    """The day review dates are compared with: ``SOURCE_DATE_EPOCH`` (seconds since
    1970-01-01 UTC) when set, else the system's date. A value that is not a whole number
    of seconds is an :class:`InputError`, as the specification asks."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch.strip()), timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise InputError("SOURCE_DATE_EPOCH", None, f"'{epoch}' is not a time: set it to whole seconds since "
                         "1970-01-01 UTC, such as 1798761600 for 2027-01-01, or unset it to use today's date") from None


def format_day(day: date, lang: str | None) -> str:
    """``day`` as customers read dates in ``lang`` (``1 November 2026``, ``1. studenoga 2026.``,
    ``۱ نوامبر ۲۰۲۶``): month names, order and digits from the interface words (strings.yml)."""
    from kb_tools.contacts.strings import strings_for

    words = strings_for(lang)
    text = words["date_format"].format(day=day.day, month=words["months"][day.month - 1], year=day.year)
    digits = words.get("digits")
    return text.translate(str.maketrans("0123456789", digits)) if digits else text
