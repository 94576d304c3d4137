"""axe-core (WCAG 2.0/2.1/2.2 A and AA) in Chromium on every kind of page of the built demo,
in a left-to-right and a right-to-left language. `make test` installs axe-core from npm."""

import pytest

from tests.conftest import ROOT

AXE = ROOT / ".tools/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "home": "", "category": "billing/", "article": "billing/pause-subscription/", "contact": "contact/",
    "writers' page with a wide table": "writing/lint-quality/", "404": "404.html",
    "Hebrew home": "he/", "Persian article": "fa/billing/pause-subscription/", "Russian contact": "ru/contact/",
}
RUN = "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations" \
      ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"


@pytest.fixture(scope="module")
def base_url(demo_site, serve):
    return serve(demo_site)


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it into .tools/")
    return AXE.read_text(encoding="utf-8")


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_serious_or_critical_violation(browser, base_url, axe_source, path):
    page = browser.new_page()
    page.goto(base_url + path, wait_until="load")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN, TAGS)
    page.close()
    assert serious(violations) == [], violations


def test_the_search_dialog_with_results_has_no_serious_violation(browser, base_url, axe_source):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url, wait_until="load")
    page.keyboard.press("/")  # Material's shortcut: opens search by keyboard
    page.keyboard.type("refund")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN, TAGS)
    page.close()
    assert serious(violations) == [], violations
