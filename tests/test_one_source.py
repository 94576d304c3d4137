"""One source, everywhere: change a value in the registry, and every place the site shows it changes."""

import json
import shutil

from tests.build_helpers import html_pages, mkdocs_build
from tests.conftest import ROOT

OLD, NEW = "+386 1 620 44 80", "+386 1 777 12 34"
OLD_FORMS = (OLD, "+38616204480", "620 44 80", "6204480")


def test_a_changed_phone_number_changes_everywhere_and_the_old_one_is_gone(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    registry = project / "docs/contacts.yml"
    text = registry.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    registry.write_text(text.replace(OLD, NEW), encoding="utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    pages = html_pages(site)

    contact = pages["contact/"].select_one('li[data-kb-channel="support-phone"] a.kb-contact')
    assert contact.get_text() == NEW and contact["href"] == "tel:+38617771234"
    for url, page in pages.items():  # the help box on every page
        link = page.select_one('aside.kb-help li[data-kb-channel="support-phone"] a.kb-contact')
        assert link["href"] == "tel:+38617771234" and link.get_text() == NEW, url
    for url in ("", "contact/"):  # the JSON-LD
        data = json.loads(pages[url].select_one('script[type="application/ld+json"]').string)
        assert "+38617771234" in {p.get("telephone") for p in data["contactPoint"]}
    stuck = pages["troubleshooting/duo-wont-turn-on/"].select("a.kb-contact[href^='tel:']")
    assert stuck and all(a["href"] == "tel:+38617771234" for a in stuck)  # shortcodes and "Still stuck?"

    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt"):
            content = path.read_text(encoding="utf-8", errors="replace")
            for old in OLD_FORMS:
                assert old not in content, f"{path.relative_to(site)} still shows {old}"
