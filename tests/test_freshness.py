"""Review dates: how they are read, KB404 in `kb lint`, and `kb/freshness` in a real `mkdocs build`
("Last reviewed", the notice on a page past its review_by, clear errors for dates that are not dates).

"Today" is never the real date here: SOURCE_DATE_EPOCH is pinned (tests/conftest.py) or set per test,
and the pages' dates are far in the past (2001) or the future (2999)."""

from datetime import date, datetime

import pytest

from kb_tools import freshness
from kb_tools.cli import main as kb_main
from kb_tools.contacts.strings import _all as all_strings
from kb_tools.errors import InputError
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.select import Selector
from kb_tools.markdown_source import parse
from kb_tools.report.review import read_date as report_read_date
from tests.build_helpers import html_pages, mini_project, mkdocs_build
from tests.conftest import ROOT, TEST_TODAY, VALID_REGISTRY

LANGUAGES = ("en", "ru", "hr", "sl", "he", "fa")
EPOCH_2000 = "946684800"  # 2000-01-01 00:00 UTC
BODY = "We refund you within five days.\n"


def page(title="How do I get a refund?", body=BODY, **meta) -> str:
    return f"---\ntitle: {title}\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n\n" + body


# --- "today" and reading the dates -------------------------------------------------------------

def test_today_is_source_date_epoch_when_set_else_the_system_date():
    assert freshness.today({"SOURCE_DATE_EPOCH": "1798761600"}) == date(2027, 1, 1)
    assert freshness.today({"SOURCE_DATE_EPOCH": "1798761599"}) == date(2026, 12, 31)  # UTC, whatever the local zone
    assert freshness.today({}) == date.today()
    assert freshness.today({"SOURCE_DATE_EPOCH": ""}) == date.today()
    assert str(freshness.today()) == TEST_TODAY  # the suite's pin


@pytest.mark.parametrize("value", ["yesterday", "1.7e9", "-"])
def test_a_source_date_epoch_that_is_not_seconds_is_one_clear_error(value):
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH: '.*' is not a time: set it to whole seconds"):
        freshness.today({"SOURCE_DATE_EPOCH": value})


@pytest.mark.parametrize("value,expected", [
    (date(2027, 4, 1), date(2027, 4, 1)),
    (datetime(2027, 4, 1, 10, 30), date(2027, 4, 1)),
    ("2027-04-01", date(2027, 4, 1)),  # quoted in YAML
    (" 2027-04-01 ", date(2027, 4, 1)),
])
def test_dates_and_quoted_dates_are_read(value, expected):
    assert freshness.read_date({"review_by": value}, "review_by", 3) == (expected, None, 3)


@pytest.mark.parametrize("value", ["April 2027", "2027-4-1", "20270401", "2027-02-30", 2027, True])
def test_anything_else_is_a_problem_with_its_line_never_a_crash(value):
    found = freshness.read_date({"review_by": value}, "review_by", 7)
    assert found.value is None and found.line == 7
    assert found.problem == f"review_by '{value}' is not a date; write it as YYYY-MM-DD, such as 2027-04-01"


def test_a_list_is_not_a_date_either():
    found = freshness.read_date({"review_by": [date(2027, 4, 1)]}, "review_by", 7)
    assert found.problem == "review_by is a list, not a date; write one date as YYYY-MM-DD, such as 2027-04-01"


def test_the_report_reads_dates_the_same_way():
    assert report_read_date is freshness.read_date


def test_problems_stale_order_and_due_day():
    today = date(2027, 1, 1)

    def problems(**meta):
        return freshness.read_review(meta, {"reviewed": 4, "review_by": 5}).problems(today)

    assert problems(review_by=date(2026, 1, 1)) == [
        (5, "review_by date 2026-01-01 has passed: check the article and set a new reviewed/review_by")]
    assert problems(review_by=date(2027, 1, 1)) == []  # due today: not yet past it
    assert problems(reviewed=date(2026, 1, 1), review_by=date(2027, 6, 1)) == []
    assert problems(reviewed=date(2027, 3, 1), review_by=date(2026, 1, 1)) == [
        (5, "reviewed 2027-03-01 is later than review_by 2026-01-01: review_by is the day the next review is due, "
            "after the last one")]
    assert [line for line, _ in problems(reviewed="soon", review_by="later")] == [4, 5]
    assert problems() == []


