"""Labelled batches of support sentences written blind, and scoring the linter on them.

A batch is a folder ``bench/wording_data/<batch>/<lang>/*.yml``; each file holds items
``{text, label, style}`` written from bench/wording_data/BRIEF.md alone (see the protocol in
bench/lint_quality.py). Labels name the kind of problem, not a rule code, so a writer never
needs to know the rules.

Scoring is what a writer sees at the default failing level: every finding of severity
``warning`` or above from the wording (KB1xx) and readability (KB2xx) rules. Two views:

- **detection** (the figure quoted): a faulty item is caught when it draws any warning,
  an acceptable one is a false alarm when it draws any. Precision, recall and F1 over
  items; stock and paraphrase recall; the share of look-alikes warned. This is what the
  writer meets: the sentence is flagged or it is not.
- **kind**: stricter, per kind of problem: an officialese item needs an officialese
  finding (from a phrase rule or the model); a warning of another kind on it counts as
  a false alarm and a miss. ``kind_accuracy`` is the share of caught faulty items whose
  findings name the right kind.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import blind_log  # noqa: E402
from kb_tools.lint.diagnostic import Severity  # noqa: E402
from kb_tools.lint.engine import Linter, Settings  # noqa: E402
from kb_tools.lint.select import Selector  # noqa: E402

DATA = ROOT / "bench/wording_data"
LOG = ROOT / "bench/results/blind-log.jsonl"
"""The blind log: one line per batch, its first score (bench/lint_quality.py blind --log)."""
LABELS = ("bureaucratic", "legal-reference", "blaming", "condescending", "passing-the-buck", "robotic", "flat-refusal")
KIND_OF_SLUG = {**{label: label for label in LABELS}, **{f"{label}-learned": label for label in LABELS}}
"""Rule slugs (phrase rules and the model's findings alike) → the batch label they report."""


@dataclass
class Item:
    lang: str
    text: str
    label: str
    style: str
    source: str


def load(batch: str | Path, langs=None) -> list[Item]:
    """Every item of a batch (a name under bench/wording_data, or a folder), in file order."""
    folder = Path(batch) if Path(batch).is_dir() else DATA / batch
    items = []
    for lang_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if langs and lang_dir.name not in langs:
            continue
        for path in sorted(lang_dir.glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for entry in data["items"]:
                label = entry.get("label", "none")
                if label not in LABELS + ("none",):
                    raise ValueError(f"{path}: unknown label {label!r}")
                items.append(Item(lang_dir.name, str(entry["text"]), label, entry.get("style", ""), str(path.relative_to(ROOT))))
    return items


def logged(log: Path | None = None) -> list[dict]:
    """The entries of the blind log, oldest first."""
    return blind_log.logged(log or LOG)


def require_logged(batches, log: Path | None = None) -> None:
    """Refuse to tune on a batch whose first, blind score is not in the log."""
    seen = {entry["batch"] for entry in logged(log)}
    missing = [b for b in batches if b not in seen]
    if missing:
        raise SystemExit(f"batch {', '.join(missing)} has no blind score in {(log or LOG).name}: "
                         f"run bench/lint_quality.py blind BATCH --log before tuning on it")


def kinds_found(linter: Linter, item: Item) -> set[str]:
    """The kinds of problem the linter warns about in one item (``readability`` for KB2xx)."""
    found = set()
    for d in linter.lint_text(item.text + "\n", f"eval.{item.lang}.md", default_lang=item.lang):
        if d.severity < Severity.WARNING:
            continue
        found.add("readability" if d.code.startswith("KB2") else KIND_OF_SLUG.get(d.slug, d.slug))
    return found


@dataclass
class Score:
    items: int = 0
    tp: int = 0
    """Kind view: right-kind findings on faulty items."""
    fp: int = 0
    fn: int = 0
    caught: int = 0
    """Detection view: faulty items with any warning, acceptable items with any warning, faulty items with none."""
    alarms: int = 0
    missed: int = 0
    right_kind: int = 0
    by_style: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    """style → [caught or alarmed, items]"""
    by_label: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.caught, self.caught + self.alarms)

    @property
    def recall(self) -> float:
        return _ratio(self.caught, self.caught + self.missed)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def kind_f1(self) -> float:
        return _f1(_ratio(self.tp, self.tp + self.fp), _ratio(self.tp, self.tp + self.fn))

    @property
    def kind_accuracy(self) -> float:
        return _ratio(self.right_kind, self.caught)

    def rate(self, style: str) -> float | None:
        hit, n = self.by_style.get(style, (0, 0))
        return hit / n if n else None

    def as_dict(self) -> dict:
        return {"items": self.items, "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "kind_f1": round(self.kind_f1, 3), "kind_accuracy": round(self.kind_accuracy, 3),
                "stock_recall": _round(self.rate("stock")), "paraphrase_recall": _round(self.rate("paraphrase")),
                "lookalike_alarms": _round(self.rate("lookalike")), "plain_alarms": _round(self.rate("plain")),
                "recall_by_label": {k: _round(v[0] / v[1]) for k, v in sorted(self.by_label.items()) if v[1]}}


def _round(x):
    return None if x is None else round(x, 3)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


DEFAULT = ("KB1", "KB2")
"""What `kb lint` runs by default among the wording and readability rules."""
WITH_MODEL = ("KB1", "KB2", "KB11")
"""The same with the opt-in wording model switched on (``--select KB,KB11``)."""


def score(items: list[Item], linter: Linter | None = None, select=DEFAULT) -> dict[str, Score]:
    """Per-language scores of ``items`` (by default with the rules `kb lint` runs by default)."""
    linter = linter or Linter(Settings(Selector(select=select)))
    scores: dict[str, Score] = defaultdict(Score)
    for item in items:
        s = scores[item.lang]
        found = kinds_found(linter, item)
        expected = {item.label} if item.label != "none" else set()
        s.items += 1
        s.tp += len(expected & found)
        s.fp += len(found - expected)
        s.fn += len(expected - found)
        if expected:
            s.caught += bool(found)
            s.missed += not found
            s.right_kind += item.label in found
            s.by_label[item.label][0] += bool(found)
            s.by_label[item.label][1] += 1
        else:
            s.alarms += bool(found)
        s.by_style[item.style][0] += bool(found)  # caught (faulty) or warned (acceptable)
        s.by_style[item.style][1] += 1
        if bool(expected) != bool(found):
            s.misses.append((item, sorted(expected), sorted(found)))
    return dict(sorted(scores.items()))


def revision() -> str:
    """The code revision being scored: the commit, marked ``+dirty`` with uncommitted changes under kb_tools/."""
    return blind_log.revision(("kb_tools",))


def table(scores: dict[str, Score]) -> str:
    rows = [f"{'lang':5} {'items':>5} {'P':>5} {'R':>5} {'F1':>5} {'stock':>6} {'para':>6} {'alarm':>6} {'kindF1':>7} {'kindacc':>7}"]
    for lang, s in scores.items():
        fmt = lambda x: "   -  " if x is None else f"{x:6.2f}"  # noqa: E731
        rows.append(f"{lang:5} {s.items:5} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} "
                    f"{fmt(s.rate('stock'))} {fmt(s.rate('paraphrase'))} {fmt(s.rate('lookalike'))} "
                    f"{s.kind_f1:7.2f} {s.kind_accuracy:7.2f}")
    return "\n".join(rows)


def counts(items: list[Item]) -> Counter:
    return Counter((i.lang, i.label, i.style) for i in items)


if __name__ == "__main__":  # pragma: no cover
    print(table(score(load(sys.argv[1]))), file=sys.stderr if os.environ.get("QUIET") else sys.stdout)
