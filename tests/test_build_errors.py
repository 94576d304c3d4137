"""Real builds of small projects: mistakes stop `mkdocs build --strict` with one message naming file and line."""

import pytest

from tests.build_helpers import html_pages, mini_project, mkdocs_build
from tests.conftest import ROOT, VALID_REGISTRY

OVERRIDES = ROOT / "overrides"


def build(tmp_path, pages, registry=VALID_REGISTRY, edit_config=None):
    """Build a mini project; ``edit_config`` rewrites its mkdocs.yml text first."""
    config = mini_project(tmp_path / "project", pages, registry, OVERRIDES)
    if edit_config is not None:
        config.write_text(edit_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site"), tmp_path / "site"


def test_contact_page_is_created_when_the_docs_have_none(tmp_path):
    result, site = build(tmp_path, {"index.md": "# Help\n\nWrite to {{ contact.support-email }} or call {{ contact.support-phone.value }}.\n"})
    assert result.returncode == 0, result.stderr
    pages = html_pages(site)
    assert {li["data-kb-channel"] for li in pages["contact/"].select("li[data-kb-channel]")} == {"support-email", "support-phone", "bot"}
    home = pages[""]
    assert home.select_one('article a.kb-contact[href="mailto:support@example.com"]') is not None
    assert "+386 1 620 44 80" in home.select_one("article").get_text()
    assert not (site / "contacts.yml").exists()  # the registry is data, not published


def test_unknown_contact_id_fails_the_build_at_its_line(tmp_path):
    result, _ = build(tmp_path, {"index.md": "---\ntitle: Home\n---\n\n# Help\n\nWrite to {{ contact.suport-email }}.\n"})
    assert result.returncode != 0
    assert "docs/index.md:7: unknown contact id 'suport-email'" in result.stderr
    assert "did you mean 'support-email'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_contact_in_front_matter_fails_the_build(tmp_path):
    result, _ = build(tmp_path, {"index.md": "---\ntitle: Home\ncontact: nobody\n---\n\nHello.\n"})
    assert result.returncode != 0
    assert "index.md:3: front matter 'contact: nobody'" in result.stderr


def test_bad_registry_fails_the_build_naming_its_line(tmp_path):
    result, _ = build(tmp_path, {"index.md": "Hello.\n"}, VALID_REGISTRY.replace("type: phone", "type: fax"))
    assert result.returncode != 0
    assert "contacts.yml:12: channel 'support-phone': unknown type 'fax'" in result.stderr
    assert "Traceback" not in result.stderr


def test_lint_findings_fail_strict_builds(tmp_path):
    result, _ = build(tmp_path, {"index.md": "# Help\n\nPursuant to your request, we refund you.\n"})
    assert result.returncode != 0
    assert "docs/index.md:3:1: KB101" in result.stderr


def test_suppressed_findings_do_not_fail(tmp_path):
    result, _ = build(tmp_path, {"index.md": "# Help\n\n<!-- kb-lint disable-next-line KB101 -->\nPursuant to your request, we refund you.\n"})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("placeholder", ["`{{ contacts }}`", "`{{ contact.nobody }}`"])
def test_shortcodes_in_code_stay_literal(tmp_path, placeholder):
    result, site = build(tmp_path, {"index.md": f"# Help\n\nWrite {placeholder} in a page.\n"})
    assert result.returncode == 0, result.stderr
    assert placeholder.strip("`") in html_pages(site)[""].select_one("article code").get_text()


def test_shortcodes_in_html_comments_are_left_alone(tmp_path):
    result, site = build(tmp_path, {"index.md": "# Help\n\n<!-- old: {{ contact.gone }} -->\nHello.\n"})
    assert result.returncode == 0, result.stderr


def test_articles_placeholder_outside_a_category_index_is_an_error(tmp_path):
    result, _ = build(tmp_path, {"index.md": "# Help\n", "billing/index.md": "# Billing\n", "billing/a.md": "# A\n\n{{ articles }}\n"})
    assert result.returncode != 0
    assert "billing/a.md: {{ articles }} works only in a category's index.md" in result.stderr


def test_articles_placeholder_shown_in_code_keeps_the_automatic_list(tmp_path):
    pages = {"index.md": "# Help\n", "billing/index.md": "# Billing\n\nWrite `{{ articles }}` to place the list.\n",
             "billing/refund.md": "---\ntitle: How do I get a refund?\n---\nText.\n"}
    result, site = build(tmp_path, pages)
    assert result.returncode == 0, result.stderr
    assert html_pages(site)["billing/"].select_one("ul.kb-article-list a").get_text() == "How do I get a refund?"


def test_registry_quality_problems_fail_strict_builds(tmp_path):
    result, _ = build(tmp_path, {"index.md": "# Help\n"}, VALID_REGISTRY.replace("    hours: Monday to Friday\n", "", 1))
    assert result.returncode != 0
    assert "contacts.yml:4:5: KB305 channel 'support-email' does not say when someone is there" in result.stderr


def test_kb_search_without_materials_search_box_is_a_clear_error(tmp_path):
    result, _ = build(tmp_path, {"index.md": "# Help\n"}, edit_config=lambda text: text.replace("  - search\n", ""))
    assert result.returncode != 0
    assert "kb/search needs Material's search box" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_new_multilingual_site_gets_a_contact_page_in_every_language_on_its_first_build(tmp_path):
    # With mkdocs-static-i18n, each language's build gets its own generated page, titled in its language.
    i18n = ("  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false\n      languages:\n"
            "        - {locale: en, default: true, name: English, build: true}\n"
            "        - {locale: ru, name: Русский, build: true}\n        - {locale: he, name: עברית, build: true}\n")
    pages = {"index.md": "# Help\n\nRead this.\n", "index.ru.md": "# Справка\n\nОтветы здесь.\n",
             "index.he.md": "# עזרה\n\nהתשובות כאן.\n"}
    result, site = build(tmp_path, pages, edit_config=lambda text: text + i18n)
    assert result.returncode == 0, result.stderr
    built = html_pages(site)
    titles = {"contact/": "Contact us", "ru/contact/": "Все способы связаться с нами", "he/contact/": "כל הדרכים ליצור איתנו קשר"}
    for url, title in titles.items():
        assert built[url].select_one("h1").get_text(strip=True) == title
        assert len(built[url].select("main li[data-kb-channel]")) == 3, url
    assert built["ru/"].select_one("a.kb-help__contact")["href"] == "contact/"  # ru/contact/, in the reader's language