# --- words and dates in six languages ----------------------------------------------------------

NEW_WORDS = ("last_reviewed", "review_due_title", "review_due", "review_due_help", "review_due_link", "date_format",
             "months", "feedback_question", "feedback_yes", "feedback_no", "feedback_thanks", "feedback_sorry",
             "feedback_related")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_own_words(lang):
    table = all_strings()[lang]
    missing = [key for key in NEW_WORDS if key not in table]
    assert missing == [], f"{lang}: not translated: {missing}"
    assert "{date}" in table["last_reviewed"] and "{date}" in table["review_due"] and "{link}" in table["review_due_help"]
    assert len(table["months"]) == 12 and all(isinstance(w, str) for w in (table["feedback_yes"], table["feedback_no"]))
    if lang != "en":
        same = [key for key in NEW_WORDS if key != "date_format" and table[key] == all_strings()["en"][key]]
        assert same == [], f"{lang}: still in English: {same}"


@pytest.mark.parametrize("lang,shown", [
    ("en", "1 May 2027"), ("ru", "1 мая 2027 г."), ("hr", "1. svibnja 2027."), ("sl", "1. maja 2027"),
    ("he", "1 במאי 2027"), ("fa", "۱ مه ۲۰۲۷"), ("de", "1 May 2027"),  # no words for German: English
])
def test_dates_are_shown_as_each_language_writes_them(lang, shown):
    assert freshness.format_day(date(2027, 5, 1), lang) == shown


# --- KB404 in kb lint --------------------------------------------------------------------------

def lint(text, today=None, path="docs/billing/refund.md"):
    settings = Settings(Selector(select=("KB404",)), default_lang="en", today=today)
    return Linter(settings).lint_text(text, path)


def test_kb404_at_the_line_of_review_by():
    [d] = lint(page(reviewed="2000-06-01", review_by="2001-01-01"))
    assert (d.code, d.slug, str(d.severity), d.line, d.column) == ("KB404", "stale-article", "warning", 4, 1)
    assert d.message == "review_by date 2001-01-01 has passed: check the article and set a new reviewed/review_by"
    assert d.end_line == 4 and d.end_column == len("review_by: 2001-01-01") + 1


def test_kb404_is_silent_before_and_on_the_due_day():
    assert lint(page(reviewed="2000-06-01", review_by="2999-12-31")) == []
    assert lint(page(review_by="2027-01-01")) == []  # the pinned today
    assert [d.code for d in lint(page(review_by="2026-12-31"))] == ["KB404"]
    assert lint(page(title_only="yes")) == []


