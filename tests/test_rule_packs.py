"""Meta-tests over every rule of every pack: examples, codes, slugs and the reference page."""

import tempfile
from pathlib import Path

import pytest
import yaml

from kb_tools.contacts.load import load_registry, parse_registry
from kb_tools.lint import packs
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.site import Site
from kb_tools.lint.rule import COMMON
from kb_tools.lint.select import Selector
from kb_tools.rules_reference import render_markdown
from kb_tools.search.project import SearchSetup
from tests.conftest import ROOT, VALID_REGISTRY

REGISTRY = parse_registry(VALID_REGISTRY)
RULES = packs.all_rules()


def codes_found(rule, text, severities=False):
    lang = "en" if rule.lang == COMMON else rule.lang
    settings = Settings(Selector(select=(rule.code,)), default_lang=lang)
    if hasattr(rule.check, "check_registry"):  # registry rules' examples are contacts.yml files
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "contacts.yml"
            path.write_text(text, encoding="utf-8")
            return [d.code for d in Linter(settings, load_registry(path)).lint_registry()]
    if hasattr(rule.check, "check_site"):  # site rules' examples are small help centres: path → page
        with tempfile.TemporaryDirectory() as folder:
            for name, page in yaml.safe_load(text).items():
                (Path(folder) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(folder) / name).write_text(page, encoding="utf-8")
            site = Site(SearchSetup(folder, frozenset(), "en").build())
            return [d.code for d in Linter(settings, REGISTRY).lint_site(site)]
    found = Linter(settings, REGISTRY).lint_text(text, f"example.{lang}.md")
    return [(d.code, str(d.severity)) for d in found] if severities else [d.code for d in found]


def example_cases(kind):
    return [pytest.param(rule, text, id=f"{rule.lang}/{rule.slug}/{kind}{i}")
            for rule in RULES for i, text in enumerate(rule.examples.get(kind, ()))]


@pytest.mark.parametrize("rule,text", example_cases("fail"))
def test_fail_examples_are_flagged(rule, text):
    assert rule.code in codes_found(rule, text), f"{rule.source}: not flagged: {text!r}"


@pytest.mark.parametrize("rule,text", example_cases("info"))
def test_info_examples_are_suggestions_not_warnings(rule, text):
    found = [severity for code, severity in codes_found(rule, text, severities=True) if code == rule.code]
    assert found and set(found) == {"info"}, f"{rule.source}: expected only info findings for {text!r}, got {found}"


@pytest.mark.parametrize("rule,text", example_cases("pass"))
def test_pass_examples_stay_silent(rule, text):
    assert rule.code not in codes_found(rule, text), f"{rule.source}: flagged: {text!r}"


def test_one_code_one_slug_everywhere():
    seen = {}
    for rule in RULES:
        assert seen.setdefault(rule.code, rule.slug) == rule.slug
    slugs = {}
    for rule in RULES:
        assert slugs.setdefault(rule.slug, rule.code) == rule.code


def test_rule_files_are_named_for_their_slug_and_use_one_suffix():
    root = packs.packs_root()
    for path in root.rglob("*"):
        if path.is_file():
            assert path.suffix == ".yml", f"{path}: packs use .yml only"
    for rule in RULES:
        assert Path(rule.source).stem == rule.slug


def test_every_rule_has_prose_for_explain():
    for rule in RULES:
        assert len(rule.summary) > 20 and len(rule.description) > 80, rule.source


def test_rules_reference_page_is_up_to_date():
    page = (ROOT / "docs/writing/rules.md").read_text(encoding="utf-8")
    assert page == render_markdown(packs.by_code()), "run: kb rules --format markdown > docs/writing/rules.md"


def test_every_code_is_documented_in_the_reference():
    page = (ROOT / "docs/writing/rules.md").read_text(encoding="utf-8")
    for code, rules in packs.by_code().items():
        assert f"## {code} {rules[0].slug}" in page
