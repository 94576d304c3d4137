"""The labelled evaluation sets in tests/eval/<lang>.yml, and scoring a linter against them.

Each item is one sentence (or a short paragraph) and the wording codes (KB1xx) a careful
native editor would expect on it; ``flag: []`` marks good prose that must stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.select import Selector

EVAL_DIR = Path(__file__).parent / "eval"


@dataclass
class Score:
    lang: str
    items: int
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def kind_code(code: str) -> str:
    """The phrase rule's code for a learned rule's (KB113 blaming-learned → KB103 blaming): the
    labels name the problem, and either rule may find it."""
    return f"KB10{code[4]}" if code.startswith("KB11") and len(code) == 5 else code


def load(lang: str) -> list[dict]:
    data = yaml.safe_load((EVAL_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
    assert data["lang"] == lang
    return data["sentences"]


def languages() -> list[str]:
    return sorted(p.stem for p in EVAL_DIR.glob("*.yml"))


def score(lang: str) -> Score:
    linter = Linter(Settings(Selector(select=("KB1",)), default_lang=lang))
    result = Score(lang, 0, misses=[])
    for item in load(lang):
        expected = set(item.get("flag") or [])
        found = {kind_code(d.code) for d in linter.lint_text(item["text"] + "\n", f"eval.{lang}.md")
                 if d.severity >= Severity.WARNING}  # info never fails a build: not a flag
        result.items += 1
        result.tp += len(expected & found)
        result.fp += len(found - expected)
        result.fn += len(expected - found)
        if expected != found:
            result.misses.append((item["text"], sorted(expected), sorted(found)))
    return result