def test_kb404_compares_with_source_date_epoch_or_the_settings_day(monkeypatch):
    text = page(review_by="2001-01-01")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2000)
    assert lint(text) == []
    assert [d.code for d in lint(text, today=date(2001, 1, 2))] == ["KB404"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert [d.code for d in lint(text)] == ["KB404"]  # the system date, which is after 2001


@pytest.mark.parametrize("meta,line,message", [
    ({"review_by": "April 2999"}, 3, "review_by 'April 2999' is not a date; write it as YYYY-MM-DD, such as 2027-04-01"),
    ({"review_by": '"2999-02-30"'}, 3, "review_by '2999-02-30' is not a date"),
    ({"reviewed": "last week", "review_by": "2999-01-01"}, 3, "reviewed 'last week' is not a date"),
    ({"reviewed": "2999-06-01", "review_by": "2999-01-01"}, 4, "reviewed 2999-06-01 is later than review_by 2999-01-01"),
])
def test_dates_that_cannot_be_trusted_are_findings_not_tracebacks(meta, line, message):
    [d] = lint(page(**meta))
    assert d.code == "KB404" and d.line == line and d.message.startswith(message)


def test_kb_lint_with_a_bad_source_date_epoch_exits_2(capsys, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write("docs/refund.md", page(review_by="2999-01-01"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    assert kb_main(["lint", "docs", "--jobs", "2"]) == 2
    assert "kb: error: SOURCE_DATE_EPOCH: 'tomorrow' is not a time" in capsys.readouterr().err


def test_an_input_error_survives_a_worker_process():
    # A bad SOURCE_DATE_EPOCH met first in a worker (kb lint --jobs, the build's background pass)
    # must reach the parent as the same one clear error.
    import pickle

    error = pickle.loads(pickle.dumps(InputError("SOURCE_DATE_EPOCH", None, "'x' is not a time")))
    assert isinstance(error, InputError) and str(error) == "SOURCE_DATE_EPOCH: 'x' is not a time"


def test_kb_lint_reports_stale_pages_in_parallel_too(capsys, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for i in range(6):
        write(f"docs/p{i}.md", page(review_by="2001-01-01" if i % 2 else "2999-01-01"))
    assert kb_main(["lint", "docs", "--jobs", "2", "--select", "KB404"]) == 1
    out = capsys.readouterr().out
    assert out.count("KB404") == 3 and "docs/p1.md:3:1: KB404 [warning] review_by date 2001-01-01 has passed" in out


def test_the_demo_stays_fresh_on_the_pinned_day():
    # The pin in tests/conftest.py must stay before every review_by of the demo, or the tests that
    # lint and build the demo fail. Move it (and the demo's dates) together.
    pinned = date.fromisoformat(TEST_TODAY)
    due = []
    for path in (ROOT / "docs").rglob("*.md"):
        review_by = freshness.read_date(parse(path.read_text(encoding="utf-8"), str(path)).meta, "review_by")
        if review_by != (None, None, None):
            due.append(review_by.value)
    assert len(due) > 50 and min(due) > pinned


# --- kb/freshness in a real build ----------------------------------------------------------------

STALE = page(reviewed="2000-06-01", review_by="2001-01-01")
FRESH = page("Can I pay by invoice?", "Yes, for orders over 50 EUR. Choose bank transfer at checkout.\n",
             reviewed="2000-06-01", review_by="2999-12-31")


def build(tmp_path, pages, plugin="  - kb/freshness\n", language=None, lint="  - kb/lint: {ignore: [KB4]}\n",
          categories=True):
    """A real `mkdocs build --strict` of a small help centre with kb/freshness (SOURCE_DATE_EPOCH
    as the test sets it: the build inherits the environment)."""
    pages = {"index.md": "---\ntitle: Help\n---\n\nPick a topic.\n",
             "billing/index.md": "---\ntitle: Billing\n---\n\nPaying and refunds.\n", **pages}
    config = mini_project(tmp_path / "project", pages, VALID_REGISTRY, ROOT / "overrides")
    text = config.read_text(encoding="utf-8").replace("  - kb/lint\n", lint + plugin)
    if language:
        text = text.replace("font: false}", f"font: false, language: {language}}}")
    if not categories:
        text = text.replace("  - kb/categories\n", "")
    config.write_text(text, encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site"), tmp_path / "site"


def test_a_page_past_review_by_says_so_at_its_top_and_a_fresh_one_does_not(tmp_path):
    result, site = build(tmp_path, {"billing/stale.md": STALE, "billing/fresh.md": FRESH})
    assert result.returncode == 0, result.stderr
    pages = html_pages(site)
    stale, fresh = pages["billing/stale/"], pages["billing/fresh/"]
    notice = stale.select_one("article .kb-review-due")
    assert notice is not None and fresh.select_one(".kb-review-due") is None
    assert notice.find_next("h1") is not None  # above the article's title
    text = " ".join(notice.get_text().split())
    assert text == ("This article may be out of date It has been due for review since 1 January 2001, so some details "
                    "may have changed. If something here does not match what you see, tell us.")
    assert notice.select_one("time")["datetime"] == "2001-01-01"
    assert notice.select_one("a")["href"] == "../../contact/"
    for soup in (stale, fresh):
        reviewed = soup.select_one("article p.kb-reviewed")
        assert " ".join(reviewed.get_text().split()) == "Last reviewed 1 June 2000"
        assert reviewed.select_one("time")["datetime"] == "2000-06-01"
    assert pages[""].select_one(".kb-reviewed, .kb-review-due") is None  # no dates: nothing


def test_source_date_epoch_decides_what_is_past(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2000)
    result, site = build(tmp_path, {"billing/stale.md": STALE})
    assert result.returncode == 0, result.stderr
    assert html_pages(site)["billing/stale/"].select_one(".kb-review-due") is None


def test_the_notice_speaks_the_sites_language_right_to_left(tmp_path):
    result, site = build(tmp_path, {"billing/stale.md": STALE}, language="he", lint="")
    assert result.returncode == 0, result.stderr
    soup = html_pages(site)["billing/stale/"]
    assert soup.select_one("body")["dir"] == "rtl"
    notice = soup.select_one(".kb-review-due")
    assert notice.select_one(".admonition-title").get_text() == "ייתכן שהמידע כאן לא מעודכן"
    assert notice.select_one("time").get_text() == "1 בינואר 2001" and notice.select_one("a").get_text() == "ספרו לנו"
    assert soup.select_one(".kb-reviewed").get_text() == "נבדק לאחרונה: 1 ביוני 2000"


def test_options_switch_each_part_off(tmp_path):
    result, site = build(tmp_path, {"billing/stale.md": STALE},
                         plugin="  - kb/freshness: {last_reviewed: false, review_notice: false}\n")
    assert result.returncode == 0, result.stderr
    assert html_pages(site)["billing/stale/"].select_one(".kb-reviewed, .kb-review-due") is None


def test_without_the_plugin_pages_show_no_dates(tmp_path):
    result, site = build(tmp_path, {"billing/stale.md": STALE}, plugin="")
    assert result.returncode == 0, result.stderr
    assert html_pages(site)["billing/stale/"].select_one(".kb-reviewed, .kb-review-due") is None


def test_a_stale_page_fails_a_strict_build_with_kb_lint_as_kb_lint_does(tmp_path):
    result, _ = build(tmp_path, {"billing/stale.md": STALE}, lint="  - kb/lint: {select: [KB404]}\n")
    assert result.returncode != 0
    assert "docs/billing/stale.md:4:1: KB404 review_by date 2001-01-01 has passed" in result.stderr


@pytest.mark.parametrize("meta,message", [
    ({"review_by": "April 2027"}, "kb/freshness: docs/billing/a.md:3: review_by 'April 2027' is not a date; write it as YYYY-MM-DD"),
    ({"reviewed": "[2027-01-01]"}, "kb/freshness: docs/billing/a.md:3: reviewed is a list, not a date"),
    # YAML reads it, Python refuses it, and MkDocs would drop the whole front matter without a word
    ({"review_by": "2027-02-30"}, "billing/a.md:3: invalid value for 'review_by': day is out of range for month"),
])
@pytest.mark.parametrize("categories", [True, False], ids=["with kb-categories", "alone"])
def test_a_date_that_is_not_a_date_stops_the_build_naming_file_and_line(tmp_path, meta, message, categories):
    result, _ = build(tmp_path, {"billing/a.md": page(**meta)}, categories=categories)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    # one error (MkDocs may frame it with "Error reading page 'billing/a.md':")
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert [line for line in errors if "billing/a.md:" in line] == [errors[-1]] and message in errors[-1], result.stderr


def test_a_bad_source_date_epoch_is_a_plugin_error_not_a_traceback(monkeypatch):
    # (Not a whole build: numpy, which a dependency imports, trips on it first with a traceback.)
    from mkdocs.exceptions import PluginError

    from kb_tools.plugins.freshness.plugin import FreshnessPlugin

    plugin = FreshnessPlugin()
    plugin.load_config({})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(PluginError, match="kb/freshness: SOURCE_DATE_EPOCH: 'soon' is not a time"):
        plugin.on_config(None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2000)
    plugin.on_config(None)
    assert plugin.today == date(2000, 1, 1)


def test_the_demo_shows_when_each_article_was_reviewed(demo_site):
    pages = html_pages(demo_site)
    for prefix, label in (("", "Last reviewed 1 November 2026"), ("fa/", "آخرین بازبینی: ۱ نوامبر ۲۰۲۶")):
        soup = pages[prefix + "billing/pause-subscription/"]
        assert " ".join(soup.select_one(".kb-reviewed").get_text().split()) == label
        assert soup.select_one(".kb-review-due") is None  # due 2027-05-01; the suite's today is 2027-01-01
    assert pages["billing/"].select_one(".kb-reviewed") is None
