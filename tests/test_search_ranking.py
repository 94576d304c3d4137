"""The search ranking: Python (kb_tools.search.rank) and the browser's worker rank alike,
typos and synonyms find their article, and customers never meet the writers' docs."""

from __future__ import annotations

import pytest

from kb_tools.errors import InputError
from kb_tools.search import index
from kb_tools.search.rank import Searcher, edit_distance, typo_distance
from kb_tools.search.synonyms import load_synonyms
from tests.conftest import search

# Queries for the parity test: keywords, questions, unfinished last words, typos, missing
# diacritics, Hebrew prefixes, Persian without ZWNJ. (In-sample: written with the code.)
PARITY = {
    "en": ["refund", "refnd", "invoise", "why was I charged twice", "parcel late", "cancel my subscr",
           "money back", "descale", "machine won't turn on", "pasword reset", "delivery abroad costs "],
    "ru": ["доставка", "вернуть деньги", "отменить заказ", "накипь", "отслеживать посылку", "пароль забыл"],
    "hr": ["dostava", "povrat novca", "otkazati narudzbu", "kamenac", "lozinka", "pracenje paketa"],
    "sl": ["dostava", "vracilo denarja", "preklic narocila", "vodni kamen", "geslo", "sledenje paketa"],
    "he": ["משלוח", "והמשלוח", "החזר כספי", "ביטול הזמנה", "אבנית", "סיסמה"],
    "fa": ["ارسال", "لغو سفارش", "بازپرداخت", "رمز عبور", "جرم گیری", "میتوانم"],
}


@pytest.fixture(scope="module")
def demo_index(demo_site):
    def files(name: str) -> dict[str, bytes]:
        folder = demo_site / "search" / name
        return {p.name: p.read_bytes() for p in folder.iterdir()}
    return files


WORKER_QUERY = """async ([url, queries]) => {
  const worker = new Worker(url)
  await new Promise(resolve => worker.addEventListener("message", function ready({ data }) {
    if (data.type === 1) { worker.removeEventListener("message", ready); resolve() }
  }))
  const answers = []
  for (const query of queries) {
    answers.push(await new Promise(resolve => {
      const listen = ({ data }) => { if (data.type === 3) { worker.removeEventListener("message", listen); resolve(data.data.items) } }
      worker.addEventListener("message", listen)
      worker.postMessage({ type: 2, data: query })
    }))
  }
  worker.terminate()
  return answers.map(items => items.map(([item]) => [item.location, item.score]))
}"""


@pytest.mark.parametrize("lang", sorted(PARITY))
def test_python_and_the_browser_rank_alike(page, demo_site, serve, demo_index, lang):
    """Every result, in order, with the same score: kb search and the findability check report what customers see."""
    base = serve(demo_site)
    searcher = Searcher(demo_index(lang))
    page.goto(base + ("" if lang == "en" else f"{lang}/"))
    worker = f"{base}assets/javascripts/kb-search-worker.js?lang={lang}&index={lang}"
    browser_results = page.evaluate(WORKER_QUERY, [worker, PARITY[lang]])
    for query, seen in zip(PARITY[lang], browser_results):
        expected = [[hit.url, hit.score] for hit in searcher.search(query).hits]
        assert seen == expected, query
        assert seen, f"{query!r} finds nothing in {lang}"


@pytest.mark.parametrize("a, b, limit, expected", [
    ("refund", "refund", 1, 0), ("refnd", "refund", 1, 1), ("rfeund", "refund", 1, 1), ("invois", "invoic", 1, 1),
    ("abc", "abcdef", 1, 2), ("kitten", "sitting", 3, 3), ("ca", "ac", 1, 1)])
def test_edit_distance_counts_swaps_as_one_edit(a, b, limit, expected):
    assert edit_distance(a, b, limit) == expected


def test_typo_allowance_grows_with_the_word():
    limits = index.TYPO
    assert [typo_distance("x" * n, limits) for n in (3, 4, 5, 8, 9, 12)] == [0, 0, 1, 1, 2, 2]


