"""Precision, recall and F1 of the wording rules (KB1xx) per language, on tests/eval/<lang>.yml.

    python bench/lint_quality.py [-v]

Each evaluation item is a sentence labelled with the codes a careful native editor would
expect; half are good prose (many of them hard negatives) that must stay silent.
Target: F1 >= 0.90 in every language. -v lists every disagreement.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tests import eval_set  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    print(f"{'lang':5} {'items':>5} {'precision':>9} {'recall':>7} {'F1':>5}")
    worst = 1.0
    for lang in eval_set.languages():
        s = eval_set.score(lang)
        worst = min(worst, s.f1)
        print(f"{lang:5} {s.items:5} {s.precision:9.3f} {s.recall:7.3f} {s.f1:5.3f}")
        if verbose:
            for text, expected, found in s.misses:
                print(f"      expected {expected or '-'}, found {found or '-'}: {text}")
    print(f"lowest F1: {worst:.3f} (target >= 0.90)")
    return 0 if worst >= 0.90 else 1


if __name__ == "__main__":
    raise SystemExit(main())
