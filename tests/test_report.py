"""`kb report`: page records, review dates, grouping, the JSON shape, the self-contained HTML page,
and the charts as Chromium draws them (on a small tree with problems and on the real demo)."""

import argparse
import json
import re
from datetime import date

import pytest

from kb_tools.report import command, html, overview
from kb_tools.report.collect import ARTICLE, INDEX, PAGE, collect
from kb_tools.report.scoring import HARD, OK, UNSCORED, readability_rule
from kb_tools.errors import InputError
from kb_tools.lint.engine import Linter, markdown_files
from tests.conftest import ROOT, VALID_REGISTRY

TODAY = "2027-06-01"
HARD_EN = readability_rule("en").examples["fail"][0]
HARD_HE = readability_rule("he").examples["fail"][0]
EASY_EN = " ".join(["We send your refund the day your parcel reaches us. It is on your card in five days."] * 4)


def front(**meta) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n\n"


@pytest.fixture
def tree(write, tmp_path):
    """A help centre with one of every problem the report lists."""
    write("contacts.yml", VALID_REGISTRY, dedent=False)
    write("docs/contacts.yml", VALID_REGISTRY, dedent=False)
    write("docs/index.md", front(title="How can we help?") + "Pick a topic.\n")
    write("docs/contact.md", front(title="Contact us") + "Write to us.\n")
    write("docs/billing/index.md", front(title="Billing") + "Paying and refunds.\n")
    write("docs/billing/index.he.md", front(title="חיובים") + "תשלומים והחזרים.\n")
    write("docs/billing/refund.md", front(title="When do I get my refund?", questions="[money back]", review_by="2027-01-01")
          + EASY_EN + "\n")
    write("docs/billing/refund.he.md", front(title="מתי אקבל את ההחזר?", review_by="2027-12-01") + HARD_HE + "\n")
    write("docs/billing/hard.md", front(title="Reimbursements", questions="[refund]", review_by="2027-06-01")
          + HARD_EN + "\n\nPursuant to your request, we refund you.\n")
    write("docs/billing/vague.md", front(title="Vague", questions="[x]", review_by="next year", reviewed="2027-4-1") + EASY_EN + "\n")
    write("docs/billing/script.md", front(title="'<script>alert(1)</script> & more'", questions="[x]") + EASY_EN + "\n")
    return tmp_path


def parse_args(*argv):
    parser = argparse.ArgumentParser(prog="kb")
    command.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["report", *argv])


def collect_tree(tree, today=TODAY):
    docs = str(tree / "docs")
    return collect(markdown_files([docs]), Linter(), date.fromisoformat(today), [docs])


def by_name(pages):
    """Pages by their path inside docs/."""
    return {p.path.split("/docs/", 1)[1]: p for p in pages}


def test_stale_against_a_fixed_today(tree):
    pages = by_name(collect_tree(tree))
    assert pages["billing/refund.md"].stale and pages["billing/refund.md"].days_overdue == 151
    assert not pages["billing/refund.he.md"].stale
    assert not pages["billing/hard.md"].stale  # due today: not yet past it
    assert by_name(collect_tree(tree, "2027-06-02"))["billing/hard.md"].days_overdue == 1


def test_kinds_languages_and_categories(tree):
    pages = by_name(collect_tree(tree))
    assert pages["index.md"].kind == INDEX and pages["billing/index.he.md"].kind == INDEX
    assert pages["contact.md"].kind == PAGE and pages["contact.md"].category == ""
    refund_he = pages["billing/refund.he.md"]
    assert (refund_he.kind, refund_he.lang, refund_he.category, refund_he.category_title) == (ARTICLE, "he", "billing", "חיובים")
    assert pages["billing/refund.md"].category_title == "Billing"
    view = overview.build(list(pages.values()), date.fromisoformat(TODAY))
    assert [s.lang for s in view.languages] == ["en", "he"]  # most articles first
    assert [c.key for c in view.categories] == ["billing"]
    assert view.categories[0].bands == {"en": {OK: 3, HARD: 1, UNSCORED: 0}, "he": {OK: 0, HARD: 1, UNSCORED: 0}}


def test_pages_without_questions_are_articles_only(tree):
    view = overview.build(collect_tree(tree), date.fromisoformat(TODAY))
    assert [p.path.split("/docs/")[1] for p in view.no_questions] == ["billing/refund.he.md"]


