"""Train the wording models (kb_tools/lint/models/wording-<lang>.json) from labelled sentences.

    .venv/bin/pip install -e '.[train]'          # scikit-learn, for training only
    .venv/bin/python tools/train_wording_model.py [--lang en] [--cv]

Training data, all in the repository:
  - the batches named in TRAINING_BATCHES (bench/wording_data/<batch>/<lang>/*.yml). A
    batch joins only after its first, blind score is in bench/results/blind-log.jsonl
    (bench/lint_quality.py blind --log): the protocol refuses to tune on a batch that was
    never scored blind;
  - the in-sample sets tests/eval/<lang>.yml (codes mapped to kinds);
  - the demo help centre's own prose (docs/), as acceptable sentences;
  - real documentation nobody here wrote: the *training* half of bench/realworld/ (see
    bench/realworld.py; the held-out half is what the real-world bench judges), as
    acceptable sentences, except those a phrase rule flags. The model must stay quiet
    on ordinary documentation, which synthetic sentences alone do not teach it.

Everything is deterministic (fixed folds, lbfgs, rounded weights, sorted keys): the same
data gives the same bytes. --cv prints cross-validated scores of the phrase rules alone and
with the model, per language, and is how the thresholds are chosen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import wording_batches  # noqa: E402
from kb_tools.lint.language import PACK_LANGUAGES, normalize  # noqa: E402
from kb_tools.lint.wording_model import FEATURES_VERSION, features, words  # noqa: E402

TRAINING_BATCHES = ["train", "train2", "train3", "train4", "blind-2026-12-07", "blind-2026-12-07c", "blind-2026-12-07d"]
OUT = ROOT / "kb_tools/lint/models"
KINDS = list(wording_batches.LABELS)
CODE_KIND = {f"KB10{i + 1}": kind for i, kind in enumerate(KINDS)}
GATE_C, KIND_C = 0.3, 1.0
MIN_COUNT = 2
"""A feature must occur in this many training sentences to be kept."""


REAL_WEIGHT = 6.0
"""Weight of a real documentation sentence against a written one in the gate's training:
the model must be right about ordinary documentation above all, where faults are rare."""


def examples(lang: str) -> list[tuple[str, str, str]]:
    """(text, kind or 'none', where it came from: ``batch:<style>``, eval, demo or ``real:<file>``) for ``lang``."""
    found = []
    wording_batches.require_logged(TRAINING_BATCHES)
    for batch in TRAINING_BATCHES:
        found += [(i.text, i.label, f"batch:{i.style}") for i in wording_batches.load(batch, [lang])]
    data = yaml.safe_load((ROOT / f"tests/eval/{lang}.yml").read_text(encoding="utf-8"))
    for item in data["sentences"]:
        flags = [CODE_KIND[c] for c in item.get("flag") or [] if c in CODE_KIND]
        found.append((item["text"], flags[0] if flags else "none", "eval"))
    found += [(s, "none", "demo") for s in demo_sentences(lang)]
    found += [(s, "none", f"real:{path}") for s, path in realworld_sentences(lang)]
    return found


def paragraph_sentences(path: Path, shown: str, lang: str, linter=None) -> list[str]:
    """Sentences of 4 words or more from a page's paragraphs, if the page is in ``lang``
    (and, with ``linter``, that none of its phrase rules flags)."""
    from kb_tools.errors import InputError
    from kb_tools.lint.context import Context
    from kb_tools.markdown_source import parse

    try:
        doc = parse(path.read_text(encoding="utf-8", errors="replace"), shown)
    except InputError:
        return []  # front matter kb lint cannot read: no sentences to learn from
    if linter is not None and linter.language(doc)[0] != lang:
        return []
    ctx = Context(doc, lang)
    found = []
    for block in ctx.normalized_blocks():
        if block.block.kind == "paragraph":
            found += [ctx.text[a:b] for a, b in block.sentences if len(ctx.text[a:b].split()) >= 4]
    if linter is None:
        return found
    return [s for s in found if not any(d.code.startswith("KB10") for d in linter.lint_text(s + "\n", f"x.{lang}.md"))]


def realworld_sentences(lang: str) -> list[tuple[str, str]]:
    """(sentence, file) of the real documentation in the training half of bench/realworld/."""
    from bench import realworld
    from kb_tools.lint.engine import Linter, Settings
    from kb_tools.lint.select import Selector

    linter = Linter(Settings(Selector(select=("KB10",))))
    found = []
    for _, _, folder in realworld.sources():
        for path in realworld.pages(folder, "train"):
            found += [(s, str(path)) for s in paragraph_sentences(path, str(path.relative_to(folder)), lang, linter)]
    return found


def demo_sentences(lang: str) -> list[str]:
    """Sentences of the demo help centre's articles in ``lang`` (good prose: the demo lints clean)."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if "writing" in path.parts:
            continue  # the writers' docs quote bad examples on purpose
        suffix = path.suffixes[-2][1:] if len(path.suffixes) > 1 else "en"
        if suffix == lang:
            found += paragraph_sentences(path, str(path), lang)
    return found


