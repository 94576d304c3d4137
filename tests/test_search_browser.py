"""kb/search in Debian's Chromium: a real `mkdocs build` of a small four-language site, searched
through Material's own search box (the worker runs our index)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb_tools.search.stemming import Stemmer
from kb_tools.search.text import tokens
from tests.build_helpers import mkdocs_build
from tests.conftest import search

CONFIG = """\
site_name: Search test
site_url: https://help.example.com/
theme: {name: material, font: false, language: en}
plugins:
  - search
  - kb/search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: ru, name: Русский, build: true}
        - {locale: he, name: עברית, build: true}
        - {locale: fa, name: فارسی, build: true}
"""

PAGES = {
    "index.md": "# Zrnko help\n\nZrnko answers about delivery and refunds.\n",
    "delivery.md": "---\ntitle: When will my parcel arrive?\n---\n\nZrnko delivers within two days.\n",
    "index.ru.md": "# Справка Zrnko\n\nОтветы Zrnko.\n",
    # The only form of «доставка» on this page is in quotes and in another case.
    "shipping.ru.md": "---\ntitle: Когда придёт посылка?\n---\n\nВыберите в корзине вариант «Курьерской доставкой», "
                      "и Zrnko привезёт посылку завтра.\n",
    "payment.ru.md": "---\ntitle: Как оплатить заказ?\n---\n\nZrnko принимает банковские карты.\n",
    "index.he.md": "# העזרה של Zrnko\n\nתשובות של Zrnko.\n",
    "shipping.he.md": "---\ntitle: מתי יגיע המשלוח?\n---\n\nZrnko שולחת את ההזמנה תוך יומיים.\n",
    "index.fa.md": "# راهنمای Zrnko\n\nپاسخ‌های Zrnko.\n",
    "cancel.fa.md": "---\ntitle: لغو سفارش\n---\n\nشما می‌توانید سفارش Zrnko را تا پیش از ارسال لغو کنید.\n",
    "beans.fa.md": "---\ntitle: دانه‌های قهوه\n---\n\nZrnko قهوه را هر هفته برشته می‌کند.\n",
    "blank.html": "<!doctype html><meta charset=utf-8><title>blank</title>",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-site")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    out = root / "site"
    result = mkdocs_build(root / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def base(site, serve):
    return serve(site)


def test_material_lunr_index_is_left_empty(site):
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["docs"] == []
    assert {p.name for p in (site / "search").iterdir() if p.is_dir()} == {"en", "ru", "he", "fa"}


PARITY = ["«Доставка» и „dostava“, Ёлка", "می‌توانید مي‌توانيد كار ۱۲۳ ١٢٣", "צה״ל צה\"ל שָׁלוֹם והמשלוח",
          "pre\u00adpaid don't REFUNDED policies", "Čestitke, NARUDŽBA dostavom naročilom", "сайте доставкой возвратом"]


@pytest.mark.parametrize("lang", ["en", "ru", "hr", "sl", "he", "fa"])
def test_worker_folds_and_stems_exactly_like_the_index(page, base, lang):
    """The index is built in Python and queried in JavaScript: one word, one term, on both sides."""
    page.goto(base + "blank.html")
    page.add_script_tag(path=str(Path(__file__).parents[1] / "kb_tools/search/assets/search-worker.js"))
    stemmer = Stemmer(lang)
    for text in PARITY:
        words = tokens(text)
        expected = [[stemmer.stem(v) for v in stemmer.variants(w)] for w in words]
        actual = page.evaluate("""([text, rules]) => kbSearch.tokenize(text).map(
            w => kbSearch.variants(w, rules).map(v => kbSearch.stem(v, rules)))""", [text, stemmer.rules])
        assert actual == expected, text


def test_russian_query_finds_a_word_written_in_quotes_and_another_case(page, base):
    results = search(page, base + "ru/", "доставка")
    titles = [t for t, _ in results]
    assert "Когда придёт посылка?" in titles
    assert "Как оплатить заказ?" not in titles


@pytest.mark.parametrize("query", ["میتوانید", "می\u200cتوانید", "مي\u200cتوانيد"])
def test_persian_query_with_or_without_zwnj_finds_the_same_article(page, base, query):
    results = search(page, base + "fa/", query)
    assert [t for t, _ in results] == ["لغو سفارش"]


def test_hebrew_search_returns_hebrew_pages_only(page, base):
    results = search(page, base + "he/", "Zrnko")
    assert len(results) >= 2
    assert all(href.startswith(base + "he/") for _, href in results), results
    assert "מתי יגיע המשלוח?" in [t for t, _ in results]


def test_demo_hebrew_pages_are_rtl_and_search_in_hebrew(page, demo_site, serve):
    """The same on the demo, with its real configuration and theme overrides."""
    demo = serve(demo_site)
    page.goto(demo + "he/")
    # Material puts the direction on <body> (its RTL layout keys on it), the language on <html>.
    assert (page.get_attribute("html", "lang"), page.get_attribute("body", "dir")) == ("he", "rtl")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__input')).direction") == "rtl"
    results = search(page, demo + "he/", "Zrnko")
    assert len(results) >= 5
    assert all(href.startswith(demo + "he/") for _, href in results), results
    english = search(page, demo, "Zrnko")
    assert not any("/he/" in href or "/ru/" in href for _, href in english)


def test_a_result_opens_its_page(page, base):
    results = search(page, base + "ru/", "посылку")
    page.click(".md-search-result__item a")
    page.wait_for_url("**/ru/shipping/**")
    assert page.title().startswith("Когда придёт посылка?")
    assert results[0][0] == "Когда придёт посылка?"


def test_search_says_so_when_the_index_cannot_load(page, base):
    page.route("**/search/ru/**", lambda route: route.abort())
    results = search(page, base + "ru/", "доставка")
    assert [t for t, _ in results] == ["Поиск сейчас недоступен"]
    assert results[0][1].startswith(base + "ru/")
    assert "главную страницу" in page.inner_text(".md-search-result__list")
