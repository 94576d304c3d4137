"""`kb lint --fix` and `--fix --diff`: safe replacements only, never in code or front matter, idempotent."""

from __future__ import annotations

import shutil

import pytest

from kb_tools.cli import main
from tests.conftest import ROOT

PAGE = """\
---
title: How do I descale?
description: Prior to descaling, fill the tank.
---

Prior to descaling, fill the tank. Write to [support@zrnko.example](mailto:support@zrnko.example)
or <support@zrnko.example> or support@zrnko.example.
Or [write to support@zrnko.example today](https://zrnko.example/contact).

```text
prior to descaling
```

Keep `prior to` in code. We will revert back to you at this point in time.
"""

FIXED = """\
---
title: How do I descale?
description: Prior to descaling, fill the tank.
---

Before descaling, fill the tank. Write to {{ contact.support-email }}
or {{ contact.support-email }} or {{ contact.support-email }}.
Or [write to support@zrnko.example today](https://zrnko.example/contact).

```text
prior to descaling
```

Keep `prior to` in code. We will reply to you now.
"""


@pytest.fixture()
def project(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "contacts.yml", tmp_path / "docs" / "contacts.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def page(project, text=PAGE, name="page.md", newline="\n"):
    path = project / "docs" / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_fix_applies_safe_replacements_only_in_prose(project, capsys):
    path = page(project)
    assert main(["lint", "--fix"]) == 1  # the link-text address is left, and still reported
    assert path.read_text(encoding="utf-8") == FIXED
    out, err = capsys.readouterr()
    assert "kb: fixed 6 findings in 1 file; 1 left to fix by hand" in err
    assert "docs/page.md:8:" in out and "KB302" in out


def test_fix_is_idempotent(project, capsys):
    path = page(project)
    main(["lint", "--fix"])
    once = path.read_bytes()
    main(["lint", "--fix"])
    assert path.read_bytes() == once
    assert "kb: fixed 0 findings in 0 files" in capsys.readouterr().err


def test_diff_previews_and_writes_nothing(project, capsys):
    path = page(project)
    assert main(["lint", "--fix", "--diff"]) == 1
    assert path.read_text(encoding="utf-8") == PAGE
    out = capsys.readouterr().out
    assert out.startswith("--- a/docs/page.md\n+++ b/docs/page.md\n")
    assert "-Prior to descaling, fill the tank." in out and "+Before descaling, fill the tank." in out
    assert "prior to descaling\n" not in [line[1:] for line in out.splitlines(keepends=True) if line[:1] in "+-"]


def test_diff_with_nothing_to_fix_exits_zero(project, capsys):
    page(project, "---\ntitle: Fine?\n---\n\nFill the tank before you descale.\n")
    assert main(["lint", "--fix", "--diff"]) == 0
    assert capsys.readouterr().out == ""


def test_diff_alone_is_an_input_error(project, capsys):
    page(project)
    assert main(["lint", "--diff"]) == 2
    assert "use --fix --diff" in capsys.readouterr().err


def test_fix_keeps_crlf_line_endings_and_other_languages(project):
    path = page(project, "---\ntitle: Доставка?\nlang: ru\n---\n\nВ настоящее время заказ в пути.\n", newline="\r\n")
    main(["lint", "--fix"])
    assert path.read_bytes() == "---\r\ntitle: Доставка?\r\nlang: ru\r\n---\r\n\r\nСейчас заказ в пути.\r\n".encode("utf-8")


def test_fix_never_touches_front_matter_or_code_even_if_asked(project):
    """A diagnostic pointing into front matter or code (a buggy check) is not applied."""
    from kb_tools.lint import fixes
    from kb_tools.lint.diagnostic import Diagnostic, Severity

    def at(line, column, end_column):
        return Diagnostic("p.md", line, column, line, end_column, "KB101", "bureaucratic", Severity.WARNING, "m", "before")

    # line 3: front matter "Prior to"; line 11: fenced code "prior to"; line 14: inline code `prior to`
    wrong = [at(3, 14, 22), at(11, 1, 9), at(14, 7, 15)]
    assert fixes.plan(PAGE, "p.md", wrong) == []


def _pack_fixes():
    import yaml

    from kb_tools.lint import packs
    for rule in packs.all_rules():
        if getattr(rule.check, "fixes", None):
            for phrase, replacement in yaml.safe_load(open(rule.source, encoding="utf-8"))["fixes"].items():
                yield pytest.param(rule, phrase, replacement, id=f"{rule.lang}-{rule.code}-{phrase}")


@pytest.mark.parametrize("rule, phrase, replacement", list(_pack_fixes()))
def test_every_pack_fix_clears_its_finding(rule, phrase, replacement):
    """Each phrase a pack can fix is found, carries its replacement, and the fixed text passes the rule."""
    from kb_tools.lint import fixes
    from kb_tools.lint.engine import Linter

    text = f"---\nlang: {rule.lang}\n---\n\n{phrase} 1.\n"
    linter = Linter()
    found = [d for d in linter.lint_text(text, "p.md") if d.code == rule.code]
    assert [d.fix for d in found] == [replacement]
    fixed = fixes.apply(text, fixes.plan(text, "p.md", found))
    assert replacement in fixed
    assert not [d for d in linter.lint_text(fixed, "p.md") if d.code == rule.code], fixed
