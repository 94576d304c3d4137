"""kb lint speed and memory on a real documentation corpus, against baselines measured in the same run.

    python bench/lint_speed.py [CORPUS_DIR] [--repeat N] [--select KB,KB11]

``--select`` is passed to kb lint (``KB,KB11``: everything on, the opt-in wording model too).

Default corpus: Debian's Node.js API docs (/usr/share/doc/nodejs/api/*.md, ~440k words;
`apt-get install nodejs` ships them). Prints, each as the median of N runs (ratios: the median of each run's ratio, the two
sides measured in turns):
  - markdown-it-py alone parsing the files (the baseline: target kb lint <= 2x),
  - kb lint on the same files, in one process (files read from disk) and as the `kb`
    command (start-up included),
  - proselint on the same files (target: kb lint >= 5x faster), if it is installed,
  - kb lint's peak memory, of its largest process (target < 150 MB).
The command uses its default of one worker process per CPU for a tree this size (`--jobs`).
The machines are shared and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEAK = """
import re, resource, sys
from kb_tools.cli import main
code = main(["lint", *sys.argv[1:], "--format", "json", "--fail-on", "never"])
# Our own peak from /proc: getrusage(RUSAGE_SELF) would also count the bench process that
# spawned us (Linux keeps the high-water mark across exec). The workers are forked, not
# exec'd, so RUSAGE_CHILDREN is theirs.
with open("/proc/self/status") as status:
    own = int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024, file=sys.stderr)
"""

def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="/usr/share/doc/nodejs/api")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--select", help="rule codes or prefixes, as kb lint --select (KB,KB11: the opt-in model too)")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.corpus, "*.md")))
    if not files:
        print(f"no Markdown files in {args.corpus}", file=sys.stderr)
        return 2
    texts = [open(f, encoding="utf-8").read() for f in files]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(files)} files, {words:,} words, {sum(map(len, texts)) / 1e6:.1f} M characters")

    from markdown_it import MarkdownIt

    from kb_tools.lint.engine import Linter, Settings
    from kb_tools.lint.select import Selector

    md = MarkdownIt("commonmark")
    selected = tuple(args.select.split(",")) if args.select else None
    linter = Linter(Settings(Selector(select=selected))) if selected else Linter()
    linter.lint_files(files[:1], jobs=1)  # packs loaded and compiled once, as a long-lived process would have them
    parse_runs, lint_runs = [], []
    for _ in range(args.repeat):  # in turns, like the command and proselint below
        parse_runs.append(timed(lambda: [md.parse(t) for t in texts], 1))
        lint_runs.append(timed(lambda: linter.lint_files(files, jobs=1), 1))  # what `kb lint -j 1` runs, reads included
    parse, lint = statistics.median(parse_runs), statistics.median(lint_runs)
    in_process = statistics.median(b / a for a, b in zip(parse_runs, lint_runs))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-c", PEAK, *(["--select", args.select] if args.select else []), *files]
    peaks = []

    def run_cli():
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=args.corpus)
        peaks.append(float(result.stderr.strip().splitlines()[-1]))

    proselint = shutil.which("proselint", path=os.path.dirname(sys.executable)) or shutil.which("proselint")
    prose_runs: list[float] = []
    cli_runs: list[float] = []
    # The command and proselint take turns, so a noisy spell on the machine slows both.
    for _ in range(args.repeat):
        cli_runs.append(timed(run_cli, 1))
        if proselint:
            prose_runs.append(timed(lambda: subprocess.run([proselint, "check", "--output-format", "compact", *files],
                                                           capture_output=True, env=env), 1))
    cli = statistics.median(cli_runs)
    print(f"markdown-it-py parse       {parse:7.2f} s   (baseline)")
    print(f"kb lint, in-process        {lint:7.2f} s   ratio {in_process:.2f}  (target <= 2.00)")
    print(f"kb lint, the command       {cli:7.2f} s   ratio {cli / parse:.2f}  (start-up and output included)")
    print(f"kb lint peak memory        {max(peaks):7.1f} MB  (target < 150; largest process)")
    if prose_runs:
        ratio = statistics.median(p / c for p, c in zip(prose_runs, cli_runs))
        print(f"proselint                  {statistics.median(prose_runs):7.2f} s   kb lint is {ratio:.1f}x faster "
              "(target >= 5; median of the runs' ratios)")
    else:
        print("proselint                  not installed (pip install proselint) — skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
