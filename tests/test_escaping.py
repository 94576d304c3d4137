"""Everything kb_tools generates escapes what it inserts: front matter and registry values holding
HTML or script run nowhere. Writers may write HTML in the Markdown body on purpose (trusted, as in
MkDocs); titles, descriptions, questions and registry values are data and are shown as text."""

from tests.build_helpers import mini_project, mkdocs_build
from tests.conftest import ROOT, VALID_REGISTRY

PAYLOAD = '<img src=x onerror="window.__kbPwned=(window.__kbPwned||0)+1">'
SCRIPT = '<script>window.__kbPwned=(window.__kbPwned||0)+1</script>'

REGISTRY = (VALID_REGISTRY.replace("label: Support e-mail", f"label: '{PAYLOAD}'")
            .replace("hours: Monday to Friday", f"hours: '{SCRIPT}'", 1))

PAGES = {
    "index.md": "# Help\n\nRead the articles below.\n",
    "contact.md": "# Contact\n\n{{ contacts }}\n",
    "billing/index.md": f"---\ntitle: 'Billing {PAYLOAD}'\ndescription: '{SCRIPT}'\n---\n\n# Billing\n",
    "billing/refund.md": (f"---\ntitle: 'Refunds {PAYLOAD}'\ndescription: 'Money back {SCRIPT}'\n"
                          f"questions: ['refund {PAYLOAD}']\ncontact: support-email\n---\n\n"
                          "Refunds reach your card in five working days. Write to {{ contact.support-email }}.\n"),
}


def test_no_script_runs_from_front_matter_or_registry_values(tmp_path, browser, serve):
    config = mini_project(tmp_path / "project", PAGES, REGISTRY, ROOT / "overrides")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    base = serve(tmp_path / "site")
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ["", "billing/", "billing/refund/", "contact/"]:
        page.goto(base + path, wait_until="load")
        assert page.evaluate("window.__kbPwned") is None, path
    page.goto(base + "billing/refund/", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("refunds")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("window.__kbPwned") is None, "search results"
    assert "onerror" in page.locator(".md-search-result").inner_text() or "Refunds" in page.locator(".md-search-result").inner_text()
    page.close()
    assert dialogs == []
