"""The demo in six languages (mkdocs-static-i18n, suffix layout): language, direction, lists and help per language."""

import pytest
import yaml

from kb_tools.contacts import load_registry
from tests.build_helpers import html_pages, resolve
from tests.conftest import ROOT

LANGUAGES = {"ru": "ltr", "hr": "ltr", "sl": "ltr", "he": "rtl", "fa": "rtl"}
STRINGS = yaml.safe_load((ROOT / "kb_tools/contacts/strings.yml").read_text(encoding="utf-8"))
REGISTRY = load_registry(ROOT / "docs/contacts.yml")


@pytest.fixture(scope="module")
def pages(demo_site):
    return html_pages(demo_site)


def translations(lang):
    return sorted(p for p in (ROOT / "docs").rglob(f"*.{lang}.md"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_home_a_contact_page_and_articles(lang):
    names = {p.relative_to(ROOT / "docs").as_posix() for p in translations(lang)}
    assert {f"index.{lang}.md", f"contact.{lang}.md"} <= names
    assert len([n for n in names if "/" in n and not n.split("/")[-1].startswith("index.")]) >= 6


@pytest.mark.parametrize("lang,direction", LANGUAGES.items())
def test_pages_declare_language_and_direction(pages, lang, direction):
    for url, page in pages.items():
        if url.startswith(f"{lang}/"):
            assert page.html["lang"] == lang, url
            assert page.body["dir"] == direction, url
    assert pages[""].html["lang"] == "en" and pages[""].body["dir"] == "ltr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_category_pages_list_only_their_languages_articles(pages, lang):
    translated = {p.relative_to(ROOT / "docs").as_posix().replace(f".{lang}.md", "") for p in translations(lang)}
    for folder in ("account", "billing", "orders", "delivery", "returns", "troubleshooting"):
        links = pages[f"{lang}/{folder}/"].select("ul.kb-article-list a")
        targets = {resolve(f"{lang}/{folder}/", a["href"]).rstrip("/") for a in links}
        assert targets == {f"{lang}/{t}" for t in translated if t.startswith(f"{folder}/") and not t.endswith("/index")}, folder


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_box_and_contact_page_speak_the_language(pages, lang):
    words = STRINGS[lang]
    home = pages[f"{lang}/"]
    box = home.select_one("aside.kb-help")
    assert box.select_one(".kb-help__title").get_text() == words["need_help"]
    assert resolve(f"{lang}/", box.select_one("a.kb-help__contact")["href"]) == f"{lang}/contact/"
    contact = pages[f"{lang}/contact/"]
    for channel in REGISTRY.channels:
        item = contact.select_one(f'li[data-kb-channel="{channel.id}"]')
        assert item.select_one(".kb-channel__label").get_text() == channel.text("label", lang)
        assert channel.text("response_time", lang) in item.get_text()
    assert contact.select_one('script[type="application/ld+json"]') is not None


@pytest.mark.parametrize("lang", ["he", "fa"])
def test_addresses_stay_left_to_right_on_rtl_pages(pages, lang):
    phone = REGISTRY.get("support-phone")
    for url in (f"{lang}/", f"{lang}/contact/"):
        links = pages[url].select(f'a.kb-contact[href="{phone.href}"]')
        assert links and all(a.get("dir") == "ltr" for a in links), url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_category_cards_count_in_the_language(pages, lang):
    counts = [c.get_text() for c in pages[f"{lang}/"].select(".kb-category-grid__count")]
    label = STRINGS[lang]["article_count"][1].split("{n}")[0].strip() or STRINGS[lang]["article_count"][1].split("{n}")[1].strip()
    assert counts and all(label in c for c in counts)
