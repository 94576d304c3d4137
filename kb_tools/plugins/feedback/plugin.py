"""``kb/feedback``: "Was this article helpful?" at the end of each article, answered with one click.

Off unless an ``endpoint`` is configured. The block is in ``overrides/partials/kb-feedback.html``,
hidden until its own small script (no third-party code) shows it. A click POSTs
``{"page", "lang", "title", "helpful"}`` as JSON to the endpoint and thanks the reader; "No"
also offers the related articles (when the page has ``#kb-related``) and the contact page.
Articles are the pages inside a category folder: not index pages, not the home page or the
pages beside it (the contact page).
"""

from __future__ import annotations

import html
import posixpath
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from kb_tools import catalog
from kb_tools.contacts.strings import strings_for
from kb_tools.plugins.feedback.config import FeedbackConfig
from kb_tools.plugins.pages import norm_uri, page_language, site_language

log = get_plugin_logger(__name__)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WORDS = ("feedback_question", "feedback_yes", "feedback_no", "feedback_thanks", "feedback_sorry", "feedback_related")


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    def on_config(self, config):
        if self.config.enabled and self.config.endpoint is not None:
            self.config.endpoint = self.config.endpoint.strip()
            check_endpoint(self.config.endpoint)

    def on_page_context(self, context, page, config, nav):
        context["kb_feedback"] = None
        if not (self.config.enabled and self.config.endpoint and is_article(page, config)):
            return context
        words = strings_for(site_language(config))
        context["kb_feedback"] = {
            "endpoint": self.config.endpoint, "page": page.url, "lang": page_language(page, config),
            # kb/categories escapes a front-matter title for the theme: the JSON carries the title as written
            "title": html.unescape(str(page.title or "")),
            **{key.removeprefix("feedback_"): words[key] for key in WORDS},
        }
        return context


def check_endpoint(endpoint: str) -> None:
    """An http(s) address or a path on this host; anything else would fail in every reader's browser."""
    parts = urlsplit(endpoint)
    if endpoint.startswith("/") and not endpoint.startswith("//"):
        return
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise PluginError(f"kb/feedback: endpoint '{endpoint}' must be an https:// address, or a path on this "
                          "site's host such as /api/feedback")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        log.warning("endpoint '%s' is http://: browsers block it from a page served over https://; use https://",
                    endpoint)


def is_article(page, config) -> bool:
    """A page inside a category folder that is not the folder's index page, nor the contact page."""
    uri = norm_uri(page.file)
    if catalog.is_index(uri) or posixpath.dirname(uri) == "":
        return False
    contacts = config.plugins.get("kb/contacts")
    return contacts is None or uri != contacts.config.contact_page
