"""The prefilter's stored analysis: a warm start must lint exactly like a cold one."""

import re

import pytest

from kb_tools.errors import InputError
from kb_tools.lint import packs
from kb_tools.lint.checks.existence import Existence
from kb_tools.lint.prefilter import MISSING, RequirementStore, required_literals


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store in an empty cache folder, in place of the process-wide one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = RequirementStore()
    monkeypatch.setattr("kb_tools.lint.checks.existence.REQUIREMENTS", fresh)
    return fresh


def _units(lang):
    return [u for path in sorted((packs.packs_root() / lang).glob("*.yml"))
            for u in getattr(packs.load_rule(path, lang).check, "units", ())]


@pytest.mark.parametrize("lang", ["en", "ru", "he"])
def test_a_warm_start_reads_the_same_requirements_and_compiles_later(store, lang):
    cold = _units(lang)
    assert all(u._pattern is not None for u in cold)  # analysed now: compiled to validate
    store.save()
    reloaded = RequirementStore()
    assert reloaded.name == store.name
    for unit in cold:
        assert reloaded.get(unit.source, unit.flags) == required_literals(unit.source, unit.flags)
    warm = _units(lang)  # the fixture's store, now holding every pattern
    assert [u.requirement for u in warm] == [u.requirement for u in cold]
    assert all(u._pattern is None for u in warm)
    assert warm[0].pattern.pattern == warm[0].source and warm[0].pattern.flags & re.IGNORECASE


def test_a_damaged_cache_file_is_ignored_and_rewritten(store, tmp_path):
    cache = tmp_path / "kb_tools" / store.name
    cache.parent.mkdir(parents=True)
    cache.write_text('[["(?:x)", 2, "not a list of literals"', encoding="utf-8")
    assert store.get("(?:ab)", re.IGNORECASE) is MISSING
    store.put("(?:ab)", re.IGNORECASE, required_literals("(?:ab)", re.IGNORECASE))
    store.save()
    assert RequirementStore().get("(?:ab)", re.IGNORECASE).literals == {"ab"}


def test_a_new_invalid_pattern_is_still_an_error_at_load(store):
    with pytest.raises(InputError, match="invalid regular expression"):
        Existence({"patterns": ["(unclosed"]}, "en", "packs/en/x.yml")