def featurize(text: str, lang: str) -> dict:
    norm = normalize(text)[0]
    tokens = [w.text for w in words(norm)]
    counts: dict[str, float] = {}
    for f, _ in features(tokens, lang):
        counts[f] = 1.0  # presence, not counts: the same at training and at lint time
    return counts


def fit(x, y, c: float, weights=None) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", solver="lbfgs")
    return model.fit(x, y, sample_weight=weights)


def vectorizer(dicts: list[dict]) -> DictVectorizer:
    counts: dict[str, int] = {}
    for d in dicts:
        for f in d:
            counts[f] = counts.get(f, 0) + 1
    vec = DictVectorizer()
    vec.fit([{f: 1.0 for f, n in counts.items() if n >= MIN_COUNT}])
    return vec


def train(texts: list[str], labels: list[str], lang: str, origins: list[str]):
    dicts = [featurize(t, lang) for t in texts]
    vec = vectorizer(dicts)
    x = vec.transform(dicts)
    faulty = np.array([label != "none" for label in labels])
    gate = fit(x, faulty, GATE_C, np.array([REAL_WEIGHT if o.startswith("real") else 1.0 for o in origins]))
    kind_rows = np.flatnonzero(faulty)
    kind = fit(x[kind_rows], np.array(labels)[kind_rows], KIND_C)
    return vec, gate, kind


def predict(vec, gate, kind, texts: list[str], lang: str) -> tuple[np.ndarray, list[str]]:
    x = vec.transform([featurize(t, lang) for t in texts])
    return gate.predict_proba(x)[:, 1], list(kind.predict(x))


def rule_kinds(texts: list[str], lang: str) -> list[set]:
    """What the phrase rules (and readability) warn about in each text, without any model."""
    from kb_tools.lint.engine import Linter, Settings
    from kb_tools.lint.select import Selector

    linter = Linter(Settings(Selector(select=("KB1", "KB2"), ignore=("KB11",))))
    return [wording_batches.kinds_found(linter, wording_batches.Item(lang, t, "", "", "")) for t in texts]


