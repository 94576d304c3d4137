"""The wording model (KB111–KB117): what it reports, how it explains it, and how it can be
switched off. Its quality is measured blind in bench/ (bench/lint_quality.py), not here."""

import gzip
import json
import math

import pytest

from kb_tools.lint import wording_model
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.language import PACK_LANGUAGES
from kb_tools.lint.select import Selector
from tests import eval_set

BLAME = "Had you kept the receipt like everyone else does, this would have been easy to sort out."


def lint(text, select=("KB1", "KB11"), ignore=(), lang="en"):
    return Linter(Settings(Selector(select=select, ignore=ignore))).lint_text(text + "\n", f"page.{lang}.md")


def test_a_paraphrase_without_a_listed_phrase_is_found_named_and_underlined():
    found = lint(BLAME)
    assert [d.code for d in found] == ["KB113"]  # the phrase rule KB103 has nothing to say here
    d = found[0]
    assert d.severity is Severity.WARNING and d.slug == "blaming-learned"
    underlined = BLAME[d.column - 1:d.end_column - 1]
    assert 1 <= len(underlined.split()) <= 4 and f"'{underlined}'" in d.message


def test_quoted_text_is_mentioned_not_used():
    assert lint(f'Never write "{BLAME}" to a customer.') == []


def test_the_model_is_opt_in():
    assert lint(BLAME, select=()) == [] and lint(BLAME, select=("KB",)) == [] and lint(BLAME, select=("KB1",)) == []
    assert [d.code for d in lint(BLAME, select=("KB", "KB113"))] == ["KB113"]


def test_the_model_can_be_switched_off_alone_or_one_kind_at_a_time():
    assert lint(BLAME, ignore=("KB11",)) == []
    assert lint(BLAME, ignore=("KB113",)) == []
    assert [d.code for d in lint(BLAME, ignore=("KB114",))] == ["KB113"]
    page = "---\nkb_lint: {ignore: [KB113]}\n---\n" + BLAME
    assert lint(page) == []
    assert lint(BLAME, select=("KB11",), ignore=("KB11",)) == []


def test_a_sentence_the_phrase_rule_already_reports_is_not_reported_again():
    text = "It's your fault, since you should have kept the receipt like everyone else."
    codes = [d.code for d in lint(text)]
    assert "KB103" in codes and "KB113" not in codes


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_every_pack_language_ships_a_model_trained_on_these_features(lang):
    model = wording_model.load(lang)
    assert model is not None and model.lang == lang
    assert 0.5 <= model.warning <= 0.99 and model.info == model.warning  # no info band: see the training script
    assert model.classes[model.none] == "none" and set(model.kinds) == {"bureaucratic", "legal-reference", "blaming", "condescending", "passing-the-buck",
                                "robotic", "flat-refusal"}


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_the_fast_gate_sums_exactly_the_model_features(lang):
    model = wording_model.load(lang)
    for item in eval_set.load(lang)[:40]:
        tokens = [w.text for w in wording_model.words(item["text"].lower())]
        slow = model.gate_bias + sum(model.gate.get(f, 0.0) for f, _ in wording_model.features(tokens, lang))
        assert model.gate_logit(tokens) == pytest.approx(slow)
        assert wording_model.tokens(item["text"]) == tokens


@pytest.mark.parametrize("key,version", [("features_version", wording_model.FEATURES_VERSION), ("format", wording_model.MODEL_FORMAT)])
def test_a_model_trained_on_other_features_or_in_another_format_is_refused(key, version):
    path = wording_model.resources.files("kb_tools.lint").joinpath("models/wording-en.json.gz")
    data = json.loads(gzip.decompress(path.read_bytes()))
    data[key] = version + 1
    with pytest.raises(ValueError, match="rebuild it"):
        wording_model.WordingModel(data)


REFUSAL = "Changing the delivery date is not something we do once the order is packed."


def test_a_sentence_is_judged_with_the_next_one():
    """A "no" followed by what happens instead is not a flat no: the model reads the pair."""
    assert [d.code for d in lint(REFUSAL, select=("KB11",))] == ["KB117"]
    alternative = " I've booked you on Friday's delivery instead, and the driver will text you an hour before."
    assert lint(REFUSAL + alternative, select=("KB11",)) == []


def test_a_sentence_is_judged_with_the_previous_one():
    fixed = "The delivery date stays as it is once the order is packed."
    assert [d.code for d in lint(fixed, select=("KB11",))] == ["KB117"]
    before = "You can still pick your parcel up from our depot on any weekday before 6 pm. "
    assert lint(before + fixed, select=("KB11",)) == []


def test_word_pieces_tie_an_unseen_inflected_form_to_a_seen_one():
    """Four-letter pieces are shared by inflected forms: "refunding" and "refunded" share " ref", "refu", "efun", "fund"."""
    assert set(wording_model.grams("refunding")) & set(wording_model.grams("refunded")) == {" ref", "refu", "efun", "fund"}
    assert wording_model.grams("we") == [" we "]


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_the_fast_prediction_sums_exactly_the_model_features(lang):
    """predict() sums rows word by word; the reference is the classifier over features():
    softmax over the kinds and none, the kind with the highest score other than none."""
    model = wording_model.load(lang)
    checked = 0
    for text in [item["text"] for item in eval_set.load(lang)][:80]:
        tokens = wording_model.tokens(text)
        scores = list(model.class_bias)
        for f, _ in wording_model.features(tokens, lang):
            for k, w in enumerate(model.class_weights.get(f, [0.0] * len(scores))):
                scores[k] += w
        total = sum(math.exp(z - max(scores)) for z in scores)
        fault = 1 - math.exp(scores[model.none] - max(scores)) / total
        found = model.predict(tokens)
        if fault < model.info:
            assert found is None
            continue
        checked += 1
        assert found.probability == pytest.approx(fault)
        faulty = [k for k in range(len(scores)) if k != model.none]
        assert found.kind == model.classes[max(faulty, key=scores.__getitem__)]
    assert checked >= 10


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_the_gate_lets_through_what_the_classifier_warns_about(lang):
    """The cheap gate's threshold holds back at most 1% of the classifier's warnings out of
    fold; on the in-sample set it should hold back almost none."""
    model = wording_model.load(lang)
    warned = [wording_model.tokens(item["text"]) for item in eval_set.load(lang)]
    warned = [t for t in warned if model.predict(t) is not None]
    held = sum(not model.passes_gate(t) for t in warned)
    assert warned and held <= max(1, len(warned) // 20)


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_scores_of_two_sentences_join_exactly(lang):
    """A sentence read with its neighbour: joined() from each part's scores equals scoring the pair."""
    model = wording_model.load(lang)
    texts = [item["text"] for item in eval_set.load(lang)][:30]
    for a, b in zip(texts, texts[1:]):
        ta, tb = wording_model.tokens(a), wording_model.tokens(b)
        joined = model.joined(model.scores(ta), ta, model.scores(tb), tb)
        assert joined == pytest.approx(model.scores(ta + tb))
