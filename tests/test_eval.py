"""The labelled evaluation sets: size, balance and the quality target (F1 ≥ 0.90 per language)."""

import pytest

from kb_tools.lint.language import PACK_LANGUAGES
from tests import eval_set


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_each_language_has_a_balanced_set(lang):
    items = eval_set.load(lang)
    flagged = [i for i in items if i.get("flag")]
    assert len(items) >= 40
    assert 0.4 <= len(flagged) / len(items) <= 0.6


@pytest.mark.parametrize("lang", PACK_LANGUAGES)
def test_quality_target(lang):
    result = eval_set.score(lang)
    detail = "\n".join(f"  {text!r}: expected {exp}, found {got}" for text, exp, got in result.misses)
    assert result.f1 >= 0.90, f"{lang}: F1 {result.f1:.2f}\n{detail}"
