"""One real `mkdocs build --strict` of the demo help centre, checked through its HTML."""

import json
import re
from pathlib import Path

import pytest

from kb_tools.cli import main as kb_main
from kb_tools.contacts import load_registry
from kb_tools.markdown_source import parse
from tests.build_helpers import html_pages, resolve
from tests.conftest import ROOT

REGISTRY = load_registry(ROOT / "docs/contacts.yml")
TRANSLATIONS = ("ru", "hr", "sl", "he", "fa")  # each built under /<lang>/ (see test_i18n.py)


@pytest.fixture(scope="module")
def pages(demo_site):
    return html_pages(demo_site)


def articles():
    """(category folder, article file) for every article of the demo."""
    return sorted((p.parent.name, p) for p in (ROOT / "docs").glob("*/*.md")
                  if p.name != "index.md" and len(p.suffixes) == 1)  # x.ru.md: a translation, see test_i18n


def test_demo_has_enough_real_articles():
    folders = {folder for folder, _ in articles()}
    assert len(articles()) >= 30 and len(folders) >= 5
    for _, path in articles():
        text = path.read_text(encoding="utf-8")
        meta = parse(text, str(path)).meta
        assert meta["title"].endswith("?"), f"{path}: title must be the customer's question"
        assert len(meta["description"]) >= 20, path
        assert meta.get("questions"), path


def test_contact_page_shows_every_channel_with_a_working_link(pages):
    page = pages["contact/"]
    for channel in REGISTRY.channels:
        item = page.select_one(f'li[data-kb-channel="{channel.id}"]')
        assert item is not None, channel.id
        link = item.select_one("a.kb-contact")
        if channel.type == "email":
            assert link["href"] == f"mailto:{channel.value}"
        elif channel.type == "phone":
            assert link["href"] == f"tel:{channel.normalized}" and re.fullmatch(r"tel:\+\d{8,15}", link["href"])
            assert link.get_text() == channel.display
        else:
            assert link["href"] == channel.href and link["href"].startswith("https://")
        text = item.get_text(" ")
        assert channel.text("hours") in text and channel.text("response_time") in text
        assert ("A person answers" in text) == channel.human
    headings = [h.get_text().strip("¶ ") for h in page.select("article h2")]
    assert "Customer support" in headings and "Billing and invoices" in headings
    assert page.select_one('nav.md-nav--secondary a[href="#customer-support"]') is not None  # in the page's table of contents


def test_every_page_has_the_same_help_box_linking_to_contact(pages):
    expected = [c.id for c in REGISTRY.help_channels]
    assert len(pages) > 40
    for url, page in pages.items():
        lang = url.split("/")[0] if url.split("/")[0] in TRANSLATIONS else ""
        boxes = page.select("aside.kb-help")
        assert len(boxes) == 1, url
        assert [li["data-kb-channel"] for li in boxes[0].select("li[data-kb-channel]")] == expected, url
        contact = boxes[0].select_one("a.kb-help__contact")
        assert resolve(url, contact["href"]) == (f"{lang}/" if lang else "") + "contact/", url
        for channel in REGISTRY.help_channels:
            assert channel.text("response_time", lang or "en") in boxes[0].get_text(), url


def test_json_ld_on_home_and_contact(pages):
    for url in ("", "contact/"):
        scripts = pages[url].select('script[type="application/ld+json"]')
        assert len(scripts) == 1, url
        data = json.loads(scripts[0].string)
        assert data["@type"] == "Organization" and data["name"] == REGISTRY.organization
        points = data["contactPoint"]
        phones = {p["telephone"] for p in points if "telephone" in p}
        emails = {p["email"] for p in points if "email" in p}
        assert phones == {c.normalized for c in REGISTRY.channels if c.type == "phone"}
        assert emails == {c.value for c in REGISTRY.channels if c.type == "email"}
        assert all(p["@type"] == "ContactPoint" and p["contactType"] for p in points)
        assert all(re.fullmatch(r"\+\d+", p) for p in phones)
    assert not pages["billing/"].select('script[type="application/ld+json"]')


def test_still_stuck_block_names_the_articles_channel(pages):
    checked = 0
    for folder, path in articles():
        channel_id = parse(path.read_text(encoding="utf-8"), str(path)).meta.get("contact")
        page = pages[f"{folder}/{path.stem}/"]
        block = page.select_one("aside.kb-still-stuck")
        if channel_id:
            channel = REGISTRY.get(channel_id)
            assert block is not None and block["data-kb-channel"] == channel.id
            assert block.select_one("a.kb-contact")["href"] == channel.href
            checked += 1
        else:
            assert block is None
    assert checked >= 20


def test_category_pages_list_their_articles_from_front_matter(pages):
    by_folder = {}
    for folder, path in articles():
        by_folder.setdefault(folder, []).append(path)
    for folder, paths in by_folder.items():
        links = pages[f"{folder}/"].select("ul.kb-article-list a.kb-article-list__link")
        targets = sorted(resolve(f"{folder}/", a["href"]) for a in links)
        assert targets == sorted(f"{folder}/{p.stem}/" for p in paths)
        descriptions = pages[f"{folder}/"].select(".kb-article-list__description")
        assert len(descriptions) == len(paths)
    home = [resolve("", a["href"]) for a in pages[""].select("ul.kb-category-grid a")]
    assert set(home) == {f"{folder}/" for folder in by_folder}


def test_nav_lists_categories_not_articles(pages):
    nav_links = pages["billing/pause-subscription/"].select("nav.md-nav--primary a.md-nav__link")
    targets = {resolve("billing/pause-subscription/", a["href"]) for a in nav_links}
    assert len(targets) <= 12
    assert not any(t.count("/") > 1 for t in targets), targets


def test_no_page_requests_another_host(pages):
    for url, page in pages.items():
        for tag in page.select("script[src], img[src], iframe[src], link[href], source[src]"):
            ref = tag.get("src") or tag.get("href")
            if tag.name == "link" and set(tag.get("rel", [])) & {"canonical", "alternate", "sitemap"}:
                continue  # metadata, never fetched by a browser while rendering
            assert not re.match(r"(https?:)?//", ref), f"{url}: {tag}"


def test_shortcodes_in_code_are_shown_literally(pages):
    text = pages["writing/rules/"].get_text()
    assert "{{ contact.suport-email }}" in text


def test_demo_lints_clean(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert kb_main(["lint", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"] == []
    assert report["summary"]["files"] == len(list((ROOT / "docs").rglob("*.md")))


def test_the_default_build_log_shows_only_what_a_writer_must_act_on(demo_build):
    # mkdocs-static-i18n's progress notes and MkDocs' notes on the rewritten links to English
    # pages used to bury warnings under 30 lines; `mkdocs build -v` still shows them.
    _, result = demo_build
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    routine = ("INFO    -  Cleaning site directory", "INFO    -  Building documentation to directory",
               "INFO    -  Documentation built in")
    assert [line for line in lines if not line.startswith(routine)] == []


def test_two_builds_of_the_same_sources_are_byte_identical(demo_site, tmp_path):
    from tests.build_helpers import mkdocs_build

    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(demo_site): p.read_bytes() for p in demo_site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(path) for path in first if first[path] != second[path]] == []
