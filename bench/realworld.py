"""kb lint on real help centres nobody here wrote (bench/realworld/), and blind judging of its warnings.

    python bench/realworld.py [--corpus DIR]        # warnings per 10,000 words, per language and source
    python bench/realworld.py sample --n 80 --seed 7 --out bench/results/realworld-sample-DATE.jsonl
    python bench/realworld.py score bench/results/realworld-judged-DATE.jsonl [--log]
    python bench/realworld.py --select KB11 sample --n 80 ...   # the opt-in wording model's warnings alone
    python bench/realworld.py sample ... --exclude JUDGED.jsonl      # a fresh sample: none judged before

Each source is linted as a new user would: from its own folder, with nothing that says
which language it is in (kb lint tells from the text and from locale markers in file names).

**Two halves.** Every file is assigned, by a hash of its path, to the *training* half or
the *held-out* half. tools/train_wording_model.py may use sentences of the training half
as examples of ordinary prose (real documentation is what the model must stay quiet on);
everything this script reports and samples comes from the held-out half only, which no
model and no rule was ever tuned on. ``--corpus bench/realworld-fresh`` reads a second
corpus, gathered after the last tuning, of which every file is held out.

``sample`` draws a seeded random sample of the warnings (severity warning or error), half
wording (KB1xx) and half readability (KB2xx), with each warning's paragraph, into a sheet
for judges who never saw the rules. A judge adds ``verdict``: ``agree`` (an editor would
act on it), ``pedantic`` (true but not worth changing) or ``wrong``. ``score`` reports the
share an editor would act on, per family, and ``--log`` appends it to
bench/results/realworld-log.jsonl. Target: >= 90% agree.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb_tools.errors import InputError  # noqa: E402
from kb_tools.lint.context import Context  # noqa: E402
from kb_tools.lint.diagnostic import Severity  # noqa: E402
from kb_tools.lint.engine import Linter, Settings  # noqa: E402
from kb_tools.lint.select import Selector  # noqa: E402
from kb_tools.lint.sentences import WORD  # noqa: E402
from kb_tools.markdown_source import parse  # noqa: E402

CORPUS = ROOT / "bench/realworld"
LOG = ROOT / "bench/results/realworld-log.jsonl"
METADATA = {"SOURCE.md", "README.md"}


def sources(corpus: Path = CORPUS) -> list[tuple[str, str, Path]]:
    """(language folder, source name, folder) of every source in a corpus."""
    return [(lang.name, src.name, src) for lang in sorted(corpus.iterdir()) if lang.is_dir()
            for src in sorted(lang.iterdir()) if src.is_dir()]


def half(path: Path) -> str:
    """``train`` or ``held-out``: a fixed split by a hash of the file's path in the corpus.
    Every file of another corpus (bench/realworld-fresh) is held out."""
    if not path.is_relative_to(CORPUS):
        return "held-out"
    digest = hashlib.sha1(str(path.relative_to(CORPUS)).encode("utf-8")).digest()
    return "train" if digest[0] % 2 == 0 else "held-out"


def pages(folder: Path, which: str = "held-out") -> list[Path]:
    """The corpus pages of a source folder in one half (``train`` or ``held-out``)."""
    return sorted(p for p in folder.rglob("*.md") if p.name not in METADATA and half(p) == which)


def lint_source(folder: Path, linter: Linter):
    """(prose words, findings) of one source's held-out half, each finding with its page's relative path and text."""
    words, found = 0, []
    for path in pages(folder):
        relative = str(path.relative_to(folder))
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            doc = parse(text, relative)
        except InputError as exc:  # a page kb lint cannot read is a KB001 finding, as in `kb lint`
            found += [(relative, text, d, "?") for d in linter.unreadable(relative, exc)]
            continue
        lang = linter.language(doc)[0]
        ctx = Context(doc, lang)
        words += sum(len(WORD.findall(ctx.text, b.start, b.end)) for b in ctx.normalized_blocks())
        found += [(relative, text, d, lang) for d in linter.lint_doc(doc)]
    return words, found


def family(code: str) -> str:
    return {"KB1": "wording", "KB2": "readability"}.get(code[:3], "other")


def survey(linter: Linter, corpus: Path = CORPUS) -> dict:
    rows = {}
    for lang, name, folder in sources(corpus):
        words, found = lint_source(folder, linter)
        warnings = Counter(family(d.code) for _, _, d, _ in found if d.severity >= Severity.WARNING)
        infos = Counter(family(d.code) for _, _, d, _ in found if d.severity < Severity.WARNING)
        langs = Counter(linted for *_, linted in found)
        rows[(lang, name)] = (words, warnings, infos, langs)
    return rows


def paragraph(text: str, line: int) -> str:
    """The paragraph (blank-line delimited) around 1-based ``line``."""
    lines = text.split("\n")
    a = b = line - 1
    while a > 0 and lines[a - 1].strip():
        a -= 1
    while b + 1 < len(lines) and lines[b + 1].strip():
        b += 1
    return "\n".join(lines[a:b + 1])[:1500]


def sample(linter: Linter, n: int, seed: int, corpus: Path = CORPUS, exclude: set | None = None) -> list[dict]:
    """``n`` warnings drawn at random, half wording and half readability, leaving out those
    in ``exclude`` ((source, path, line, column, code) of warnings judged before)."""
    pool = defaultdict(list)
    for lang, name, folder in sources(corpus):
        _, found = lint_source(folder, linter)
        for relative, text, d, linted in found:
            if exclude and (f"{lang}/{name}", relative, d.line, d.column, d.code) in exclude:
                continue
            if d.severity >= Severity.WARNING and family(d.code) != "other":
                pool[family(d.code)].append({"lang": linted, "source": f"{lang}/{name}", "path": relative, "line": d.line,
                                             "column": d.column, "code": d.code, "severity": str(d.severity),
                                             "message": d.message, "paragraph": paragraph(text, d.line)})
    rng = random.Random(seed)
    chosen = []
    for fam in ("wording", "readability"):
        items = pool[fam]
        chosen += rng.sample(items, min(len(items), n // 2))
    rng.shuffle(chosen)
    for i, item in enumerate(chosen, 1):
        item["id"] = i
    return chosen


def score(path: Path) -> dict:
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by = defaultdict(Counter)
    for item in judged:
        by[family(item["code"])][item["verdict"]] += 1
        by["all"][item["verdict"]] += 1
    return {fam: {"n": sum(c.values()), "agree": c["agree"], "pedantic": c["pedantic"], "wrong": c["wrong"],
                  "share": round(c["agree"] / sum(c.values()), 3)} for fam, c in by.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a corpus folder (default bench/realworld)")
    parser.add_argument("--select", default="KB0,KB1,KB2",
                        help="rule codes or prefixes, as kb lint --select (default: what runs by default; KB11: the model)")
    sub = parser.add_subparsers(dest="command")
    s = sub.add_parser("sample")
    s.add_argument("--n", type=int, default=80)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--exclude", type=Path, action="append", default=[],
                   help="a judged sheet whose warnings are left out (a fresh sample of the same corpus)")
    j = sub.add_parser("score")
    j.add_argument("judged")
    j.add_argument("--log", action="store_true")
    j.add_argument("--note", default="")
    args = parser.parse_args()
    linter = Linter(Settings(Selector(select=tuple(args.select.split(",")))))
    if args.command == "sample":
        judged = [json.loads(line) for path in args.exclude for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        exclude = {(j["source"], j["path"], j["line"], j["column"], j["code"]) for j in judged}
        items = sample(linter, args.n, args.seed, args.corpus.resolve(), exclude)
        Path(args.out).write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        print(f"{len(items)} warnings written to {args.out}")
        return 0
    if args.command == "score":
        result = score(Path(args.judged))
        for fam, r in result.items():
            print(f"{fam:12} {r['n']:3} judged: {r['agree']} agree, {r['pedantic']} pedantic, {r['wrong']} wrong "
                  f"({r['share']:.0%} worth acting on)")
        if args.log:
            entry = {"date": datetime.date.today().isoformat(), "judged": args.judged, "note": args.note, "result": result}
            with LOG.open("a", encoding="utf-8") as out:
                out.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    print(f"{'source':34} {'words':>8} {'wording':>8} {'readab.':>8} {'info':>6}  linted as   (per 10,000 words)")
    totals = defaultdict(lambda: [0, Counter()])
    for (lang, name), (words, warnings, infos, langs) in survey(linter, args.corpus.resolve()).items():
        per = lambda c: 10000 * c / max(words, 1)  # noqa: E731
        shown = ", ".join(f"{k} {v}" for k, v in langs.most_common(3))
        print(f"{lang + '/' + name:34} {words:8} {per(warnings['wording']):8.1f} {per(warnings['readability']):8.1f} "
              f"{per(sum(infos.values())):6.1f}  {shown}")
        totals[lang][0] += words
        totals[lang][1].update(warnings)
    for lang, (words, warnings) in totals.items():
        print(f"{lang + ' (all)':34} {words:8} {10000 * warnings['wording'] / max(words, 1):8.1f} "
              f"{10000 * warnings['readability'] / max(words, 1):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
