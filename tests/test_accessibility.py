"""axe-core (WCAG 2.0/2.1/2.2 A and AA) in Chromium on every kind of page of the built demo,
in a left-to-right and a right-to-left language. `make test` installs axe-core from npm."""

import pytest

from tests.conftest import ROOT

AXE = ROOT / ".tools/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGE_PREFIXES = {"English": "", "Russian": "ru/", "Croatian": "hr/", "Slovenian": "sl/", "Hebrew": "he/", "Persian": "fa/"}
PAGE_TYPES = {"home": "", "category": "billing/", "article": "billing/pause-subscription/", "contact": "contact/"}
PAGES = {f"{language} {kind}": prefix + path for language, prefix in LANGUAGE_PREFIXES.items()
         for kind, path in PAGE_TYPES.items()}
PAGES.update({"404": "404.html", "writers' page with a wide table": "writing/lint-quality/"})
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


SEARCHES = {"English": "refund", "Russian": "подписку", "Croatian": "pretplatu", "Slovenian": "naročnino", "Hebrew": "המנוי",
            "Persian": "اشتراک"}


@pytest.mark.parametrize("language", SEARCHES)
def test_the_search_dialog_with_results_has_no_serious_violation(browser, base_url, axe_source, language):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + LANGUAGE_PREFIXES[language], wait_until="networkidle")  # the search worker is ready
    page.keyboard.press("/")  # Material's shortcut: opens search by keyboard
    page.fill(".md-search__input", SEARCHES[language])  # one edit, then the keyup Material listens to
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(800)  # the results fade in: judge the colours once they are there
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN, TAGS)
    page.close()
    assert serious(violations) == [], violations


def test_without_javascript_articles_contacts_and_help_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "billing/pause-subscription/")
    assert page.locator("article h1").is_visible() and page.locator("aside.kb-help").is_visible()
    note = page.locator(".kb-noscript")
    assert note.is_visible() and "JavaScript" in note.inner_text()
    assert not page.locator(".md-search__form").is_visible()  # a box that would do nothing is not offered
    page.locator(".kb-noscript a").last.click()
    assert page.url == base_url + "contact/"
    channels = page.locator("li[data-kb-channel]")
    assert channels.count() >= 5
    for i in range(channels.count()):
        href = channels.nth(i).locator("a").first.get_attribute("href")
        assert href.startswith(("mailto:", "tel:", "http", "#", "/")) or href, href
    context.close()


def test_help_is_consistent_across_every_page(pages):
    # WCAG 2.2 SC 3.2.6 Consistent Help: the same mechanisms, in the same order, after the content.
    for lang in ("", "ru/", "hr/", "sl/", "he/", "fa/"):
        orders = {}
        for url, soup in pages.items():
            if not url.startswith(lang) or any(url.startswith(other) for other in ("ru/", "hr/", "sl/", "he/", "fa/")
                                                if other != lang):
                continue
            box = soup.select_one("aside.kb-help")
            assert box is not None, url
            assert soup.select_one("main").find_next("aside", class_="kb-help") is box, url  # after the content
            orders[url] = tuple(li["data-kb-channel"] for li in box.select("li[data-kb-channel]")) + tuple(
                a["class"][0] for a in box.select(".kb-help__more a"))
        assert len(orders) > 5 and len(set(orders.values())) == 1, (lang, set(orders.values()))


@pytest.fixture(scope="module")
def pages(demo_site):
    from tests.build_helpers import html_pages

    return html_pages(demo_site)


def test_help_box_links_are_large_enough_to_hit_on_a_phone(browser, base_url):
    # WCAG 2.2 SC 2.5.8 Target Size (Minimum): at least 24 by 24 CSS pixels.
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "contact/")
    boxes = [link.bounding_box() for link in page.locator(".kb-help a").all()]
    page.close()
    assert boxes and all(b["height"] >= 24 and b["width"] >= 24 for b in boxes), boxes


def test_every_contact_link_is_reached_by_keyboard_with_a_visible_focus_ring(browser, base_url):
    # SC 2.1.1 Keyboard, 2.4.7 Focus Visible and 2.4.11 Focus Not Obscured (the sticky header
    # must not cover the focused link).
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url + "contact/")
    count = page.evaluate("""() => { const links = document.querySelectorAll("main li[data-kb-channel] a, .kb-help a");
                                 links.forEach((a, i) => a.dataset.kbTarget = i); return links.length; }""")
    wanted, reached = set(range(count)), set()
    header = page.locator("header.md-header").bounding_box()["height"]
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
                                  return {target: e.dataset ? e.dataset.kbTarget : undefined,
                                          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                                          top: r.top, bottom: r.bottom}; }""")
        if focused["target"] is not None:
            assert focused["outline"], focused
            assert focused["top"] >= header - 1 and focused["bottom"] <= 800, focused
            reached.add(int(focused["target"]))
        if reached == wanted:
            break
    page.close()
    assert reached == wanted, wanted - reached


def test_the_contact_page_prints_every_channel_readably(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "contact/")
    page.emulate_media(media="print")
    channels = page.locator("main li[data-kb-channel]")
    assert channels.count() >= 5
    for i in range(channels.count()):
        item = channels.nth(i)
        assert item.is_visible()
        link = item.locator("a").first
        href = link.get_attribute("href")
        printed = link.evaluate("a => a.innerText + getComputedStyle(a, '::after').content")
        # the address itself is on paper: the e-mail or phone shown, or the web address printed after the words
        if href.startswith(("mailto:", "tel:")):
            assert href.split(":", 1)[1] in printed.replace(" ", ""), (href, printed)
        else:
            assert href in printed, (href, printed)
    page.close()


from tests.test_serve_panel import project, served  # noqa: E402,F401  (the `mkdocs serve` fixtures)


def axe(page, axe_source, within="document"):
    page.add_script_tag(content=axe_source)
    run = RUN.replace("axe.run(document,", f"axe.run({within},")
    return serious(page.evaluate(run, TAGS))


def test_the_serve_lint_panel_has_no_serious_violation(browser, served, axe_source):
    page = browser.new_page()
    page.goto(served + "refund/")
    page.click("#kb-lint-panel summary")  # opened, as a writer reads it
    # the panel only: this bare test project has none of the demo's theme colours
    violations = axe(page, axe_source, within="document.getElementById('kb-lint-panel')")
    page.close()
    assert violations == []


def test_the_kb_report_page_has_no_serious_violation(browser, tmp_path, axe_source):
    from tests.test_report import _report

    html_file, _ = _report(tmp_path, "--config-file", str(ROOT / "mkdocs.yml"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(html_file.as_uri())
    violations = axe(page, axe_source)
    page.close()
    assert violations == []


def test_search_and_the_language_menu_work_by_keyboard_alone(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url, wait_until="load")
    page.keyboard.press("/")  # opens search
    page.keyboard.type("pause subscription")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("ArrowDown")  # Material moves the focus to the first result
    page.keyboard.press("Enter")
    page.wait_for_url("**/pause-subscription/**", timeout=10_000)
    assert page.url.startswith(base_url) and "pause-subscription" in page.url
    # the language menu: reach its button with Tab, open it with Enter, follow Русский
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.md-select') !== null"):
            break
    else:
        raise AssertionError("the language menu was not reached by Tab")
    for _ in range(10):
        if page.evaluate("document.activeElement.textContent.trim()") == "Русский":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Русский"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/**", timeout=10_000)
    assert "/ru/" in page.url
    page.close()
