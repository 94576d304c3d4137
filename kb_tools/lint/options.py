"""Lint options, read the same way from the CLI and from the ``kb/lint`` plugin in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.select import Selector, parse_codes
from kb_tools.lint.vocabulary import Vocabulary

FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class LintOptions:
    select: tuple[str, ...] = ("KB",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict = field(default_factory=dict)
    fail_on: str = "warning"
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    @classmethod
    def from_mapping(cls, data: dict) -> "LintOptions":
        """Validate plugin-style options; raises ValueError with a message naming the option."""
        fail_on = str(data.get("fail_on", "warning"))
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not '{fail_on}'")
        for key in ("select", "ignore", "vocabulary"):
            if data.get(key) is not None and not isinstance(data[key], list):
                raise ValueError(f"{key} must be a list, as in `{key}: [KB1]`")
        per_file = data.get("per_file_ignores") or {}
        if not isinstance(per_file, dict):
            raise ValueError("per_file_ignores must map a file pattern to a list of codes")
        return cls(
            select=parse_codes(data.get("select"), "select") or ("KB",),
            ignore=parse_codes(data.get("ignore"), "ignore"),
            per_file_ignores={str(g): parse_codes(_as_list(c, f"per_file_ignores['{g}']"), f"per_file_ignores['{g}']")
                              for g, c in per_file.items()},
            fail_on=fail_on,
            vocabulary=_vocabulary(data.get("vocabulary")),
        )

    def settings(self, default_lang: str | None):
        from kb_tools.lint.engine import Settings

        return Settings(self.selector(), default_lang, self.vocabulary)

    def selector(self) -> Selector:
        return Selector(self.select, self.ignore, self.per_file_ignores)

    def fails(self, diagnostics) -> bool:
        if self.fail_on == "never":
            return False
        threshold = Severity.parse(self.fail_on)
        return any(d.severity >= threshold for d in diagnostics)


def _vocabulary(value) -> Vocabulary:
    if value is None:
        return Vocabulary()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("vocabulary must be a list of words")
    return Vocabulary(value)


def _as_list(value, what: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list of codes")
    return value
