"""``kb/freshness``: each page says when it was last reviewed, and a page past its ``review_by``
date says so at its top, with a link to the contact page.

Front matter ``reviewed`` and ``review_by`` (DESIGN §3.5) are read by
:mod:`kb_tools.freshness`, as ``kb lint`` reads them (KB404). A value that is not a date
stops the build with its file and line. "Today" is ``SOURCE_DATE_EPOCH`` when it is set,
else the system date, so the same sources build the same site. The words come from
strings.yml in the build's language; the markup is in ``overrides/partials/kb-review-due.html``
and ``kb-reviewed.html``.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from kb_tools import freshness, yamlsource
from kb_tools.contacts.strings import strings_for
from kb_tools.errors import InputError
from kb_tools.markdown_source import FRONT_MATTER
from kb_tools.plugins.freshness.config import FreshnessConfig
from kb_tools.plugins.pages import front_matter_line, site_language, source_path

KEYS = ("reviewed", "review_by")


class FreshnessPlugin(BasePlugin[FreshnessConfig]):
    def __init__(self):
        self.today = None
        self.reviews: dict[str, freshness.Review] = {}

    def on_config(self, config):
        self.reviews = {}
        if not self.config.enabled:
            return
        try:
            self.today = freshness.today()  # once per build: every page is compared with the same day
        except InputError as exc:
            raise PluginError(f"kb/freshness: {exc}") from None

    def on_page_markdown(self, markdown, page, config, files):
        """Read the dates before any page is rendered, so a bad one stops the build early."""
        if not self.config.enabled:
            return
        meta = page.meta or {}
        if not any(key in meta for key in KEYS):
            _unread_front_matter(page)
            return
        review = freshness.read_review(meta, {key: front_matter_line(page, key) for key in KEYS})
        for date in review:
            if date.problem:
                raise PluginError(f"kb/freshness: {source_path(page)}:{date.line or 1}: {date.problem}")
        self.reviews[page.file.src_uri] = review

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        review = self.reviews.get(page.file.src_uri)
        context["kb_reviewed"] = context["kb_review_due"] = None
        if review is None:
            return context
        lang = site_language(config)
        words = strings_for(lang)
        if self.config.last_reviewed and review.reviewed.value:
            context["kb_reviewed"] = _dated(words["last_reviewed"], review.reviewed.value, lang)
        if self.config.review_notice and review.overdue(self.today):
            due = _dated(words["review_due"], review.review_by.value, lang)
            before, after = _around(words["review_due_help"], "{link}")
            context["kb_review_due"] = {**due, "title": words["review_due_title"], "link": words["review_due_link"],
                                        "help_before": before, "help_after": after}
        return context


def _dated(template: str, day, lang: str | None) -> dict:
    """The words around ``{date}`` in ``template``, and the date itself (ISO and as shown), for a ``<time>`` element."""
    before, after = _around(template, "{date}")
    return {"before": before, "after": after, "iso": day.isoformat(), "shown": freshness.format_day(day, lang)}


def _around(template: str, placeholder: str) -> tuple[str, str]:
    before, _, after = template.partition(placeholder)
    return before, after


def _unread_front_matter(page) -> None:
    """MkDocs drops front matter it cannot read (``review_by: 2027-02-30``) and publishes it as
    text. When that front matter holds review dates, stop with the reason and its line instead."""
    source = page.file.content_string.replace("\r\n", "\n")
    found = FRONT_MATTER.match(source)
    if found is None or not any(front_matter_line(page, key) for key in KEYS):
        return
    try:
        yamlsource.load(found.group(1), source_path(page), line_offset=1)
    except InputError as exc:
        raise PluginError(f"kb/freshness: {exc}") from None
