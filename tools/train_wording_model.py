"""Train the wording models (kb_tools/lint/models/wording-<lang>.json.gz) from labelled sentences.

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
import gzip
import json
import math
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
from kb_tools.lint.wording_model import FEATURES_VERSION, MODEL_FORMAT, features, words  # noqa: E402

TRAINING_BATCHES = ["train", "train2", "train3", "train4", "train5", "blind-2026-12-07", "blind-2026-12-07c", "blind-2026-12-07d",
                    "blind-2026-12-07e", "blind-2026-12-08", "blind-2026-12-08b"]
OUT = ROOT / "kb_tools/lint/models"
KINDS = list(wording_batches.LABELS)
CODE_KIND = {f"KB10{i + 1}": kind for i, kind in enumerate(KINDS)}
GATE_C, CLASSES_C = 0.3, 1.0
MIN_COUNT = 2
"""A feature must occur in this many training sentences to be kept."""


REAL_WEIGHT = 6.0
"""Weight of a real documentation sentence against a written one in training (gate and
classifier): the model must be right about ordinary documentation above all, where faults
are rare."""

LOOKALIKE_WEIGHT = 1.0
"""Weight of a written look-alike (acceptable, but sharing words with a fault) in training."""


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
    """(vectoriser, gate, classifier): the gate is a cheap binary model that only lets
    through the sentences worth a closer look; the classifier, over the seven kinds and
    ``none``, decides. One multinomial model separates a fault from the acceptable sentence
    that shares its words better than a binary gate does (cross-validated detection F1
    0.89 to 0.92 in English, with fewer look-alikes warned)."""
    dicts = [featurize(t, lang) for t in texts]
    vec = vectorizer(dicts)
    x = vec.transform(dicts)
    faulty = np.array([label != "none" for label in labels])
    weight = {"batch:lookalike": LOOKALIKE_WEIGHT}
    weights = np.array([REAL_WEIGHT if o.startswith("real") else weight.get(o, 1.0) for o in origins])
    gate = fit(x, faulty, GATE_C, weights)
    classes = fit(x, np.array(labels), CLASSES_C, weights)
    return vec, gate, classes


def predict(vec, gate, classes, texts: list[str], lang: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Per text: the gate's probability, the classifier's probability that it is faulty
    (1 - P(none)) and the most likely kind of fault."""
    x = vec.transform([featurize(t, lang) for t in texts])
    p = classes.predict_proba(x)
    names = list(classes.classes_)
    none = names.index("none")
    faulty = p.copy()
    faulty[:, none] = -1.0
    return gate.predict_proba(x)[:, 1], 1.0 - p[:, none], [names[j] for j in faulty.argmax(axis=1)]


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


