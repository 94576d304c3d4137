"""The built demo in a real Chromium: what a customer's browser loads and sees."""

import pytest

PAGES = ["", "billing/pause-subscription/", "contact/", "billing/"]


@pytest.fixture(scope="module")
def base_url(demo_site, serve):
    return serve(demo_site)


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_sites_host(browser, base_url, path):
    page = browser.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(base_url + path, wait_until="networkidle")
    page.close()
    assert hosts and set(hosts) == {base_url.split("/")[2]}


@pytest.mark.parametrize("path", PAGES)
def test_help_box_is_visible_and_links_to_the_contact_page(browser, base_url, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + path)
    box = page.locator("aside.kb-help")
    box.scroll_into_view_if_needed()
    assert box.is_visible()
    page.locator("a.kb-help__contact").click()
    page.wait_for_load_state()
    assert page.url == base_url + "contact/"
    assert page.locator("li[data-kb-channel]").count() >= 5
    page.close()


# Relative luminance and contrast as WCAG 2.x define them, with the text colour composited
# over its background (Material's footer text is translucent white).
CONTRAST = """el => {
  const rgba = s => s.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
  let node = el, bg = [255, 255, 255, 0];
  while (node && node.nodeType === 1) {
    bg = rgba(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) break;
    node = node.parentElement;
  }
  const over = (c, b) => c.slice(0, 3).map((v, i) => v * c[3] + b[i] * (1 - c[3]));
  const back = over(bg, [255, 255, 255]);
  const fore = over(rgba(getComputedStyle(el).color), back);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("path", ["", "contact/", "billing/pause-subscription/"])
def test_help_box_and_footer_text_meet_wcag_aa_contrast(browser, base_url, path):
    # The help box is where customers read when someone answers and how fast: every line of
    # it, and the copyright line under it, must reach 4.5:1 (WCAG 2.x AA, normal text).
    page = browser.new_page()
    page.goto(base_url + path)
    texts = page.locator(".kb-help__title, .kb-help__label, .kb-help__meta, .kb-help a, .md-copyright")
    assert texts.count() >= 8
    ratios = [texts.nth(i).evaluate(CONTRAST) for i in range(texts.count())]
    page.close()
    assert min(ratios) >= 4.5, ratios


def test_no_page_of_the_site_requests_another_host(browser, base_url, demo_site):
    # Every built page, every request recorded: fonts, scripts, images and search files all come from the site.
    urls = sorted(p.parent.relative_to(demo_site).as_posix() for p in demo_site.rglob("index.html"))
    page = browser.new_page()
    foreign = []
    page.on("request", lambda request: foreign.append(request.url)
            if request.url.split("/")[2] != base_url.split("/")[2] else None)
    for url in urls:
        page.goto(base_url + ("" if url == "." else url + "/"), wait_until="load")
    page.close()
    assert len(urls) > 100 and foreign == []
