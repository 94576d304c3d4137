"""The blind protocol in bench/: a batch is scored once, before anyone may tune on it."""

import json

import pytest

from bench import realworld, wording_batches


def write_log(path, *batches):
    path.write_text("".join(json.dumps({"batch": b, "languages": {}}) + "\n" for b in batches), encoding="utf-8")


def test_tuning_on_a_batch_without_a_blind_score_is_refused(tmp_path):
    log = tmp_path / "blind-log.jsonl"
    write_log(log, "train")
    wording_batches.require_logged(["train"], log)
    with pytest.raises(SystemExit, match="train2"):
        wording_batches.require_logged(["train", "train2"], log)


def test_a_batch_is_logged_once(tmp_path, monkeypatch, capsys):
    from bench import lint_quality

    log = tmp_path / "blind-log.jsonl"
    write_log(log, "train")
    monkeypatch.setattr(lint_quality, "LOG", log)
    assert lint_quality.blind("train", log=True, note="", verbose=False) == 2
    assert "only its first score" in capsys.readouterr().err
    assert len(log.read_text().splitlines()) == 1


def test_every_training_batch_was_scored_blind_first():
    import ast

    from tests.conftest import ROOT

    tree = ast.parse((ROOT / "tools/train_wording_model.py").read_text(encoding="utf-8"))
    batches = next(ast.literal_eval(node.value) for node in tree.body
                   if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "TRAINING_BATCHES")
    wording_batches.require_logged(batches)


def test_scoring_counts_what_a_writer_sees():
    items = [wording_batches.Item("en", "It's your fault the parcel came back.", "blaming", "stock", ""),
             wording_batches.Item("en", "Your parcel came back, so we sent it again today.", "none", "lookalike", ""),
             wording_batches.Item("en", "Open Settings and tap Language.", "condescending", "paraphrase", "")]
    s = wording_batches.score(items)["en"]
    assert (s.caught, s.alarms, s.missed) == (1, 0, 1)
    assert s.rate("stock") == 1.0 and s.rate("paraphrase") == 0.0 and s.rate("lookalike") == 0.0


def test_the_models_findings_count_for_their_kind():
    # A KB113 blaming-learned finding on a blame item is the right kind, as a KB103 one is.
    item = wording_batches.Item("en", "Had you kept the receipt like everyone else does, this would have been easy to sort out.",
                                "blaming", "paraphrase", "")
    s = wording_batches.score([item], select=wording_batches.WITH_MODEL)["en"]
    assert (s.caught, s.right_kind, s.tp) == (1, 1, 1)


def test_the_real_world_corpus_is_split_in_two_fixed_halves():
    sources = realworld.sources()
    assert sources, "bench/realworld/ holds the corpus"
    pages = [p for _, _, folder in sources for p in folder.rglob("*.md") if p.name not in realworld.METADATA]
    halves = {realworld.half(p) for p in pages}
    assert halves == {"train", "held-out"}
    assert all(realworld.half(p) == realworld.half(p) for p in pages[:50])
    held_out = set(p for _, _, folder in sources for p in realworld.pages(folder))
    trained = set(p for _, _, folder in sources for p in realworld.pages(folder, "train"))
    assert not held_out & trained and held_out | trained == set(pages)


def test_the_docs_show_the_blind_log_as_it_is():
    from bench import lint_quality

    page = lint_quality.DOCS.read_text(encoding="utf-8")
    assert page == lint_quality.docs_with_log(page, wording_batches.logged()), \
        "run: python bench/lint_quality.py log --write-docs"