def test_malformed_review_dates_are_listed_with_their_line(tree):
    page = by_name(collect_tree(tree))["billing/vague.md"]
    assert page.review_by.value is None and page.review_by.line == 4 and "'next year' is not a date" in page.review_by.problem
    assert page.reviewed.line == 5 and "'2027-4-1'" in page.reviewed.problem
    view = overview.build([page], date.fromisoformat(TODAY))
    assert view.review_problems == [page] and view.no_review_date == [] and not page.stale


def test_impossible_date_is_a_kb001_finding_and_exit_2(tree, write, capsys):
    write("docs/billing/impossible.md", front(title="Impossible", review_by="2027-02-30") + EASY_EN + "\n")
    out = tree / "r.json"
    status = command.run(parse_args(str(tree / "docs"), "--format", "json", "-o", str(out), "--today", TODAY))
    assert status == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    page = next(p for p in data["pages"] if p["path"].endswith("impossible.md"))
    assert page["unreadable"] and page["diagnostics"][0]["code"] == "KB001" and page["diagnostics"][0]["line"] == 3
    assert "day is out of range" in page["diagnostics"][0]["message"]
    assert "impossible.md:3:" in capsys.readouterr().err


def test_score_bands_follow_the_rule(tree):
    pages = by_name(collect_tree(tree))
    hard = pages["billing/hard.md"]
    assert hard.score.band == HARD and hard.score.formula == "flesch" and hard.score.value < 50
    assert {"KB101", "KB202"} <= set(hard.code_counts())
    he = pages["billing/refund.he.md"]
    assert he.score.band == HARD and he.score.formula == "lix" and he.score.value > 35 and not he.score.higher_is_easier
    assert pages["index.md"].score.band == UNSCORED and "too short" in pages["index.md"].score.note
    assert pages["billing/refund.md"].score.band == OK


def test_rule_switched_off_on_a_page_is_not_scored(write, tmp_path):
    write("a.md", "---\nkb_lint: {ignore: [KB2]}\n---\n\n" + HARD_EN + "\n")
    [page] = collect([str(tmp_path / "a.md")], Linter(), date(2027, 1, 1), [str(tmp_path)])
    assert page.score.band == UNSCORED and "KB202 is switched off" in page.score.note and page.words > 40


def test_worst_pages_come_first_by_errors_then_warnings_then_score(tree):
    view = overview.build(collect_tree(tree), date.fromisoformat(TODAY))
    assert [p.path.split("/docs/")[1] for p in view.worst] == ["billing/hard.md", "billing/refund.he.md"]


@pytest.mark.parametrize("higher_is_easier,values,expected", [
    (True, [49.9, 50, 71], [(40, 50, 1, HARD), (50, 60, 1, OK), (60, 70, 0, OK), (70, 80, 1, OK)]),
    (False, [35, 35.1, 20], [(15, 20, 1, OK), (20, 25, 0, OK), (25, 30, 0, OK), (30, 35, 1, OK), (35, 40, 1, HARD)]),
])
def test_histogram_edges_sit_on_the_threshold(higher_is_easier, values, expected):
    threshold = 50 if higher_is_easier else 35
    width = 10 if higher_is_easier else 5
    bins = overview.histogram(values, threshold, higher_is_easier, width)
    assert [(b.low, b.high, b.count, b.band) for b in bins] == expected


def test_json_shape(tree, capsys):
    assert command.run(parse_args(str(tree / "docs"), "--format", "json", "--today", TODAY)) == 0
    data = json.loads(capsys.readouterr().out)  # json goes to stdout by default
    assert list(data) == ["version", "today", "summary", "languages", "categories", "pages", "worst", "stale",
                          "review_problems", "no_review_date", "no_questions"]
    assert data["version"] == 1 and data["today"] == TODAY
    assert data["summary"]["articles"] == 5 and data["summary"]["hard_articles"] == 2 and data["summary"]["stale"] == 1
    en = data["languages"][0]
    assert set(en) == {"lang", "formula", "threshold", "higher_is_easier", "articles", "bands", "median", "bins"}
    assert sum(b["count"] for b in en["bins"]) == en["bands"]["ok"] + en["bands"]["hard"]
    page = next(p for p in data["pages"] if p["path"].endswith("billing/refund.md"))
    assert set(page) == {"path", "lang", "kind", "category", "category_title", "title", "words", "sentences", "readability",
                         "findings", "codes", "diagnostics", "reviewed", "review_by", "review_problems", "stale",
                         "days_overdue", "has_questions", "unreadable"}
    assert page["review_by"] == "2027-01-01" and page["days_overdue"] == 151 and page["readability"]["band"] == "ok"
    assert data["categories"] == [{"category": "billing", "title": "Billing", "languages": {
        "en": {"ok": 3, "hard": 1, "unscored": 0}, "he": {"ok": 0, "hard": 1, "unscored": 0}}}]


