"""``kb lint --changed-since BASE``: the lines a branch adds, from git.

A pull request should be judged on what it changes: a finding on a line it did not touch
belongs to whoever wrote that line. The added lines are those of ``git diff`` between the
merge base of BASE and HEAD and the working tree (so uncommitted edits count when run
locally), plus every line of files git does not track yet.
"""

from __future__ import annotations

import os
import re
import subprocess

from kb_tools.errors import InputError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
_FILE = re.compile(r"^\+\+\+ (?:b/)?(.+)$", re.MULTILINE)
ALL = None
"""A file whose every line is new."""


def _git(*args: str) -> str:
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise InputError("--changed-since", None, "needs git, which is not installed") from None
    if result.returncode != 0:
        said = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise InputError("--changed-since", None, f"git {args[0]}: {said}")
    return result.stdout


def added_lines(base: str) -> dict[str, set[int] | None]:
    """Real path of each changed file → its added line numbers (``ALL`` for a new, untracked file)."""
    top = _git("rev-parse", "--show-toplevel").strip()
    merge_base = _git("merge-base", base, "HEAD").strip()
    diff = _git("-C", top, "-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", merge_base)
    changed: dict[str, set[int] | None] = {}
    # Each file's part of the diff starts with "diff --git"; its "+++" line names the new path.
    for part in re.split(r"^diff --git ", diff, flags=re.MULTILINE)[1:]:
        name = _FILE.search(part)
        if name is None or name.group(1) == "/dev/null":
            continue  # deleted
        lines: set[int] = set()
        for hunk in _HUNK.finditer(part):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
        changed[os.path.realpath(os.path.join(top, _unquote(name.group(1))))] = lines
    for name in _git("-C", top, "ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if name:
            changed[os.path.realpath(os.path.join(top, name))] = ALL
    return changed


def _unquote(name: str) -> str:
    """git quotes unusual path names ("docs/caf\\303\\251.md")."""
    if not (name.startswith('"') and name.endswith('"')):
        return name.rstrip("\t")
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "replace")


def keep(diagnostic, changed: dict[str, set[int] | None]) -> bool:
    """Whether a finding touches a line the change adds."""
    key = os.path.realpath(diagnostic.path)
    if key not in changed:
        return False
    lines = changed[key]
    return lines is ALL or any(n in lines for n in range(diagnostic.line, diagnostic.end_line + 1))


def touched(path: str, changed: dict[str, set[int] | None]) -> bool:
    return os.path.realpath(path) in changed