def f1(expected: list[str], found: list[set]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for e, f in zip(expected, found):
        e = {e} - {"none"}
        tp += len(e & f)
        fp += len(f - e)
        fn += len(e - f)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(texts, labels, lang, origins) -> tuple[np.ndarray, list[str]]:
    """Out-of-fold gate probabilities and kinds for every example (5 fixed folds; a real
    page's sentences stay in one fold, or its near-repeats would flatter the alarm rate)."""
    probs = np.zeros(len(texts))
    kinds = [""] * len(texts)
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
    groups = [o if o.startswith("real:") else f"item:{i}" for i, o in enumerate(origins)]
    for train_idx, test_idx in folds.split(texts, labels, groups):
        vec, gate, kind = train([texts[i] for i in train_idx], [labels[i] for i in train_idx], lang,
                                [origins[i] for i in train_idx])
        p, k = predict(vec, gate, kind, [texts[i] for i in test_idx], lang)
        probs[test_idx] = p
        for j, i in enumerate(test_idx):
            kinds[i] = k[j]
    return probs, kinds


def detection_f1(labels, flagged) -> float:
    """Item-level F1: a faulty example flagged at all, an acceptable one flagged at all (bench/wording_batches.py)."""
    tp = sum(1 for y, f in zip(labels, flagged) if f and y != "none")
    fp = sum(1 for y, f in zip(labels, flagged) if f and y == "none")
    fn = sum(1 for y, f in zip(labels, flagged) if not f and y != "none")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


MAX_REAL_ALARMS = 0.03
"""Most the model may warn about real documentation: out-of-fold, the share of its sentences
(about 20 warnings per 10,000 words; the model is opt-in, for drafts and replies)."""


def is_written(origin: str) -> bool:
    """A sentence written for the purpose (a batch or the in-sample set), not borrowed prose."""
    return origin == "eval" or origin.startswith("batch")


def choose_thresholds(labels, probs, kinds, rules, origins) -> tuple[float, float, float, float]:
    """The warning threshold that maximises out-of-fold detection F1 on the written examples
    while the model warns on at most MAX_REAL_ALARMS of real documentation. There is no
    info band (info = warning): below that threshold the model is mostly wrong on real
    documentation, so it says nothing. Returns (warning, info, F1, real alarm rate)."""
    written = [i for i, o in enumerate(origins) if is_written(o)]
    real = [i for i, o in enumerate(origins) if o.startswith("real")]
    best = None
    for t in np.arange(0.30, 0.991, 0.01):
        alarms = sum(probs[i] >= t for i in real) / max(1, len(real))
        if alarms > MAX_REAL_ALARMS:
            continue
        score = detection_f1([labels[i] for i in written], [bool(rules[i]) or probs[i] >= t for i in written])
        if best is None or score > best[0] + 1e-9:
            best = (score, float(t), alarms)
    if best is None:
        best = (detection_f1([labels[i] for i in written], [bool(rules[i]) for i in written]), 0.99, 0.0)
    return round(best[1], 2), round(best[1], 2), best[0], best[2]


def export(lang: str, vec, gate, kind, thresholds) -> dict:
    names = vec.get_feature_names_out()
    gate_w = {n: round(float(w), 4) for n, w in zip(names, gate.coef_[0]) if abs(w) >= 0.02}
    classes = [str(c) for c in kind.classes_]
    kind_w = {}
    for j, n in enumerate(names):
        row = [round(float(kind.coef_[k][j]), 3) for k in range(len(classes))]
        if max(abs(w) for w in row) >= 0.05:
            kind_w[n] = row
    return {"lang": lang, "features_version": FEATURES_VERSION,
            "gate": {"bias": round(float(gate.intercept_[0]), 4), "weights": gate_w},
            "kind": {"classes": classes, "bias": [round(float(b), 4) for b in kind.intercept_], "weights": kind_w},
            "thresholds": {"warning": thresholds[0], "info": thresholds[1]}}


def main() -> int:
    global GATE_C, REAL_WEIGHT, MAX_REAL_ALARMS
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="only these languages (default: every pack language)")
    parser.add_argument("--cv", action="store_true", help="print cross-validated scores; write nothing")
    parser.add_argument("--gate-c", type=float, default=None, help="the gate's inverse regularisation (experiments)")
    parser.add_argument("--real-weight", type=float, default=None, help="weight of real documentation (experiments)")
    parser.add_argument("--max-real-alarms", type=float, default=None, help="the alarm bound on real documentation (experiments)")
    args = parser.parse_args()
    GATE_C = GATE_C if args.gate_c is None else args.gate_c
    REAL_WEIGHT = REAL_WEIGHT if args.real_weight is None else args.real_weight
    MAX_REAL_ALARMS = MAX_REAL_ALARMS if args.max_real_alarms is None else args.max_real_alarms
    for lang in args.lang or PACK_LANGUAGES:
        data = examples(lang)
        texts, labels, origins = [t for t, _, _ in data], [k for _, k, _ in data], [o for _, _, o in data]
        probs, kinds = cross_validate(texts, labels, lang, origins)
        rules = rule_kinds(texts, lang)
        warn, info, best, alarms = choose_thresholds(labels, probs, kinds, rules, origins)
        written = [i for i, o in enumerate(origins) if is_written(o)]
        alone = detection_f1([labels[i] for i in written], [bool(rules[i]) for i in written])
        kind = f1(labels, [r | ({k} if p >= warn else set()) for r, p, k in zip(rules, probs, kinds)])[2]
        lookalikes = [i for i, o in enumerate(origins) if o == "batch:lookalike"]
        warned = sum(bool(rules[i]) or probs[i] >= warn for i in lookalikes) / max(1, len(lookalikes))
        print(f"{lang}: {len(texts)} examples; cross-validated detection F1 on written examples: rules alone {alone:.3f}, "
              f"rules + model {best:.3f} at warning >= {warn} (kind F1 {kind:.3f}); "
              f"model warns on {alarms:.2%} of real documentation sentences; "
              f"rules and model warn on {warned:.0%} of look-alikes")
        if args.cv:
            continue
        vec, gate, kind = train(texts, labels, lang, origins)
        model = export(lang, vec, gate, kind, (warn, info))
        path = OUT / f"wording-{lang}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"  wrote {path.relative_to(ROOT)}: {len(model['gate']['weights'])} gate and "
              f"{len(model['kind']['weights'])} kind features, {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
