"""The one diagnostic record. Checks create it, renderers only read it."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{name}' (use error, warning or info)") from None


class Diagnostic(NamedTuple):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    slug: str
    severity: Severity
    message: str
    fix: str | None = None
    """A safe replacement text for the span, when the rule knows one."""

    def sort_key(self):
        return (self.path, self.line, self.column, self.code)
