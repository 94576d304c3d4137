"""Site-wide checks (KB401 unfindable article, KB402 no questions, KB403 duplicate articles)
and `kb search`, on copies of the demo help centre and on small sites."""

from __future__ import annotations

import json
import shutil

import pytest

from kb_tools.cli import main
from kb_tools.lint.site import front_matter_line
from tests.build_helpers import mkdocs_build
from tests.conftest import ROOT

CHARGED = "docs/billing/why-was-i-charged.md"
QUESTIONS = "  - a Zrnko charge I don't recognize\n  - charged twice\n  - payment taken on a Tuesday\n"


@pytest.fixture()
def demo_copy(tmp_path, monkeypatch):
    """A copy of the demo project (mkdocs.yml, overrides, docs) to change, as the working directory."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_json(capsys, *args):
    code = main(["lint", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_the_demo_passes_the_findability_checks(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, found = lint_json(capsys, "--select", "KB4")
    assert (code, found) == (0, [])


def test_a_question_the_article_does_not_answer_fails(capsys, demo_copy):
    """Customers asking "return coffee" get the returns articles; the billing one comes 5th."""
    page = demo_copy / CHARGED
    text = page.read_text(encoding="utf-8")
    assert QUESTIONS in text
    page.write_text(text.replace(QUESTIONS, "  - return coffee\n"), encoding="utf-8")
    code, found = lint_json(capsys, "--select", "KB4")
    assert code == 1
    [finding] = found
    assert (finding["path"], finding["line"], finding["code"]) == (CHARGED, 5, "KB401")
    assert finding["message"].startswith("Customers asking 'return coffee' won't find this article: it comes ")
    assert "'How do I return a Zrnko Duo or Zrnko Mlin?'" in finding["message"]


def test_an_article_without_questions_is_an_info_finding(capsys, demo_copy):
    page = demo_copy / CHARGED
    page.write_text(page.read_text(encoding="utf-8").replace("questions:\n" + QUESTIONS, ""), encoding="utf-8")
    code, found = lint_json(capsys, "--select", "KB4")
    assert code == 0  # info does not fail
    assert [(f["code"], f["severity"], f["line"]) for f in found] == [("KB402", "info", 2)]


def test_a_copied_article_is_a_duplicate_naming_both(capsys, demo_copy):
    original = (demo_copy / "docs/returns/refund-timing.md").read_text(encoding="utf-8")
    (demo_copy / "docs/billing/refund-when.md").write_text(
        original.replace("title: When will I get my refund?", "title: When do I get my money back?"), encoding="utf-8")
    code, found = lint_json(capsys, "--select", "KB403")
    assert code == 1
    [finding] = found
    assert finding["path"] == "docs/returns/refund-timing.md"
    assert "docs/billing/refund-when.md" in finding["message"] and "alike" in finding["message"]


def test_site_findings_can_be_suppressed_in_the_page(capsys, demo_copy):
    page = demo_copy / CHARGED
    text = page.read_text(encoding="utf-8").replace(QUESTIONS, "  - return coffee\n")
    page.write_text(text.replace("tags:", "kb_lint: {ignore: [KB401]}\ntags:"), encoding="utf-8")
    assert lint_json(capsys, "--select", "KB4") == (0, [])


def test_the_build_reports_an_unfindable_article(demo_copy, tmp_path):
    page = demo_copy / CHARGED
    page.write_text(page.read_text(encoding="utf-8").replace(QUESTIONS, "  - return coffee\n"), encoding="utf-8")
    result = mkdocs_build(demo_copy / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 1
    assert f"{CHARGED}:5:1: KB401 Customers asking 'return coffee'" in result.stderr


def test_the_build_keeps_a_page_suppression_of_a_site_finding(demo_copy, tmp_path):
    """The background pass reuses each page's suppressions from its lint, without parsing it again."""
    page = demo_copy / CHARGED
    text = page.read_text(encoding="utf-8").replace(QUESTIONS, "  - return coffee\n")
    page.write_text(text.replace("tags:", "kb_lint: {ignore: [KB401]}\ntags:"), encoding="utf-8")
    result = mkdocs_build(demo_copy / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "KB401" not in result.stderr


def test_site_findings_reuse_the_suppressions_of_the_pages_lint(monkeypatch, demo_copy):
    from kb_tools.lint import engine
    from kb_tools.lint.engine import Linter
    from kb_tools.lint.site import Site
    from kb_tools.project_config import load_project
    from kb_tools.search.project import SearchSetup

    page = demo_copy / CHARGED
    text = page.read_text(encoding="utf-8").replace(QUESTIONS, "  - return coffee\n")
    page.write_text(text.replace("tags:", "kb_lint: {ignore: [KB401]}\ntags:"), encoding="utf-8")
    linter = Linter()
    linter.lint_file(CHARGED)
    monkeypatch.setattr(engine, "parse", lambda *a: pytest.fail("parsed again"))
    assert [d for d in linter.lint_site(Site(SearchSetup.from_project(load_project()).build()), {CHARGED}) if d.code == "KB401"] == []


def test_front_matter_line_finds_quoted_and_listed_questions(tmp_path):
    page = tmp_path / "a.md"
    page.write_text('---\ntitle: "Refund?"\nquestions: [one thing]\nalso:\n  - x\nmore:\n  - "money back"\n---\nBody\n',
                    encoding="utf-8")
    assert front_matter_line(str(page), "title") == 2
    assert front_matter_line(str(page), "questions", "one thing") == 3
    assert front_matter_line(str(page), "more", "money back") == 7
    assert front_matter_line(str(page), "missing") == 1


def test_kb_search_shows_the_ranking_and_why(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["search", "refnd", "--limit", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("  1. When will I get my refund?  (docs/returns/refund-timing.md, /returns/refund-timing/)")
    assert "title: refund (typo)" in out[1]
    assert out[-1].endswith("the first 2 shown.")


def test_kb_search_json_and_languages(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["search", "доставку", "--lang", "ru", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["index"] == "ru" and data["total"] >= len(data["results"]) > 0
    assert all(r["url"].startswith("ru/") for r in data["results"])
    assert main(["search", "officialese", "--index", "writing/en", "--format", "json"]) == 0
    assert all(r["url"].startswith("writing/") for r in json.loads(capsys.readouterr().out)["results"])


def test_kb_search_nothing_found_and_bad_input(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["search", "qqqqqqqqqqqqqqqqqq "]) == 1
    assert "nothing in 'en' matches" in capsys.readouterr().out
    assert main(["search", "refund", "--lang", "zz"]) == 2
    assert "no search index 'zz'" in capsys.readouterr().err


def test_kb_search_reports_a_broken_synonyms_file(capsys, demo_copy):
    (demo_copy / "docs/synonyms.yml").write_text("en:\n  - [refund\n", encoding="utf-8")
    assert main(["search", "refund"]) == 2
    err = capsys.readouterr().err
    assert "synonyms.yml:3" in err or "synonyms.yml:2" in err