def _searcher(lang, docs, synonyms=()):
    return Searcher(index.build(lang, [index.Document(u, t, (), "", b) for u, t, b in docs], synonyms))


DOCS = [("billing/refund/", "How do I get a refund?", "We pay refunds to your card within five days."),
        ("billing/invoices/", "Where are my invoices?", "Every invoice is in your account."),
        ("delivery/late/", "My parcel is late", "Parcels usually arrive in two days.")]


@pytest.mark.parametrize("query, url", [("refnd", "billing/refund/"), ("invoise", "billing/invoices/"),
                                        ("parcle late", "delivery/late/")])
def test_a_typo_finds_the_article(query, url):
    assert _searcher("en", DOCS).search(query).hits[0].url == url


def test_short_words_get_no_typo_allowance():
    """"card" is one edit from "cart", "care", "hard": four letters say too little to guess."""
    assert _searcher("en", DOCS).search("carx ").total == 0


def test_an_exact_word_is_not_outranked_by_a_typo_neighbour():
    docs = DOCS + [("billing/refunds-policy/", "Refunds policy", "Refunds and returns.")]
    hits = _searcher("en", docs).search("refunds ").hits
    assert {h.url for h in hits[:2]} == {"billing/refund/", "billing/refunds-policy/"}


def test_synonyms_find_an_article_that_never_uses_the_word():
    plain = _searcher("en", DOCS)
    assert not plain.search("money back ").hits
    with_synonyms = _searcher("en", DOCS, [["refund", "money back"]])
    assert with_synonyms.search("money back ").hits[0].url == "billing/refund/"


def test_a_page_that_says_the_word_outranks_one_found_by_its_synonym():
    docs = DOCS + [("billing/money-back/", "Money back guarantee", "Money back if you do not like it.")]
    hits = _searcher("en", docs, [["refund", "money back"]]).search("money back ").hits
    assert [h.url for h in hits[:2]] == ["billing/money-back/", "billing/refund/"]


def test_hebrew_stripped_prefix_ranks_below_the_word_itself():
    """משלוח (shipment) is also indexed under לוח (board), with less weight than a page that says לוח."""
    docs = [("he/a/", "משלוח", "המשלוח יוצא מחר"), ("he/b/", "לוח", "לוח זמנים")]
    hits = _searcher("he", docs).search("לוח ").hits
    assert hits[0].url == "he/b/"


