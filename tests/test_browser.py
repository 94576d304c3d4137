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
