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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_publishes_only_its_own_pages(pages, demo_site, lang):
    """No English page is rendered again under /ru/: that would multiply the build by the languages."""
    published = {url for url in pages if url.startswith(f"{lang}/")}
    sources = {p.relative_to(ROOT / "docs").as_posix().replace(f".{lang}.md", "") for p in translations(lang)}
    expected = {f"{lang}/" + ("" if s == "index" else s.removesuffix("/index").removesuffix("index") + "/") for s in sources}
    assert published == expected


def test_menu_names_categories_in_the_language_and_orders_them_by_weight(pages):
    def menu(url):
        nav = pages[url].select_one("nav.md-nav--primary > ul")
        return [" ".join(li.select_one("a, label").get_text().split()) for li in nav.find_all("li", recursive=False)]

    categories = sorted((ROOT / "docs").glob("*/index.ru.md"),
                        key=lambda p: yaml.safe_load((p.parent / "index.md").read_text(encoding="utf-8").split("---")[1])["weight"])
    titles = [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["title"] for p in categories]
    assert menu("ru/")[1:-1] == titles
    assert menu("ru/")[-1] == "Связаться с нами"
    assert menu("")[-2:] == ["Contact us", "For support writers"]


def test_a_link_to_an_untranslated_page_goes_to_the_english_page(pages):
    """delivery/track-parcel.ru.md links to parcel-late.md, which has no Russian translation."""
    assert not (ROOT / "docs/delivery/parcel-late.ru.md").exists()
    links = [a["href"] for a in pages["ru/delivery/track-parcel/"].select("article a[href]") if "parcel-late" in a["href"]]
    assert links and all(resolve("ru/delivery/track-parcel/", href) == "delivery/parcel-late/" for href in links)


@pytest.mark.parametrize("lang", [*LANGUAGES, "en"])
def test_the_language_menu_links_each_translation_of_the_page(pages, lang):
    """Each language's build leaves out the other languages' pages (kb/categories), but not
    the translations of its own: the language menu needs them to link page to page."""
    url = "billing/pause-subscription/" if lang == "en" else f"{lang}/billing/pause-subscription/"
    assert all((ROOT / f"docs/billing/pause-subscription.{other}.md").exists() for other in LANGUAGES)
    menu = {a["hreflang"]: resolve(url, a["href"]) for a in pages[url].select("a.md-select__link[hreflang]")}
    assert menu == {other: ("" if other == "en" else f"{other}/") + "billing/pause-subscription/" for other in [*LANGUAGES, "en"]}


def test_hreflang_pairs_are_in_the_sitemap_not_in_each_pages_head(demo_site, pages):
    """Material fetches a sitemap for each <link rel=alternate> on every page view."""
    assert not pages["ru/billing/"].select('head link[rel="alternate"][hreflang]')
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="ru" href="https://help.zrnko.example/ru/billing/"' in sitemap


def test_each_file_is_linted_once_per_command_even_with_fallback_pages(tmp_path):
    """With fallback_to_default, an English page is rendered in every language's build; its findings are logged once."""
    from tests.build_helpers import mini_project, mkdocs_build
    from tests.conftest import VALID_REGISTRY

    config = mini_project(tmp_path / "p", {"index.md": "# Help\n\nRead this.\n", "contact.md": "# Contact\n\n{{ contacts }}\n",
                                           "index.ru.md": "# Справка\n\nОтветы здесь.\n"}, VALID_REGISTRY, ROOT / "overrides")
    config.write_text(config.read_text(encoding="utf-8") + (
        "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: true\n      languages:\n"
        "        - {locale: en, default: true, name: English, build: true}\n"
        "        - {locale: ru, name: Русский, build: true}\n"), encoding="utf-8")
    (config.parent / "docs" / "extra.md").write_text("# Extra\n\nPrior to that, nothing.\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert (tmp_path / "site" / "ru" / "extra" / "index.html").exists()  # the fallback page was rendered
    assert result.stderr.count("extra.md:3:1: KB101") == 1, result.stderr


SCRIPT = {"ru": "а-яё", "hr": "čćđšž", "sl": "čšž", "he": "\u05d0-\u05ea", "fa": "\u0600-\u06ff"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_copyright_line_is_in_the_pages_language(pages, lang):
    import re

    line = pages[f"{lang}/"].select_one(".md-copyright__highlight").get_text(" ", strip=True)
    english = pages[""].select_one(".md-copyright__highlight").get_text(" ", strip=True)
    assert line != english and re.search(f"[{SCRIPT[lang]}]", line), line
    if LANGUAGES[lang] == "rtl":
        # In right-to-left text the closing full stop must follow a word of the language,
        # or the bidi algorithm shows it on the wrong side.
        assert re.search(f"[{SCRIPT[lang]}]\\.$", line), line