def test_synonyms_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "synonyms.yml"
    path.write_text("en:\n  - [refund, money back]\n  - [lonely]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_synonyms(str(path))
    assert caught.value.line == 1 and "group 2" in str(caught.value)
    path.write_text("en: [[refund, money back]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_synonyms(str(path))
    assert caught.value.line == 2
    assert load_synonyms(str(tmp_path / "missing.yml")) == {}


def test_customers_index_holds_no_writers_page(demo_site):
    """The rules reference is full of sentences about refunds and charges: it has its own index."""
    customer = Searcher({p.name: p.read_bytes() for p in (demo_site / "search" / "en").iterdir()})
    result = customer.search("why did you take money from my card")
    assert result.hits and not any(h.url.startswith("writing/") for h in result.hits)
    writers = Searcher({p.name: p.read_bytes() for p in (demo_site / "search" / "writing" / "en").iterdir()})
    hits = writers.search("officialese").hits
    assert hits and all(h.url.startswith("writing/") for h in hits)


def test_writers_pages_search_their_own_index(demo_site):
    html = (demo_site / "writing" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "index=writing%2Fen" in html
    article = (demo_site / "billing" / "why-was-i-charged" / "index.html").read_text(encoding="utf-8")
    assert "index=en&" in article


def test_category_pages_are_indexed_with_their_article_titles(demo_index):
    searcher = Searcher(demo_index("en"))
    urls = [h.url for h in searcher.search("Why was I charged").hits]
    assert "billing/why-was-i-charged/" in urls[:1] and "billing/" in urls


def test_result_summary_counts_every_matching_page(page, demo_site, serve, demo_index):
    """Material shows the first 30 results; its summary says how many pages matched in all."""
    total = Searcher(demo_index("en")).search("your").total
    assert total > 30
    assert len(search(page, serve(demo_site), "your")) <= 30
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent.startsWith('{total} ')",
                           timeout=10_000)


def test_home_page_search_box_shows_results_as_the_customer_types(page, demo_site, serve):
    """The home page's own search box (a phone's header shows only an icon) hands over to the search dialog."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(serve(demo_site) + "he/")
    box = page.locator(".kb-search-box__input")
    assert box.is_visible() and page.locator(".kb-search-box__label").inner_text() == "חיפוש במרכז העזרה"
    box.click()
    page.keyboard.type("החזר", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert page.input_value(".md-search__input") == "החזר"
    titles = page.eval_on_selector_all(".md-search-result__item h1", "hs => hs.map(h => h.textContent)")
    assert "מתי אקבל את ההחזר הכספי?" in titles[:3]


def test_search_box_without_the_page_script_opens_search_through_the_address(page, demo_site, serve):
    """The form's own submit goes to ?q=…, which Material opens as a search."""
    page.goto(serve(demo_site) + "?q=refund")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.input_value(".md-search__input") == "refund"


def test_contact_page_offers_articles_per_purpose_above_its_channels(page, demo_site, serve):
    page.goto(serve(demo_site) + "contact/")
    assert page.locator("form.kb-search-box").count() == 1
    billing = page.locator('.kb-suggestions[data-kb-purpose="billing"] a')
    assert billing.count() == 3 and "Where can I find my invoices?" in billing.all_inner_texts()
    # the suggestions come before the channels of the same purpose, which stay visible
    order = page.evaluate("""() => {
        const s = document.querySelector('.kb-suggestions[data-kb-purpose="billing"]');
        const c = document.querySelector('.kb-channels[data-kb-purpose="billing"]');
        return !!(s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)}""")
    assert order and page.locator('.kb-channels[data-kb-purpose="billing"] li').first.is_visible()
    # a generic purpose gets no list rather than a random one
    assert page.locator('.kb-suggestions[data-kb-purpose="support"]').count() == 0
    page.locator('.kb-suggestions[data-kb-purpose="billing"] a', has_text="Where can I find my invoices?").click()
    page.wait_for_url("**/billing/find-invoices/")


def test_articles_end_with_related_articles_in_their_language(demo_site):
    from bs4 import BeautifulSoup

    for path, lang_prefix in [("billing/why-was-i-charged/index.html", ""), ("ru/returns/refund-timing/index.html", "ru/")]:
        soup = BeautifulSoup((demo_site / path).read_text(encoding="utf-8"), "html.parser")
        related = soup.select("nav#kb-related a")
        assert 1 <= len(related) <= 3
        page_url = path[: -len("index.html")]
        for a in related:
            target = (demo_site / page_url / a["href"]).resolve() / "index.html"
            assert target.is_file(), a["href"]
            assert str(target.relative_to(demo_site.resolve())).startswith(lang_prefix)
    for html in demo_site.rglob("*.html"):
        assert "<!--kb:" not in html.read_text(encoding="utf-8"), html  # every marker filled or removed
    assert not (demo_site / "index.html").read_text(encoding="utf-8").count('id="kb-related"')


@pytest.mark.parametrize("query, title", [
    ("refnd", "When will I get my refund?"),                  # a typo
    ("invoise", "Where can I find my invoices?"),             # a typo
    ("reimburse ", "When will I get my refund?"),             # a synonym from docs/synonyms.yml
])
def test_typos_and_synonyms_in_the_search_box(page, demo_site, serve, query, title):
    titles = [t for t, _ in search(page, serve(demo_site), query)]
    assert title in titles[:3], titles[:5]
