"""Train the wording models (kb_tools/lint/models/wording-<lang>.json) from labelled sentences.

    .venv/bin/pip install -e '.[train]'          # scikit-learn, for training only
    .venv/bin/python tools/train_wording_model.py [--lang en] [--cv]

Training data, all in the repository:
  - the batches named in TRAINING_BATCHES (bench/wording_data/<batch>/<lang>/*.yml). A
    batch joins only after its first, blind score is in bench/results/blind-log.jsonl
    (bench/lint_quality.py blind --log): the protocol refuses to tune on a batch that was
    never scored blind;
  - the in-sample sets tests/eval/<lang>.yml (codes mapped to kinds);
  - the demo help centre's own prose (docs/), as acceptable sentences.

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
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import wording_batches  # noqa: E402
from kb_tools.lint.language import PACK_LANGUAGES, normalize  # noqa: E402
from kb_tools.lint.wording_model import FEATURES_VERSION, features, words  # noqa: E402

TRAINING_BATCHES = ["train"]
LOG = ROOT / "bench/results/blind-log.jsonl"
OUT = ROOT / "kb_tools/lint/models"
KINDS = list(wording_batches.LABELS)
CODE_KIND = {f"KB10{i + 1}": kind for i, kind in enumerate(KINDS)}
GATE_C, KIND_C = 1.0, 1.0
MIN_COUNT = 2
"""A feature must occur in this many training sentences to be kept."""


def logged_batches() -> set[str]:
    if not LOG.exists():
        return set()
    return {json.loads(line)["batch"] for line in LOG.read_text(encoding="utf-8").splitlines() if line.strip()}


def examples(lang: str) -> list[tuple[str, str]]:
    """(text, kind or 'none') for ``lang``."""
    found = []
    logged = logged_batches()
    for batch in TRAINING_BATCHES:
        if batch not in logged:
            raise SystemExit(f"batch '{batch}' has no blind score in {LOG.relative_to(ROOT)}: "
                             f"run bench/lint_quality.py blind {batch} --log first")
        found += [(i.text, i.label) for i in wording_batches.load(batch, [lang])]
    data = yaml.safe_load((ROOT / f"tests/eval/{lang}.yml").read_text(encoding="utf-8"))
    for item in data["sentences"]:
        flags = [CODE_KIND[c] for c in item.get("flag") or [] if c in CODE_KIND]
        found.append((item["text"], flags[0] if flags else "none"))
    found += [(s, "none") for s in demo_sentences(lang)]
    return found


def demo_sentences(lang: str) -> list[str]:
    """Sentences of the demo help centre's articles in ``lang`` (good prose: the demo lints clean)."""
    from kb_tools.lint.context import Context
    from kb_tools.markdown_source import parse

    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if "writing" in path.parts:
            continue  # the writers' docs quote bad examples on purpose
        suffix = path.suffixes[-2][1:] if len(path.suffixes) > 1 else "en"
        if suffix != lang:
            continue
        ctx = Context(parse(path.read_text(encoding="utf-8"), str(path)), lang)
        for block in ctx.normalized_blocks():
            if block.block.kind == "paragraph":
                found += [ctx.text[a:b] for a, b in block.sentences if len(ctx.text[a:b].split()) >= 4]
    return found


def featurize(text: str, lang: str) -> dict:
    norm = normalize(text)[0]
    tokens = [w.text for w in words(norm)]
    counts: dict[str, float] = {}
    for f, _ in features(tokens, lang):
        counts[f] = 1.0  # presence, not counts: the same at training and at lint time
    return counts


def fit(x, y, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", solver="lbfgs")
    return model.fit(x, y)


def vectorizer(dicts: list[dict]) -> DictVectorizer:
    counts: dict[str, int] = {}
    for d in dicts:
        for f in d:
            counts[f] = counts.get(f, 0) + 1
    vec = DictVectorizer()
    vec.fit([{f: 1.0 for f, n in counts.items() if n >= MIN_COUNT}])
    return vec


def train(texts: list[str], labels: list[str], lang: str):
    dicts = [featurize(t, lang) for t in texts]
    vec = vectorizer(dicts)
    x = vec.transform(dicts)
    faulty = np.array([label != "none" for label in labels])
    gate = fit(x, faulty, GATE_C)
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


def cross_validate(texts, labels, lang) -> tuple[np.ndarray, list[str]]:
    """Out-of-fold gate probabilities and kinds for every example (5 fixed folds)."""
    probs = np.zeros(len(texts))
    kinds = [""] * len(texts)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for train_idx, test_idx in folds.split(texts, labels):
        vec, gate, kind = train([texts[i] for i in train_idx], [labels[i] for i in train_idx], lang)
        p, k = predict(vec, gate, kind, [texts[i] for i in test_idx], lang)
        probs[test_idx] = p
        for j, i in enumerate(test_idx):
            kinds[i] = k[j]
    return probs, kinds


def choose_thresholds(labels, probs, kinds, rules) -> tuple[float, float, float]:
    """The warning threshold that maximises out-of-fold F1 of rules + model; info at 0.8 of it."""
    best = (0.0, 0.5)
    for t in np.arange(0.30, 0.96, 0.01):
        found = [r | ({k} if p >= t else set()) for r, p, k in zip(rules, probs, kinds)]
        score = f1(labels, found)[2]
        if score > best[0] + 1e-9:
            best = (score, float(t))
    return round(best[1], 2), round(best[1] * 0.8, 2), best[0]


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
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="only these languages (default: every pack language)")
    parser.add_argument("--cv", action="store_true", help="print cross-validated scores; write nothing")
    args = parser.parse_args()
    for lang in args.lang or PACK_LANGUAGES:
        data = examples(lang)
        texts, labels = [t for t, _ in data], [k for _, k in data]
        probs, kinds = cross_validate(texts, labels, lang)
        rules = rule_kinds(texts, lang)
        warn, info, best = choose_thresholds(labels, probs, kinds, rules)
        p, r, f = f1(labels, rules)
        print(f"{lang}: {len(texts)} examples; cross-validated F1 rules alone {f:.3f} (P {p:.2f} R {r:.2f}), "
              f"rules + model {best:.3f} at warning >= {warn}")
        if args.cv:
            continue
        vec, gate, kind = train(texts, labels, lang)
        model = export(lang, vec, gate, kind, (warn, info))
        path = OUT / f"wording-{lang}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"  wrote {path.relative_to(ROOT)}: {len(model['gate']['weights'])} gate and "
              f"{len(model['kind']['weights'])} kind features, {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
