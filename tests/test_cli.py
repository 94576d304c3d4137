"""`kb` as a user runs it: exit codes, the JSON contract, configuration, and clear errors for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb_tools.cli import main
from tests.conftest import VALID_REGISTRY

BAD = "# Refunds\n\nPursuant to your request, we refund you.\n"
GOOD = "# Refunds\n\nWe refund you within 5 working days.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_files_exit_0(capsys, write, registry_file):
    page = write("docs/a.md", GOOD)
    code, out, _ = run(capsys, "lint", str(page), "--contacts", str(registry_file))
    assert code == 0 and out.endswith("1 file checked: no findings.\n")


def test_findings_exit_1_with_line_and_column(capsys, write, registry_file):
    page = write("docs/a.md", BAD)
    code, out, _ = run(capsys, "lint", str(page), "--contacts", str(registry_file))
    assert code == 1
    assert out.splitlines()[0] == f"{page}:3:1: KB101 [warning] 'Pursuant to' is officialese. Say what happens, in everyday words."


def test_json_contract(capsys, write, registry_file, monkeypatch):
    monkeypatch.chdir(registry_file.parent)
    write("docs/a.md", BAD)
    write("docs/b.md", "Write to {{ contact.suport-email }}.\n")
    code, out, _ = run(capsys, "lint", "docs", "--format", "json", "--contacts", "contacts.yml")
    report = json.loads(out)
    assert code == 1
    assert report["version"] == 1
    assert report["summary"] == {"files": 2, "error": 1, "warning": 1, "info": 0}
    first, second = report["diagnostics"]
    assert first == {"path": "docs/a.md", "line": 3, "column": 1, "end_line": 3, "end_column": 12, "code": "KB101",
                     "slug": "bureaucratic", "severity": "warning",
                     "message": "'Pursuant to' is officialese. Say what happens, in everyday words."}
    assert second["path"] == "docs/b.md" and second["code"] == "KB304" and second["fix"] == "{{ contact.support-email }}"


@pytest.mark.parametrize("fail_on,expected", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(capsys, write, registry_file, fail_on, expected):
    page = write("a.md", BAD)
    assert run(capsys, "lint", str(page), "--contacts", str(registry_file), "--fail-on", fail_on)[0] == expected


def test_info_never_fails_by_default(capsys, write):
    page = write("a.md", "---\nlang: de\n---\nHallo.\n")
    code, out, _ = run(capsys, "lint", str(page))
    assert code == 0 and "KB003 [info]" in out


def test_select_and_ignore(capsys, write):
    page = write("a.md", BAD)
    assert run(capsys, "lint", str(page), "--ignore", "KB1")[0] == 0
    assert run(capsys, "lint", str(page), "--select", "KB3")[0] == 0
    assert run(capsys, "lint", str(page), "--select", "KB1,KB3")[0] == 1


def test_works_without_mkdocs_yml(capsys, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write("docs/a.md", BAD)
    code, out, err = run(capsys, "lint")
    assert code == 1 and out.startswith("docs/a.md:3:1: KB101")
    assert "no contact registry at docs/contacts.yml; contact checks skipped" in err


def test_reads_settings_from_mkdocs_yml(capsys, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write("mkdocs.yml", """\
        site_name: x
        docs_dir: pages
        theme: {name: material, language: de}
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        plugins:
          - kb/contacts: {file: channels.yml}
          - kb/lint:
              ignore: [KB003]
              per_file_ignores: {"legal/*.md": [KB101, KB402]}
        """)
    write("pages/channels.yml", VALID_REGISTRY, dedent=False)
    write("pages/a.md", "Hallo {{ contact.nope }}.\n")
    write("pages/legal/terms.md", "---\nlang: en\n---\nPursuant to this.\n")
    code, out, err = run(capsys, "lint", "--format", "json")
    report = json.loads(out)
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("pages/a.md", "KB304")]
    assert code == 1


@pytest.mark.parametrize("args,message", [
    (["--select", "XY1"], "'XY1' is not a rule code or prefix"),
    (["--lang", "english"], "'english' is not a language code"),
    (["--contacts", "missing.yml"], "missing.yml: cannot read file"),
    (["nowhere.md"], "nowhere.md: no such file or directory"),
])
def test_usage_errors_exit_2_with_one_message(capsys, write, monkeypatch, tmp_path, args, message):
    monkeypatch.chdir(tmp_path)
    write("docs/a.md", GOOD)
    code, out, err = run(capsys, "lint", *args)
    assert code == 2 and out == ""
    assert err.startswith("kb: error: ") and message in err and err.count("\n") == 1


def test_bad_registry_exits_2_naming_file_and_line(capsys, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("docs/contacts.yml", VALID_REGISTRY.replace("support@example.com", "support at example"), dedent=False)
    write("docs/a.md", GOOD)
    code, out, err = run(capsys, "lint")
    assert code == 2 and out == ""
    assert err == "kb: error: docs/contacts.yml:7: channel 'support-email': 'support at example' is not an e-mail address (expected name@example.com)\n"


def test_unreadable_page_is_reported_and_others_still_checked(capsys, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("docs/a.md", "Plačilo\n".encode("cp1250"))
    write("docs/b.md", BAD)
    code, out, _ = run(capsys, "lint", "--format", "json")
    report = json.loads(out)
    assert code == 2
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("docs/a.md", "KB001"), ("docs/b.md", "KB101")]


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "KB101  bureaucratic" in out and "KB304  unknown-contact-id" in out
    rows = json.loads(run(capsys, "rules", "--format", "json")[1])
    assert {"code": "KB001", "slug": "unreadable-file"}.items() <= rows[0].items()
    code, out, _ = run(capsys, "explain", "kb101")
    assert code == 0 and out.startswith("KB101 bureaucratic (warning)") and "Flagged:" in out and "Fine:" in out
    assert run(capsys, "explain", "bureaucratic")[0] == 0
    code, _, err = run(capsys, "explain", "KB999")
    assert code == 2 and "no rule 'KB999'" in err


def test_console_script_and_module_entry_point(tmp_path):
    page = tmp_path / "a.md"
    page.write_text(BAD, encoding="utf-8")
    for command in ([sys.executable, "-m", "kb_tools"], [str(Path(sys.executable).with_name("kb"))]):
        result = subprocess.run(command + ["lint", "a.md"], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 1 and result.stdout.startswith("a.md:3:1: KB101")
        assert result.stderr.startswith("kb: no contact registry")


def test_missing_config_file_is_an_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "lint", "--config-file", "site.yml")
    assert code == 2 and err == "kb: error: site.yml: no such configuration file\n"


def test_config_lists_are_read_as_strictly_as_mkdocs_does(capsys, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("mkdocs.yml", "site_name: x\nplugins:\n  - kb/lint:\n      select: KB1\n")
    write("docs/a.md", GOOD)
    code, _, err = run(capsys, "lint")
    assert code == 2 and "select must be a list" in err


def test_parallel_lint_gives_the_same_report_as_serial(capsys, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(12):
        write(f"docs/p{i:02}.md", BAD if i % 3 == 0 else GOOD + "\n" + "Word " * (i * 40) + ".\n")
    serial = run(capsys, "lint", "--format", "json", "--jobs", "1")
    parallel = run(capsys, "lint", "--format", "json", "--jobs", "2")
    assert serial == parallel and serial[0] == 1
    assert run(capsys, "lint", "--jobs", "0")[0] == 2
