"""How well the wording rules judge prose: in-sample, and on batches written blind.

    python bench/lint_quality.py [-v]                      # in-sample: tests/eval/<lang>.yml
    python bench/lint_quality.py blind BATCH [--log] [-v]  # a batch in bench/wording_data/BATCH/
    python bench/lint_quality.py log [--markdown]          # every blind score so far

**The blind protocol.** The in-sample sets were written together with the rules, so their
score flatters them. The figure we quote comes from batches that:

1. are written from bench/wording_data/BRIEF.md alone (the kinds of problem and the
   principles), by writers who never saw the rule packs, the model, its training data or
   earlier batches;
2. are scored *before any tuning*, with ``blind BATCH --log``: that first score is appended
   to bench/results/blind-log.jsonl with the date and the code revision, and a batch
   already in the log is refused, so the first score is the only one logged;
3. may join the tuning set only after that (tools/train_wording_model.py refuses a batch
   that is not in the log).

Scores are what a writer sees at the default failing level (warnings and errors of KB1xx
and KB2xx; see bench/wording_batches.py): precision, recall and F1 per language, recall
on stock phrasings and on free paraphrase, and the share of acceptable look-alike
sentences that draw a warning. Targets: F1 >= 0.90 in every language, paraphrase recall
>= 0.80, look-alike alarms <= 10%.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from bench import blind_log, wording_batches  # noqa: E402
from tests import eval_set  # noqa: E402

LOG = wording_batches.LOG


def in_sample(verbose: bool) -> int:
    print(f"{'lang':5} {'items':>5} {'precision':>9} {'recall':>7} {'F1':>5}")
    worst = 1.0
    for lang in eval_set.languages():
        s = eval_set.score(lang)
        worst = min(worst, s.f1)
        print(f"{lang:5} {s.items:5} {s.precision:9.3f} {s.recall:7.3f} {s.f1:5.3f}")
        if verbose:
            for text, expected, found in s.misses:
                print(f"      expected {expected or '-'}, found {found or '-'}: {text}")
    print(f"lowest F1: {worst:.3f} (in-sample: written with the rules; the blind log is the figure to quote)")
    return 0


def blind(batch: str, log: bool, note: str, verbose: bool) -> int:
    if log and blind_log.is_logged(LOG, batch):
        print(f"batch '{batch}' is already in {LOG.name}: only its first score is logged", file=sys.stderr)
        return 2
    items = wording_batches.load(batch)
    scores = wording_batches.score(items)
    print("kb lint as it runs by default:")
    print(wording_batches.table(scores))
    with_model = wording_batches.score(items, select=wording_batches.WITH_MODEL)
    print("with the opt-in wording model (--select KB,KB11):")
    print(wording_batches.table(with_model))
    if verbose:
        for lang, s in scores.items():
            for item, expected, found in s.misses:
                print(f"  {lang} [{item.style}] expected {expected or '-'}, found {found or '-'}: {item.text}")
    worst = min(s.f1 for s in scores.values())
    if log:
        entry = {"date": datetime.date.today().isoformat(), "revision": wording_batches.revision(), "batch": batch,
                 "note": note, "languages": {lang: s.as_dict() for lang, s in scores.items()},
                 "with_model": {lang: s.as_dict() for lang, s in with_model.items()}}
        blind_log.append(LOG, entry)
        print(f"logged to {LOG.relative_to(wording_batches.ROOT)}")
    return 0 if worst >= 0.90 else 1


def log_markdown(entries: list[dict]) -> str:
    """The blind log as the Markdown table in docs/writing/lint-quality.md (a test keeps them equal).
    Entries logged since the model became opt-in carry a second row per language, with it on."""
    rows = ["| date | code revision | batch | rules | language | items | precision | recall | F1 | stock recall "
            "| paraphrase recall | look-alikes warned | kind F1 |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    pct = lambda x: "–" if x is None else f"{x:.0%}"  # noqa: E731
    for entry in entries:
        runs = [("as run", entry["languages"])] + ([("with model", entry["with_model"])] if "with_model" in entry else [])
        for name, languages in runs:
            for lang, s in languages.items():
                rows.append(f"| {entry['date']} | `{entry['revision']}` | {entry['batch']} | {name} | {lang} | {s['items']} | "
                            f"{s['precision']:.2f} | {s['recall']:.2f} | **{s['f1']:.2f}** | {pct(s['stock_recall'])} | "
                            f"{pct(s['paraphrase_recall'])} | {pct(s['lookalike_alarms'])} | {s.get('kind_f1', 0):.2f} |")
    return "\n".join(rows) + "\n"


DOCS = wording_batches.ROOT / "docs/writing/lint-quality.md"
_SECTION = re.compile(r"(<!-- blind-log:[^\n]*-->\n).*?(<!-- /blind-log -->)", re.DOTALL)


def docs_with_log(page: str, entries: list[dict]) -> str:
    """``page`` with the blind-log section replaced by the current table."""
    return _SECTION.sub(lambda m: m.group(1) + log_markdown(entries) + m.group(2), page)


def show_log(markdown: bool = False, write_docs: bool = False) -> int:
    if write_docs:
        DOCS.write_text(docs_with_log(DOCS.read_text(encoding="utf-8"), wording_batches.logged(LOG)), encoding="utf-8")
        print(f"updated {DOCS.relative_to(wording_batches.ROOT)}")
        return 0
    if markdown:
        print(log_markdown(wording_batches.logged(LOG)), end="")
        return 0
    print(f"{'date':10} {'revision':14} {'batch':22} {'lang':4} {'items':>5} {'F1':>5} {'para':>5} {'alarm':>5}")
    for entry in wording_batches.logged(LOG):
        for lang, s in entry["languages"].items():
            para = s["paraphrase_recall"]
            alarm = s["lookalike_alarms"]
            print(f"{entry['date']:10} {entry['revision']:14} {entry['batch']:22} {lang:4} {s['items']:5} {s['f1']:5.2f} "
                  f"{'-' if para is None else f'{para:.2f}':>5} {'-' if alarm is None else f'{alarm:.2f}':>5}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command")
    b = sub.add_parser("blind", help="score a batch written blind")
    b.add_argument("batch")
    b.add_argument("--log", action="store_true", help="append this first score to the blind log")
    b.add_argument("--note", default="", help="what the batch is (kept in the log)")
    b.add_argument("-v", "--verbose", action="store_true")
    g = sub.add_parser("log", help="print the blind log")
    g.add_argument("--markdown", action="store_true", help="as the table in docs/writing/lint-quality.md")
    g.add_argument("--write-docs", action="store_true", help="put that table into docs/writing/lint-quality.md")
    args = parser.parse_args()
    if args.command == "blind":
        return blind(args.batch, args.log, args.note, args.verbose)
    if args.command == "log":
        return show_log(args.markdown, args.write_docs)
    return in_sample(args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
