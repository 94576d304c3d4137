"""Which codes run: ``--select``/``--ignore`` prefixes and per-file ignores (ruff's rules of precedence).

The longest matching prefix decides, so ``--select KB1 --ignore KB10 --select KB105`` …
reads naturally: ``KB105`` runs, the rest of ``KB10x`` does not, all other ``KB1xx`` do.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from typing import Iterable

_PREFIX = re.compile(r"^KB\d{0,3}$")
OPT_IN_PREFIX = len("KB11")
"""The shortest select prefix that reaches an opt-in rule: its family (KB11) or its code."""


def parse_codes(values: Iterable[str] | str | None, what: str) -> tuple[str, ...]:
    """``"KB1, KB201"`` or ``["KB1", "KB201"]`` → ``("KB1", "KB201")``; ValueError on a bad prefix."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    codes = []
    for value in values:
        for code in re.split(r"[,\s]+", str(value).strip()):
            if not code:
                continue
            code = code.upper()
            if code == "ALL":
                code = "KB"
            if not _PREFIX.match(code):
                raise ValueError(f"{what}: '{code}' is not a rule code or prefix (for example KB1, KB101, KB3)")
            codes.append(code)
    return tuple(codes)


class Selector:
    def __init__(self, select=("KB",), ignore=(), per_file_ignores: dict | None = None):
        self.select = tuple(select) or ("KB",)
        self.ignore = tuple(ignore)
        self.per_file_ignores = {glob: tuple(codes) for glob, codes in (per_file_ignores or {}).items()}

    def enabled(self, code: str, path: str = "", opt_in: bool = False) -> bool:
        """Whether ``code`` runs on ``path``. An ``opt_in`` rule needs a select prefix naming its
        family or itself (``KB11``, ``KB113``): ``KB`` and ``KB1`` do not reach it."""
        ignore = self.ignore + tuple(c for glob, codes in self.per_file_ignores.items() if _matches(path, glob) for c in codes)
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
        if opt_in and best_select < OPT_IN_PREFIX:
            return False
        return best_select >= 0 and best_select > best_ignore


def _matches(path: str, glob: str) -> bool:
    path = path.replace("\\", "/")
    return fnmatch(path, glob) or fnmatch(path, f"*/{glob}") or fnmatch(path.rsplit("/", 1)[-1], glob)
