"""Rule packs: YAML files under ``kb_tools/lint/packs/<lang>/<slug>.yml`` (``common/`` for every language).

A rule file's name is its slug; the same slug carries the same code in every language,
so ``--select``, suppression comments, docs and SARIF all speak of one code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kb_tools import yamlsource
from kb_tools.errors import InputError
from kb_tools.lint.checks import check_types
from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.prefilter import REQUIREMENTS
from kb_tools.lint.rule import COMMON, Rule

HEADER = ("code", "slug", "check", "severity", "message", "summary", "description", "examples", "opt_in")
_CODE = re.compile(r"^KB\d{3}$")
_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


def packs_root() -> Path:
    return Path(str(resources.files("kb_tools.lint") / "packs"))


def load_rule(path: Path, lang: str) -> Rule:
    where = str(path)
    data = yamlsource.load(yamlsource.read_text(path), where)
    if not isinstance(data, dict):
        raise InputError(where, 1, "a rule file must be a mapping")
    for key in ("code", "slug", "check", "severity", "message", "summary", "description", "examples"):
        if key not in data:
            raise InputError(where, data.line, f"missing '{key}'")
    code, slug = str(data["code"]), str(data["slug"])
    if not _CODE.match(code):
        raise InputError(where, data.line_of("code"), f"code '{code}' must look like KB101")
    if not _SLUG.match(slug) or slug != path.stem:
        raise InputError(where, data.line_of("slug"), f"slug '{slug}' must be kebab-case and equal the file name '{path.stem}'")
    types = check_types()
    if data["check"] not in types:
        raise InputError(where, data.line_of("check"), f"unknown check '{data['check']}'; known: {', '.join(sorted(types))}")
    check_type = types[data["check"]]
    options = {k: v for k, v in data.items() if k not in HEADER}
    for key in options:
        if key not in check_type.options:
            raise InputError(where, data.line_of(key), f"unknown key '{key}' for check '{check_type.name}'")
    examples = data["examples"]
    if not isinstance(examples, dict) or not examples.get("fail") or not examples.get("pass"):
        raise InputError(where, data.line_of("examples"), "'examples' needs non-empty 'fail' and 'pass' lists")
    if not isinstance(examples.get("info") or [], list):
        raise InputError(where, data.line_of("examples"), "'examples: info' must be a list (texts flagged as info only)")
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise InputError(where, data.line_of("severity"), str(exc)) from None
    opt_in = data.get("opt_in", False)
    if not isinstance(opt_in, bool):
        raise InputError(where, data.line_of("opt_in"), "'opt_in' must be true or false")
    return Rule(code, slug, lang, check_type(options, lang, where), severity, str(data["message"]).strip(),
                str(data["summary"]).strip(), str(data["description"]).strip(),
                {"fail": list(examples["fail"]), "pass": list(examples["pass"]), "info": list(examples.get("info") or [])},
                where, opt_in)


def _folders() -> list[Path]:
    return sorted(p for p in packs_root().iterdir() if p.is_dir() and not p.name.startswith("_"))


@lru_cache(maxsize=None)
def _pack(folder_name: str) -> tuple[Rule, ...]:
    """One folder's rules, validated and compiled once per process (only when a page needs them)."""
    folder = packs_root() / folder_name
    lang = COMMON if folder_name == "common" else folder_name
    rules = tuple(load_rule(path, lang) for path in sorted(folder.glob("*.yml")))
    REQUIREMENTS.save()
    return rules


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    """Every rule of every pack, with codes checked across languages (`kb rules`, docs, tests)."""
    rules = [rule for folder in _folders() for rule in _pack(folder.name)]
    _check_codes(rules)
    return tuple(rules)


def _check_codes(rules) -> None:
    """A code names one concept: one slug, everywhere."""
    slug_of: dict[str, Rule] = {}
    code_of: dict[str, Rule] = {}
    for rule in rules:
        other = slug_of.setdefault(rule.code, rule)
        if other.slug != rule.slug:
            raise InputError(rule.source, None, f"code {rule.code} is already used by '{other.slug}' in {other.source}")
        other = code_of.setdefault(rule.slug, rule)
        if other.code != rule.code:
            raise InputError(rule.source, None, f"slug '{rule.slug}' has code {other.code} in {other.source}")


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    return tuple(f.name for f in _folders() if f.name != "common")


@lru_cache(maxsize=None)
def rules_for(lang: str) -> tuple[Rule, ...]:
    """The rules a page in ``lang`` is checked with: its pack (if any) plus the common rules.

    Only these packs are loaded: compiling all six languages' patterns costs about a second."""
    rules = _pack("common") + (_pack(lang) if lang in languages() else ())
    _check_codes(rules)
    return rules


def by_code() -> dict[str, list[Rule]]:
    table: dict[str, list[Rule]] = {}
    for rule in all_rules():
        table.setdefault(rule.code, []).append(rule)
    return dict(sorted(table.items()))
