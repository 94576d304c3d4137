"""The search index in Python: folding, light stemmers, shards, scores (the browser half is in test_search_browser.py)."""

from __future__ import annotations

import json

import pytest

from kb_tools.search import index
from kb_tools.search.stemming import RULES, Stemmer
from kb_tools.search.text import fold, tokens


@pytest.mark.parametrize("text, expected", [
    ("«Доставка» и „dostava“", ["доставка", "и", "dostava"]),
    ("Ёлка", ["елка"]),
    ("می‌توانید", ["میتوانید"]),                      # ZWNJ present …
    ("میتوانید", ["میتوانید"]),                       # … or absent: one term
    ("مي‌توانيد كار", ["میتوانید", "کار"]),            # Arabic yeh and kaf
    ("צה״ל צה\"ל צה׳ל", ["צהל", "צהל", "צהל"]),        # gershayim, ASCII quote, geresh
    ("שָׁלוֹם", ["שלום"]),                             # niqqud
    ("۱۲۳ ١٢٣ 123", ["123", "123", "123"]),           # Persian, Arabic-Indic and ASCII digits
    ("pre\u00adpaid don't", ["prepaid", "dont"]),      # soft hyphen, apostrophe
    ("Čestitke, NARUDŽBA", ["cestitke", "narudzba"]),  # accents fold: customers often type without them
])
def test_tokens_fold_what_customers_type_differently(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize("lang, forms", [
    ("en", ["refund", "refunds", "refunded", "refunding"]),
    ("en", ["policy", "policies"]),
    ("en", ["address", "addresses"]),
    ("ru", ["доставка", "доставки", "доставкой", "доставку", "доставке"]),
    ("ru", ["возврат", "возврата", "возвратом", "возвраты"]),
    ("ru", ["счёт", "счета", "счетом"]),
    ("hr", ["dostava", "dostave", "dostavu", "dostavom"]),
    ("hr", ["narudžba", "narudžbe", "narudžbu"]),
    ("sl", ["dostava", "dostave", "dostavo", "dostavi"]),
    ("sl", ["naročilo", "naročila", "naročilom"]),
    ("he", ["החזרה", "החזרות"]),
    ("fa", ["سفارش", "سفارش‌ها", "سفارش‌های"]),
])
def test_stemmer_conflates_inflected_forms(lang, forms):
    stemmer = Stemmer(lang)
    assert len({stemmer.stem(fold(f)) for f in forms}) == 1, {f: stemmer.stem(fold(f)) for f in forms}


@pytest.mark.parametrize("lang, word", [("en", "bus"), ("en", "is"), ("ru", "она"), ("ru", "сто"), ("hr", "kao"),
                                         ("he", "בית"), ("fa", "ما")])
def test_stemmer_leaves_short_words_whole(lang, word):
    assert Stemmer(lang).stem(fold(word)) == fold(word)


def test_hebrew_prefixes_are_indexed_as_every_variant():
    stemmer = Stemmer("he")
    terms = dict(stemmer.index_terms(fold("והמשלוח")))
    # "and the shipment" is found by "the shipment" and by "shipment", the more stripped the less
    assert terms[stemmer.stem(fold("והמשלוח"))] == 1.0
    assert terms[stemmer.stem(fold("המשלוח"))] == 0.5 and terms[stemmer.stem(fold("משלוח"))] == 0.25


def test_every_rule_set_names_a_language_of_the_lint_packs():
    from kb_tools.lint import packs
    assert set(RULES) == set(packs.languages())


def _docs(n, body="coffee beans"):
    return [index.Document(f"a{i:04d}/", f"Article {i}", (), "", body) for i in range(n)]


def _terms_in(files, name):
    return json.loads(files[name])


def test_each_term_is_in_the_shard_of_its_longest_key():
    words = [f"w{a}{b}{c}" for a in "abcdefgh" for b in "abcdefgh" for c in "abcd"]
    docs = [index.Document(f"d{i}/", "", (), "", " ".join(words[i % 40::7])) for i in range(300)]
    files = index.build("en", docs)
    manifest = json.loads(files["manifest.json"])
    shards = manifest["shards"]
    assert len(shards) > 1, "the test needs a corpus that splits"
    keys = sorted(shards, key=len, reverse=True)
    for key, name in shards.items():
        content = files[name]
        assert len(content) <= index.SHARD_BYTES * 1.5
        for term in json.loads(content):
            assert next(k for k in keys if term.startswith(k)) == key, term


def test_title_outweighs_questions_description_and_body():
    docs = [index.Document("t/", "Refund", (), "", "other words"),
            index.Document("q/", "Other", ("refund",), "", "other words"),
            index.Document("d/", "Other", (), "refund", "other words"),
            index.Document("b/", "Other", (), "", "refund other words")]
    files = index.build("en", docs)
    manifest = json.loads(files["manifest.json"])
    shard = next(json.loads(files[n]) for n in manifest["shards"].values() if "refund" in json.loads(files[n]))
    flat = shard["refund"]
    ids, doc = [], 0
    for i in range(0, len(flat), 2):
        doc += flat[i]
        ids.append((doc, flat[i + 1]))
    urls = sorted(d.url for d in docs)  # ids follow URL order
    score = {urls[d]: s for d, s in ids}
    assert score["t/"] > score["q/"] > score["d/"] > score["b/"]


def test_very_common_terms_keep_only_their_best_pages():
    docs = _docs(index.MAX_POSTINGS + 50)
    files = index.build("en", docs)
    shards = [json.loads(files[n]) for n in json.loads(files["manifest.json"])["shards"].values()]
    term = Stemmer("en").stem("coffee")
    coffee = next(s[term] for s in shards if term in s)
    assert len(coffee) == 2 * index.MAX_POSTINGS


def test_documents_are_chunked_in_url_order_with_a_teaser():
    docs = [index.Document(f"p{i:02d}/", f"Title {i}", (), "Short description." if i % 2 else "", "word " * 100)
            for i in range(20)]
    files = index.build("en", docs)
    manifest = json.loads(files["manifest.json"])
    rows = [row for name in manifest["chunks"] for row in json.loads(files[name])]
    assert [r[0] for r in rows] == sorted(d.url for d in docs)
    assert rows[1][2] == "Short description."
    assert rows[0][2].endswith("…") and len(rows[0][2]) < 200
    assert manifest["chunk"] == index.CHUNK_DOCS and len(manifest["chunks"]) == 3


def test_build_is_deterministic_and_names_files_by_content():
    docs = _docs(30, "beans grinder descale")
    first, second = index.build("en", docs), index.build("en", list(reversed(docs)))
    assert first == second
    changed = index.build("en", docs[:-1])
    assert set(first) != set(changed)


def test_a_site_of_empty_pages_builds_an_index():
    # Found by tests/test_fuzz.py: every document had zero words, and the length norm divided by zero.
    from kb_tools.search import index as search_index

    files = search_index.build("en", [search_index.Document("a/", "", (), "", ""), search_index.Document("b/", "", (), "", "")])
    assert b'"count":2' in files["manifest.json"].replace(b" ", b"")
