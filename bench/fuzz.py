"""Fuzz kb lint, the registry loader and the search index builder with many generated inputs.

    python bench/fuzz.py [--examples N]     # per property; default 2,500 (10,000 cases in all)

The same properties as tests/test_fuzz.py (strategies in tests/fuzz_cases.py): Markdown with
front matter, RTL marks, ZWNJ, combining marks, NUL, very long lines, deep nesting, template
tags, and registry YAML. Each case must end with findings, a KB001 or one InputError, never a
crash; the slowest case is reported, so a hang shows as a number, not a stuck run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests import fuzz_cases  # noqa: E402

PROPERTIES = [("kb lint", fuzz_cases.MARKDOWN, fuzz_cases.lint), ("deep nesting", fuzz_cases.NESTED, fuzz_cases.lint),
              ("registry", fuzz_cases.REGISTRY, fuzz_cases.load_registry),
              ("search index", fuzz_cases.MARKDOWN, fuzz_cases.build_index)]


def _timed(check, slowest: list):
    def timed(value):
        start = time.perf_counter()
        check(value)
        slowest[0] = max(slowest[0], time.perf_counter() - start)
    return timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2500)
    args = parser.parse_args()
    total = 0
    for name, strategy, check in PROPERTIES:
        slowest = [0.0]
        timed = _timed(check, slowest)
        run = settings(max_examples=args.examples, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(strategy)(timed))
        start = time.perf_counter()
        run()
        total += args.examples
        print(f"{name:14} {args.examples:6} cases in {time.perf_counter() - start:6.1f} s, slowest {slowest[0] * 1000:.0f} ms")
    print(f"{total} cases, no crash")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