def cross_validate(texts, labels, lang, origins) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Out-of-fold gate probabilities, fault probabilities and kinds for every example (5
    fixed folds; a real page's sentences stay in one fold, or its near-repeats would flatter
    the alarm rate)."""
    gates, probs = np.zeros(len(texts)), np.zeros(len(texts))
    kinds = [""] * len(texts)
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
    groups = [o if o.startswith("real:") else f"item:{i}" for i, o in enumerate(origins)]
    for train_idx, test_idx in folds.split(texts, labels, groups):
        vec, gate, classes = train([texts[i] for i in train_idx], [labels[i] for i in train_idx], lang,
                                   [origins[i] for i in train_idx])
        g, p, k = predict(vec, gate, classes, [texts[i] for i in test_idx], lang)
        gates[test_idx] = g
        probs[test_idx] = p
        for j, i in enumerate(test_idx):
            kinds[i] = k[j]
    return gates, probs, kinds


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


MAX_LOOKALIKE_ALARMS = 0.07
"""Most the rules and model together may warn about written look-alikes, out-of-fold. The
blind target (issue 12) is 10%, but new writers' look-alikes drew 3-6 points more warnings
than cross-validation showed (blind-2026-12-08 against its models' figures), so the bound
is set below it. It costs 0.01-0.02 of cross-validated F1 and some paraphrase recall."""

LOOKALIKE_BOUND_BY_LANG = {"he": 0.10, "fa": 0.10}
"""Languages whose look-alikes stayed within the target on blind-2026-12-08 at the 10%
bound keep it: the tighter bound would cost Hebrew 9 points of paraphrase recall."""


GATE_MISSES = 0.01
"""Share of the sentences the classifier warns about that the cheap gate may hold back:
its threshold is the 1st percentile of their gate probabilities, out-of-fold."""


def is_written(origin: str) -> bool:
    """A sentence written for the purpose (a batch or the in-sample set), not borrowed prose."""
    return origin == "eval" or origin.startswith("batch")


class Groups:
    """Indices of the examples by where they came from, and what share of a group is flagged."""

    def __init__(self, labels: list[str], origins: list[str]):
        self.labels = labels
        self.written = [i for i, o in enumerate(origins) if is_written(o)]
        self.real = [i for i, o in enumerate(origins) if o.startswith("real")]
        self.lookalikes = [i for i, o in enumerate(origins) if o == "batch:lookalike"]
        self.paraphrase = [i for i, o in enumerate(origins) if o == "batch:paraphrase"]

    @staticmethod
    def share(ids: list[int], flagged) -> float:
        return sum(bool(flagged[i]) for i in ids) / max(1, len(ids))

    def f1(self, flagged) -> float:
        """Detection F1 on the written examples."""
        return detection_f1([self.labels[i] for i in self.written], [bool(flagged[i]) for i in self.written])


def warned(rules, probs, threshold: float) -> list[bool]:
    """Whether the phrase rules or the model warn about each example."""
    return [bool(r) or p >= threshold for r, p in zip(rules, probs)]


def choose_threshold(groups: Groups, probs, rules, lookalike_bound: float) -> float:
    """The warning threshold that maximises out-of-fold detection F1 on the written examples
    while the model warns on at most MAX_REAL_ALARMS of real documentation and, with the
    rules, on at most ``lookalike_bound`` of the written look-alikes. There is no info band
    (info = warning): below that threshold the model is mostly wrong on real documentation,
    so it says nothing."""
    best = None
    for t in np.arange(0.30, 0.991, 0.01):
        if groups.share(groups.real, probs >= t) > MAX_REAL_ALARMS:
            continue
        flagged = warned(rules, probs, t)
        if groups.share(groups.lookalikes, flagged) > lookalike_bound:
            continue
        score = groups.f1(flagged)
        if best is None or score > best[0] + 1e-9:
            best = (score, float(t))
    return 0.99 if best is None else round(best[1], 2)


def gate_threshold(gates, probs, warn: float) -> float:
    """The gate's threshold: low enough that it holds back at most GATE_MISSES of the
    sentences the classifier warns about, out-of-fold (rounded down to 0.01)."""
    flagged = gates[probs >= warn]
    if not len(flagged):
        return warn
    return max(0.01, math.floor(float(np.quantile(flagged, GATE_MISSES)) * 100) / 100)


def export(lang: str, vec, gate, classes, warn: float, through: float) -> dict:
    names = vec.get_feature_names_out()
    gate_w = {n: round(float(w), 4) for n, w in zip(names, gate.coef_[0]) if abs(w) >= 0.02}
    labels = [str(c) for c in classes.classes_]
    class_w = {}
    for j, n in enumerate(names):
        row = [round(float(classes.coef_[k][j]), 3) for k in range(len(labels))]
        if max(abs(w) for w in row) >= 0.05:
            class_w[n] = row
    return {"lang": lang, "features_version": FEATURES_VERSION, "format": MODEL_FORMAT,
            "gate": {"bias": round(float(gate.intercept_[0]), 4), "weights": gate_w},
            "classes": {"names": labels, "bias": [round(float(b), 4) for b in classes.intercept_], "weights": class_w},
            "thresholds": {"gate": through, "warning": warn, "info": warn}}


def main() -> int:
    global GATE_C, REAL_WEIGHT, MAX_REAL_ALARMS, LOOKALIKE_WEIGHT
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="only these languages (default: every pack language)")
    parser.add_argument("--cv", action="store_true", help="print cross-validated scores; write nothing")
    parser.add_argument("--gate-c", type=float, default=None, help="the gate's inverse regularisation (experiments)")
    parser.add_argument("--real-weight", type=float, default=None, help="weight of real documentation (experiments)")
    parser.add_argument("--max-real-alarms", type=float, default=None, help="the alarm bound on real documentation (experiments)")
    parser.add_argument("--lookalike-weight", type=float, default=None, help="weight of written look-alikes (experiments)")
    parser.add_argument("--max-lookalike-alarms", type=float, default=None, help="the alarm bound on written look-alikes (experiments)")
    args = parser.parse_args()
    LOOKALIKE_WEIGHT = LOOKALIKE_WEIGHT if args.lookalike_weight is None else args.lookalike_weight
    GATE_C = GATE_C if args.gate_c is None else args.gate_c
    REAL_WEIGHT = REAL_WEIGHT if args.real_weight is None else args.real_weight
    MAX_REAL_ALARMS = MAX_REAL_ALARMS if args.max_real_alarms is None else args.max_real_alarms
    for lang in args.lang or PACK_LANGUAGES:
        bound = args.max_lookalike_alarms
        if bound is None:
            bound = LOOKALIKE_BOUND_BY_LANG.get(lang, MAX_LOOKALIKE_ALARMS)
        data = examples(lang)
        texts, labels, origins = [t for t, _, _ in data], [k for _, k, _ in data], [o for _, _, o in data]
        groups = Groups(labels, origins)
        gates, probs, kinds = cross_validate(texts, labels, lang, origins)
        rules = rule_kinds(texts, lang)
        warn = choose_threshold(groups, probs, rules, bound)
        through = gate_threshold(gates, probs, warn)
        shown = np.where(gates >= through, probs, 0.0)  # what the shipped pair does: the gate, then the classifier
        flagged = warned(rules, shown, warn)
        kind = f1(labels, [r | ({k} if p >= warn else set()) for r, p, k in zip(rules, shown, kinds)])[2]
        print(f"{lang}: {len(texts)} examples; cross-validated detection F1 on written examples: "
              f"rules alone {groups.f1(rules):.3f}, rules + model {groups.f1(flagged):.3f} at warning >= {warn} "
              f"(kind F1 {kind:.3f}); model warns on {groups.share(groups.real, shown >= warn):.2%} of real "
              f"documentation sentences; rules and model warn on {groups.share(groups.lookalikes, flagged):.0%} of "
              f"look-alikes and catch {groups.share(groups.paraphrase, flagged):.0%} of paraphrase; gate >= {through} "
              f"lets {groups.share(groups.real, gates >= through):.0%} of real sentences through to the classifier")
        if args.cv:
            continue
        vec, gate, classes = train(texts, labels, lang, origins)
        model = export(lang, vec, gate, classes, warn, through)
        path = OUT / f"wording-{lang}.json.gz"
        text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # mtime 0: the same bytes every time
        print(f"  wrote {path.relative_to(ROOT)}: {len(model['gate']['weights'])} gate and "
              f"{len(model['classes']['weights'])} classifier features, {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
