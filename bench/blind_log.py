"""The blind logs in bench/results/: one JSON line per batch, holding the batch's first score only.

bench/lint_quality.py keeps bench/results/blind-log.jsonl (wording batches) and
bench/search_quality.py keeps bench/results/search-blind-log.jsonl (search queries). A batch
already in its log is refused: the first score, taken before anyone tunes on the batch, is
the one that counts.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def logged(log: Path) -> list[dict]:
    """The entries of a blind log, oldest first (none when the file does not exist yet)."""
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_logged(log: Path, batch: str) -> bool:
    return any(entry.get("batch") == batch for entry in logged(log))


def append(log: Path, entry: dict) -> None:
    """Add one entry (one line) at the end of the log."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")


def revision(paths: tuple[str, ...] = ("kb_tools",)) -> str:
    """The code revision being scored: the commit, marked ``+dirty`` with uncommitted changes under ``paths``."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--", *paths) else "")
