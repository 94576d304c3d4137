"""The user's cache folder: data derived from files we ship, kept to save start-up time.

Nothing here is ever downloaded. Each file's name carries what it was derived from (a
library version, a fingerprint of our own rules), so a stale file is never read, only
left behind; a missing, unreadable or read-only cache just means the work is done again.
"""

from __future__ import annotations

import os
from pathlib import Path


def path(name: str) -> Path:
    """``$XDG_CACHE_HOME/kb_tools/name`` (``~/.cache`` when unset)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kb_tools" / name


def read_text(name: str) -> str | None:
    try:
        return path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_text(name: str, text: str) -> None:
    """Best effort, and atomic: parallel runs never see half a file."""
    target = path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass
