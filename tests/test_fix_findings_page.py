"""The writers' page of before/after examples (docs/writing/fix-findings.md) tells the truth:
each "before" is flagged by the rule of its section, and each "after" is not."""

from __future__ import annotations

import re

import pytest

from kb_tools.lint.engine import Linter
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "writing" / "fix-findings.md"
_SECTION = re.compile(r"^## (KB\d{3}) ", re.MULTILINE)
_ROW = re.compile(r'^\| (\w\w) \| "(.+)" \| "(.+)" \|$', re.MULTILINE)


def _pairs():
    text = PAGE.read_text(encoding="utf-8")
    heads = list(_SECTION.finditer(text))
    for head, nxt in zip(heads, heads[1:] + [None]):
        body = text[head.end():nxt.start() if nxt else len(text)]
        for row in _ROW.finditer(body):
            yield pytest.param(head.group(1), *row.groups(), id=f"{head.group(1)}-{row.group(1)}-{row.group(2)[:20]}")


PAIRS = list(_pairs())


def test_the_page_has_examples_for_every_wording_rule():
    assert {p.values[0] for p in PAIRS} == {f"KB10{n}" for n in range(1, 8)}


@pytest.mark.parametrize("code, lang, before, after", PAIRS)
def test_before_is_flagged_and_after_is_not(code, lang, before, after):
    linter = Linter()

    def codes(text):
        return {d.code for d in linter.lint_text(f"---\nlang: {lang}\n---\n\n{text}\n", "example.md")}

    assert code in codes(before)
    assert code not in codes(after)
