import functools
import http.server
import os
import shutil
import textwrap
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# "Today" for review dates (KB404, the build's review notice) and for MkDocs' build date. The
# demo's articles are due for review on 2027-05-01: a fixed day before it keeps every test that
# lints or builds the demo the same whatever day the suite runs. Subprocesses inherit it.
TEST_TODAY = "2027-01-01"
os.environ["SOURCE_DATE_EPOCH"] = "1798761600"  # TEST_TODAY, 00:00 UTC

VALID_REGISTRY = """\
organization: Example d.o.o.
region: SI
channels:
  - id: support-email
    type: email
    purpose: support
    value: support@example.com
    label: Support e-mail
    hours: Monday to Friday
    response_time: within 1 working day
  - id: support-phone
    type: phone
    purpose: support
    value: "01 620 44 80"
    hours: Monday to Friday, 8:00–16:00
    response_time: within 3 minutes
  - id: bot
    type: chat
    purpose: self-service
    value: https://example.com/bot
    human: false
    handoff: support-email
    hours: around the clock
    response_time: at once
"""


@pytest.fixture
def write(tmp_path):
    """write("name.md", text) → Path, dedented, in a fresh temporary folder."""

    def _write(name: str, text: str | bytes, dedent: bool = True) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def registry_file(write):
    return write("contacts.yml", VALID_REGISTRY, dedent=False)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """(site folder, finished process) of the demo help centre, built once per test run with a
    real `mkdocs build --strict`."""
    from tests.build_helpers import mkdocs_build

    out = tmp_path_factory.mktemp("demo-site")
    result = mkdocs_build(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.fixture(scope="session")
def demo_site(demo_build):
    """The built demo help centre's folder."""
    return demo_build[0]


@pytest.fixture(scope="session")
def serve():
    """serve(folder) → base URL of a static HTTP server on 127.0.0.1 (stopped after the run)."""
    servers = []

    def _serve(folder):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield _serve
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Chromium is missing: `make test` installs Debian's chromium package"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    """A Chromium page in a browser context of its own (no cache or storage from other tests)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def search(page, url, query):
    """Open ``url``, put ``query`` in Material's search box as one edit, return (title, href) of each result."""
    page.goto(url)
    page.fill(".md-search__input", query)
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a:first-child",
        "links => links.map(a => [a.querySelector('h1').textContent, a.href])")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