def test_html_is_self_contained_and_escaped(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert command.run(parse_args("docs", "--today", TODAY)) == 0
    page = (tree / "kb-report.html").read_text(encoding="utf-8")  # the default output file
    assert not re.search(r"https?:|//[\w.-]+\.\w|url\(|@import|<script|<link|<img|<iframe|\bsrc=", page, re.IGNORECASE)
    assert not re.search(r'href="(?!#)', page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert '<span lang="he" dir="rtl">מתי אקבל את ההחזר?</span>' in page
    assert "docs/billing/vague.md:4</code>" in page  # the unreadable review date, with its line


def test_html_escapes_every_title_it_shows():
    assert html._in_language('<b a="1">', "fa") == '<span lang="fa" dir="rtl">&lt;b a=&quot;1&quot;&gt;</span>'


@pytest.mark.parametrize("argv,where", [
    (["--today", "2027-13-01"], "--today"),
    (["missing-folder"], "missing-folder"),
    (["--config-file", "nope.yml"], "nope.yml"),
    (["--lang", "English"], "--lang"),
])
def test_bad_input_is_an_input_error(tree, monkeypatch, argv, where):
    monkeypatch.chdir(tree)
    with pytest.raises(InputError) as error:
        command.run(parse_args(*argv))
    assert error.value.path == where


def test_broken_mkdocs_yml_names_file_and_line(tree, write, monkeypatch):
    monkeypatch.chdir(tree)
    write("mkdocs.yml", "site_name: x\nplugins:\n  - kb/lint: {fail_on: sometimes}\n")
    with pytest.raises(InputError, match="fail_on must be one of"):
        command.run(parse_args("--today", TODAY))


def _check_charts(page, data):
    """Every chart drawn with a size, and as many bars as the data has non-empty bins."""
    charts = page.locator("svg.kb-chart")
    assert charts.count() == len(data["languages"]) + len(data["categories"])
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 20
    for lang in data["languages"]:
        bars = page.locator(f"#chart-lang-{lang['lang']} rect.kb-bar")
        assert bars.count() == sum(1 for b in lang["bins"] if b["count"])
        assert sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())) == \
            lang["bands"]["ok"] + lang["bands"]["hard"]
        for i in range(bars.count()):
            box = bars.nth(i).bounding_box()
            assert box["width"] > 0 and box["height"] > 0
    for i, category in enumerate(data["categories"]):
        segments = page.locator(f"#chart-category-{i} rect.kb-segment")
        assert sum(int(segments.nth(k).get_attribute("data-count")) for k in range(segments.count())) == \
            sum(sum(counts.values()) for counts in category["languages"].values())


def _report(tmp_path, *argv):
    html_file, json_file = tmp_path / "report.html", tmp_path / "report.json"
    command.run(parse_args(*argv, "--today", TODAY, "-o", str(html_file)))
    command.run(parse_args(*argv, "--today", TODAY, "--format", "json", "-o", str(json_file)))
    return html_file, json.loads(json_file.read_text(encoding="utf-8"))


def test_chromium_draws_the_charts_of_a_tree_with_problems(browser, tree):
    html_file, data = _report(tree, str(tree / "docs"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(html_file.as_uri())
    _check_charts(page, data)
    assert page.locator("rect.kb-bar--hard").count() == 2  # one English, one Hebrew bin past the threshold
    assert page.locator("#worst li.kb-page").count() == 2
    title = page.locator('#worst span[lang="he"]')
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert requests == [html_file.as_uri()]  # nothing else is fetched
    page.close()


def test_chromium_shows_the_demo_report(browser, tmp_path):
    html_file, data = _report(tmp_path, "--config-file", str(ROOT / "mkdocs.yml"))
    assert {lang["lang"] for lang in data["languages"]} == {"en", "ru", "hr", "sl", "he", "fa"}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(html_file.as_uri())
    _check_charts(page, data)
    assert page.locator("#review tbody tr").count() >= data["summary"]["stale"]
    page.screenshot(path="/tmp/kb-report.png", full_page=True)
    page.close()
