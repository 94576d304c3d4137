"""`kb lint --changed-since BASE` on a real temporary git repository: only lines the branch adds."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from kb_tools.cli import main
from tests.conftest import ROOT

OLD = "---\ntitle: Old?\n---\n\nPrior to descaling, fill the tank.\n"


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.com", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "contacts.yml", tmp_path / "docs" / "contacts.yml")
    (tmp_path / "docs" / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "docs" / "untouched.md").write_text(OLD.replace("Old?", "Untouched?"), encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "checkout", "-qb", "feature")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, *args):
    code = main(["lint", "--format", "json", *args])
    return code, [(d["path"], d["line"], d["code"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_only_added_lines_are_reported(repo, capsys):
    (repo / "docs" / "old.md").write_text(OLD + "\nWe will revert back to you.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "edit")
    (repo / "docs" / "new.md").write_text("---\ntitle: New?\n---\n\nIn the event that it leaks, call us.\n", encoding="utf-8")
    git(repo, "add", "docs/new.md")
    git(repo, "commit", "-qm", "new page")
    code, found = findings(capsys, "--changed-since", "main")
    assert found == [("docs/new.md", 5, "KB101"), ("docs/old.md", 7, "KB101")]
    assert code == 1
    _, everything = findings(capsys)
    assert ("docs/untouched.md", 5, "KB101") in everything and ("docs/old.md", 5, "KB101") in everything


def test_uncommitted_and_untracked_files_count(repo, capsys):
    (repo / "docs" / "draft.md").write_text("---\ntitle: Draft?\n---\n\nPrior to use, rinse it.\n", encoding="utf-8")
    _, found = findings(capsys, "--changed-since", "main")
    assert found == [("docs/draft.md", 5, "KB101")]


def test_base_commits_after_the_fork_are_not_blamed_on_the_branch(repo, capsys):
    git(repo, "checkout", "-q", "main")
    (repo / "docs" / "untouched.md").write_text(OLD + "\nPrior to that, nothing.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "feature")
    code, found = findings(capsys, "--changed-since", "main")
    assert (code, found) == (0, [])


def test_a_fixed_line_is_not_reported(repo, capsys):
    (repo / "docs" / "old.md").write_text(OLD.replace("Prior to descaling, fill", "Before you clean it, fill"), encoding="utf-8")
    code, found = findings(capsys, "--changed-since", "main")
    assert (code, found) == (0, [])


def test_unknown_base_is_an_input_error(repo, capsys):
    assert main(["lint", "--changed-since", "no-such-branch"]) == 2
    err = capsys.readouterr().err
    assert "--changed-since: git merge-base:" in err and "Traceback" not in err


def test_outside_a_repository_is_an_input_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    assert main(["lint", "--changed-since", "main"]) == 2
    assert "--changed-since: git rev-parse:" in capsys.readouterr().err


def test_sarif_and_summary_files_are_written_alongside(repo, capsys, tmp_path):
    sarif, summary = tmp_path / "out.sarif", tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    assert main(["lint", "--format", "github", "--sarif-file", str(sarif), "--summary-file", str(summary)]) == 1
    assert capsys.readouterr().out.startswith("::warning file=docs/old.md,line=5")
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 2
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## kb lint\n") and "| KB101 `bureaucratic` | warning | 2 |" in text
