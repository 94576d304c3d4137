"""`mkdocs serve` shows each page's findings in a dismissible panel; `mkdocs build` never does."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.build_helpers import mini_project, mkdocs_build
from tests.conftest import ROOT, VALID_REGISTRY

PAGES = {
    "index.md": "---\ntitle: Help\n---\n\nFind answers here.\n",
    "refund.md": "---\ntitle: When do I get my money back?\ndescription: In five days.\n---\n\n"
                 "Prior to the refund, we check the parcel.\n\nThe money is back in five days.\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return mini_project(tmp_path_factory.mktemp("serve"), PAGES, VALID_REGISTRY, ROOT / "overrides")


@pytest.fixture(scope="module")
def served(project):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
                               "-f", str(project)], cwd=project.parent, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "refund/", timeout=2).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("mkdocs serve did not start:\n" + server.stdout.read())
            time.sleep(0.3)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_serve_shows_the_pages_findings_with_lines_and_explanation(browser, served):
    page = browser.new_page()
    page.goto(served + "refund/")
    panel = page.locator("#kb-lint-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "kb lint: 1 finding in docs/refund.md" in text
    assert "6:1" in text and "KB101" in text and "'Prior to' is officialese" in text
    page.click("#kb-lint-panel summary")
    assert "Plain-language guidance" in panel.inner_text()  # the rule's description
    assert page.evaluate("getComputedStyle(document.getElementById('kb-lint-panel')).position") == "fixed"
    page.click("#kb-lint-panel header button")
    assert not panel.is_visible()
    page.reload()
    assert not page.locator("#kb-lint-panel").is_visible()  # dismissed for this tab
    page.goto(served)
    assert page.locator("#kb-lint-panel").count() == 0  # a clean page has no panel
    page.close()


def test_build_output_never_contains_the_panel(project, tmp_path):
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0  # --strict: the finding is a warning
    assert "KB101" in result.stderr
    result = mkdocs_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".json"):
            assert "kb-lint-panel" not in path.read_text(encoding="utf-8", errors="replace"), path
    assert (tmp_path / "site" / "refund" / "index.html").exists()
