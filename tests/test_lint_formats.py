"""Renderers on one shared sample of diagnostics (ruff's way): escaping, metadata, severity mapping."""

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from kb_tools.lint import packs
from kb_tools.lint.diagnostic import Diagnostic, Severity
from kb_tools.lint.formats import github, sarif, summary_markdown, text
from kb_tools.lint.formats import json as json_report

SAMPLE = [
    Diagnostic("docs/a, b.md", 3, 1, 3, 12, "KB101", "bureaucratic", Severity.WARNING, "'Pursuant to' is officialese: 100% sure\nreally."),
    Diagnostic("docs/c.md", 7, 10, 7, 36, "KB304", "unknown-contact-id", Severity.ERROR, "Unknown contact 'x'.", "{{ contact.y }}"),
    Diagnostic("docs/d.md", 1, 1, 1, 1, "KB003", "no-language-pack", Severity.INFO, "No wording rules for 'de'."),
]
RULES = packs.by_code()


def test_text():
    out = text.render(SAMPLE, RULES, 3)
    assert out.splitlines() == [
        "docs/a, b.md:3:1: KB101 [warning] 'Pursuant to' is officialese: 100% sure really.",
        "docs/c.md:7:10: KB304 [error] Unknown contact 'x'. (fix: '{{ contact.y }}')",
        "docs/d.md:1:1: KB003 [info] No wording rules for 'de'.",
        "3 files checked: 1 error, 1 warning, 1 info.",
    ]


def test_json_keeps_the_contract():
    data = json.loads(json_report.render(SAMPLE, RULES, 3))
    assert data["version"] == 1 and data["summary"] == {"files": 3, "error": 1, "warning": 1, "info": 1}
    assert "fix" not in data["diagnostics"][0] and data["diagnostics"][1]["fix"] == "{{ contact.y }}"
    assert set(data["diagnostics"][0]) == {"path", "line", "column", "end_line", "end_column", "code", "slug", "severity", "message"}


def test_github_workflow_commands_are_escaped():
    lines = github.render(SAMPLE, RULES, 3).splitlines()
    assert lines == [
        "::warning file=docs/a%2C b.md,line=3,col=1,endLine=3,endColumn=12,title=KB101 bureaucratic::"
        "KB101 'Pursuant to' is officialese: 100%25 sure%0Areally.",
        "::error file=docs/c.md,line=7,col=10,endLine=7,endColumn=36,title=KB304 unknown-contact-id::KB304 Unknown contact 'x'.",
        "::notice file=docs/d.md,line=1,col=1,endLine=1,endColumn=1,title=KB003 no-language-pack::KB003 No wording rules for 'de'.",
    ]


def test_sarif_2_1_0():
    log = json.loads(sarif.render(SAMPLE, RULES, 3))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["KB003", "KB101", "KB304"]
    assert rules[1]["name"] == "bureaucratic" and rules[1]["shortDescription"]["text"] == RULES["KB101"][0].summary
    assert [r["level"] for r in run["results"]] == ["warning", "error", "note"]
    first = run["results"][0]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "KB101"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 12}
    fix = run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "{{ contact.y }}"
    assert run["columnKind"] == "unicodeCodePoints"


def test_empty_outputs():
    assert github.render([], RULES, 0) == ""
    assert json.loads(sarif.render([], RULES, 0))["runs"][0]["results"] == []
    assert text.render([], RULES, 1) == "1 file checked: no findings.\n"


GOLDEN = Path(__file__).parent / "golden"
# Rule metadata of our own, so the golden files change with the renderers, not with the packs' prose.
GOLDEN_RULES = {code: [SimpleNamespace(slug=d.slug, severity=d.severity, lang=lang, summary=f"{d.slug} in one line",
                                       description=f"Why {d.slug} matters:\n\n- \"quoted\" <b>markup</b> & 100%")
                       for lang in ("en", "ru")] for code, d in {d.code: d for d in SAMPLE}.items()}


@pytest.mark.parametrize("name, renderer", [("sample.github.txt", github.render), ("sample.sarif.json", sarif.render),
                                            ("sample.summary.md", summary_markdown.render)])
def test_golden_output(name, renderer):
    """Whole outputs, byte for byte. After a deliberate change: KB_UPDATE_GOLDEN=1 pytest tests/test_lint_formats.py."""
    out = renderer(SAMPLE, GOLDEN_RULES, 3)
    if os.environ.get("KB_UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(out, encoding="utf-8")
    assert out == (GOLDEN / name).read_text(encoding="utf-8")


def test_summary_counts_rules_and_worst_files():
    many = SAMPLE + [SAMPLE[0]._replace(line=n) for n in range(4, 15)]
    out = summary_markdown.render(many, RULES, 3)
    assert "3 files checked: 1 error, 12 warnings, 1 info." in out
    assert "| KB101 `bureaucratic` | warning | 12 |" in out
    assert out.index("`docs/a, b.md` | 12 |") < out.index("`docs/c.md` | 1 |")
    assert "about ten annotations" in out
    assert summary_markdown.render([], RULES, 2) == "## kb lint\n\n2 files checked: no findings.\n"
