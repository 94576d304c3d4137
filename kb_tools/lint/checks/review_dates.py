"""``review_dates``: a page past its ``review_by`` date, or review dates that cannot be trusted
(not a date, or ``reviewed`` after ``review_by``), at the line of the date in the front matter."""

from __future__ import annotations

from kb_tools import freshness
from kb_tools.lint.checks import Check, Finding


class ReviewDates(Check):
    name = "review_dates"

    def run(self, ctx):
        meta = ctx.doc.meta
        if not meta or ("review_by" not in meta and "reviewed" not in meta):
            return
        review = freshness.read_review(meta)
        today = ctx.today or freshness.today()
        source, starts = ctx.doc.source, ctx.doc.line_starts
        for line, problem in review.problems(today):
            start = starts[line - 1] if line and 0 < line <= len(starts) else 0
            end = source.find("\n", start)
            yield Finding(start, end if end != -1 else len(source), {"problem": problem})
