"""`kb/feedback` ("Was this helpful?") in a real `mkdocs build` and a real Chromium: the answer is
POSTed as the documented JSON to an endpoint on another origin (a local server with CORS headers),
the reader is thanked, "No" offers related articles and the contact page, a failed POST changes
nothing for the reader, and without an endpoint nothing is rendered. axe-core checks a page with
the widget and the review notice, left to right and right to left."""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest

from tests.build_helpers import html_pages, mini_project, mkdocs_build, resolve
from tests.conftest import ROOT, VALID_REGISTRY
from tests.test_accessibility import axe, axe_source  # noqa: F401  (axe-core, as the accessibility tests run it)

PAGES = {
    "index.md": "---\ntitle: Help\n---\n\nPick a topic.\n",
    "billing/index.md": "---\ntitle: Billing\n---\n\nPaying and refunds.\n",
    # "&" and quotes: kb/categories escapes the title for the theme; the JSON carries it as written
    "billing/invoice.md": "---\ntitle: 'Can I pay by invoice & \"bank transfer\"?'\nreviewed: 2000-06-01\n"
                          "review_by: 2001-01-01\ncontact: support-email\n---\n\n"
                          "Yes, for orders over 50 EUR. Choose bank transfer at checkout.\n",
    "billing/card.md": "---\ntitle: How do I pay by card?\n---\n\nType the card number at checkout and confirm.\n",
}
HEBREW = {
    "index.md": "---\ntitle: עזרה\n---\n\nבחרו נושא.\n",
    "billing/index.md": "---\ntitle: חיובים\n---\n\nתשלומים והחזרים.\n",
    "billing/invoice.md": "---\ntitle: אפשר לשלם בהעברה בנקאית?\nreviewed: 2000-06-01\nreview_by: 2001-01-01\n---\n\n"
                          "כן, בהזמנות מעל 50 אירו. בחרו העברה בנקאית בקופה.\n",
}


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """Records each POST (headers and JSON body) and answers as a cross-origin endpoint must."""

    received: list = []

    def _cors(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")

    def do_OPTIONS(self):  # the browser's preflight: JSON is not a "simple" cross-origin request
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.received.append({"path": self.path, "content_type": self.headers.get("Content-Type"),
                              "cookie": self.headers.get("Cookie"), "body": json.loads(body)})
        self.send_response(204)
        self._cors()
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endpoint():
    """The URL of a local feedback endpoint, and the list of what it received."""
    received = []
    handler = type("Endpoint", (_Endpoint,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feedback", received
    server.shutdown()


def build(root, pages, feedback, language=None):
    """A real `mkdocs build --strict` with kb/freshness and the given kb/feedback line."""
    pages = {**pages, "assets/kb.css": (ROOT / "docs/assets/kb.css").read_text(encoding="utf-8")}  # the demo's colours
    config = mini_project(root / "project", pages, VALID_REGISTRY, ROOT / "overrides")
    text = config.read_text(encoding="utf-8").replace("  - kb/lint\n", "  - kb/freshness\n" + feedback)
    text = text.replace("plugins:\n", "extra_css: [assets/kb.css]\nplugins:\n")
    theme = "font: false, palette: {primary: custom, accent: custom}" + (f", language: {language}" if language else "")
    text = text.replace("font: false}", theme + "}")
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory, endpoint):
    return build(tmp_path_factory.mktemp("feedback"), PAGES, f"  - kb/feedback:\n      endpoint: {endpoint[0]}\n")


@pytest.fixture(scope="module")
def base_url(site, serve):
    return serve(site)


@pytest.fixture
def received(endpoint):
    endpoint[1].clear()
    return endpoint[1]


def wait_for(items, count=1, seconds=10):
    end = time.monotonic() + seconds
    while len(items) < count and time.monotonic() < end:
        time.sleep(0.05)
    return items


def open_page(browser, url, errors):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page


def test_the_block_is_on_articles_only_and_hidden_in_the_html(site):
    pages = html_pages(site)
    for url in ("billing/invoice/", "billing/card/"):
        block = pages[url].select_one("article section.kb-feedback")
        assert block is not None and block.has_attr("hidden"), url
        assert block.find_next("aside", class_="kb-still-stuck") or url == "billing/card/"  # before "Still stuck?"
    for url in ("", "billing/", "contact/"):
        assert "kb-feedback" not in str(pages[url]), url


def test_yes_posts_the_documented_json_and_thanks_the_reader(browser, base_url, received):
    errors = []
    page = open_page(browser, base_url + "billing/invoice/", errors)
    block = page.locator(".kb-feedback")
    assert block.is_visible() and page.locator("#kb-feedback-title").inner_text() == "Was this article helpful?"
    page.get_by_role("button", name="Yes").click()
    status = page.get_by_role("status")
    assert status.inner_text() == "Thanks for letting us know."
    assert not page.get_by_role("button", name="Yes").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('kb-feedback__reply')")  # focus is not lost
    [post] = wait_for(received)
    assert post["body"] == {"page": "billing/invoice/", "lang": "en", "title": 'Can I pay by invoice & "bank transfer"?',
                            "helpful": True}
    assert list(post["body"]) == ["page", "lang", "title", "helpful"]
    assert post["path"] == "/feedback" and post["content_type"] == "application/json" and post["cookie"] is None
    page.close()
    assert errors == []


# Whether a page has related articles (#kb-related, from kb/search) depends on the other pages;
# the block must link to them exactly when they are there, so each test makes sure of one case.
ADD_RELATED = """() => { if (!document.getElementById("kb-related")) document.querySelector("article").insertAdjacentHTML(
    "beforeend", '<nav id="kb-related" aria-label="Related"><a href="../card/">How do I pay by card?</a></nav>'); }"""
REMOVE_RELATED = "() => document.getElementById('kb-related')?.remove()"


def test_no_offers_the_related_articles_and_the_contact_page(browser, base_url, received):
    errors = []
    page = open_page(browser, base_url + "billing/invoice/", errors)
    page.evaluate(ADD_RELATED)
    page.get_by_role("button", name="No").click()
    status = page.get_by_role("status")
    assert status.locator("p").inner_text() == "Thanks for letting us know. We will use your answer to improve this article."
    links = {a.inner_text(): a.get_attribute("href") for a in status.locator("a").all()}
    assert links == {"See the related articles below": "#kb-related", "All ways to contact us": "../../contact/"}
    assert wait_for(received)[0]["body"]["helpful"] is False
    status.get_by_role("link", name="See the related articles below").click()
    assert page.url.endswith("/billing/invoice/#kb-related")
    status.get_by_role("link", name="All ways to contact us").click()
    page.wait_for_url(base_url + "contact/")
    page.close()
    assert errors == []


def test_no_on_a_page_without_related_articles_offers_the_contact_page_only(browser, base_url, received):
    page = open_page(browser, base_url + "billing/card/", [])
    page.evaluate(REMOVE_RELATED)
    page.get_by_role("button", name="No").click()
    links = [a.get_attribute("href") for a in page.get_by_role("status").locator("a").all()]
    assert [resolve("billing/card/", href) for href in links] == ["contact/"]
    assert wait_for(received)[0]["body"] == {"page": "billing/card/", "lang": "en", "title": "How do I pay by card?",
                                             "helpful": False}
    page.close()


@pytest.mark.parametrize("failure", ["refused", "server error"])
def test_a_failed_post_changes_nothing_for_the_reader(browser, base_url, failure):
    errors = []
    page = browser.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    if failure == "refused":
        page.route("**/feedback", lambda route: route.abort("connectionrefused"))
    else:
        page.route("**/feedback", lambda route: route.fulfill(status=500, body="boom",
                                                            headers={"Access-Control-Allow-Origin": "*"}))
    page.goto(base_url + "billing/invoice/", wait_until="load")
    page.get_by_role("button", name="Yes").click()
    page.wait_for_timeout(300)
    assert page.get_by_role("status").inner_text() == "Thanks for letting us know."
    assert "boom" not in page.content()
    page.close()
    assert errors == []


def test_without_javascript_the_block_stays_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "billing/invoice/")
    assert page.locator("article h1").is_visible() and page.locator(".kb-review-due").is_visible()
    assert page.locator(".kb-feedback").count() == 1 and not page.locator(".kb-feedback").is_visible()
    context.close()


def test_a_page_with_the_notice_and_the_block_passes_axe(browser, base_url, axe_source):  # noqa: F811
    page = open_page(browser, base_url + "billing/invoice/", [])
    assert page.locator(".kb-review-due").is_visible() and page.locator(".kb-feedback").is_visible()
    assert axe(page, axe_source) == []
    page.get_by_role("button", name="No").click()  # and with the answer and its links shown
    assert axe(page, axe_source) == []
    page.close()


def test_right_to_left_in_hebrew_with_axe(browser, tmp_path, serve, endpoint, axe_source):  # noqa: F811
    site = build(tmp_path, HEBREW, f"  - kb/feedback:\n      endpoint: {endpoint[0]}\n", language="he")
    page = open_page(browser, serve(site) + "billing/invoice/", [])
    notice, block = page.locator(".kb-review-due"), page.locator(".kb-feedback")
    assert notice.locator(".admonition-title").inner_text() == "ייתכן שהמידע כאן לא מעודכן"
    assert block.locator("h2").inner_text() == "המאמר הזה עזר לכם?"
    assert notice.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # right to left: the first button ("Yes") sits to the right of the second
    yes, no = page.get_by_role("button", name="כן").bounding_box(), page.get_by_role("button", name="לא").bounding_box()
    assert yes["x"] > no["x"]
    assert axe(page, axe_source) == []
    endpoint[1].clear()
    page.get_by_role("button", name="כן").click()
    assert page.get_by_role("status").inner_text() == "תודה על התשובה."
    assert wait_for(endpoint[1])[0]["body"]["lang"] == "he"
    assert axe(page, axe_source) == []
    page.close()


def test_without_an_endpoint_nothing_is_rendered(tmp_path):
    site = build(tmp_path, PAGES, "  - kb/feedback\n")
    assert all("kb-feedback" not in str(soup) for soup in html_pages(site).values())


def test_the_demo_does_not_switch_it_on(demo_site):
    # (its writers' page names the partial in its text: look for the element and its script)
    for url, soup in html_pages(demo_site).items():
        assert soup.select_one("#kb-feedback, .kb-feedback") is None, url
        assert not any("kb-feedback" in (script.string or "") for script in soup.select("script")), url


@pytest.mark.parametrize("endpoint_value", ["ftp://example.com/x", "feedback", "//example.com/x", "https://"])
def test_an_endpoint_that_cannot_work_stops_the_build(tmp_path, endpoint_value):
    config = mini_project(tmp_path / "project", PAGES, VALID_REGISTRY, ROOT / "overrides")
    text = config.read_text(encoding="utf-8").replace("  - kb/lint\n", f"  - kb/feedback: {{endpoint: '{endpoint_value}'}}\n")
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert f"kb/feedback: endpoint '{endpoint_value}' must be an https:// address" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_path_on_the_same_host_is_an_endpoint_too(tmp_path):
    site = build(tmp_path, PAGES, "  - kb/feedback: {endpoint: /api/feedback}\n")
    block = html_pages(site)["billing/card/"].select_one(".kb-feedback")
    assert block["data-kb-endpoint"] == "/api/feedback"
