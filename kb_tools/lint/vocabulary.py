"""The project's own words, which the rare-words rule accepts."""

from __future__ import annotations

from kb_tools.lint.language import normalize


class Vocabulary:
    """The project's own words (``kb/lint: vocabulary``); an entry ending in ``*`` accepts every form of a stem."""

    def __init__(self, entries=()):
        words = [normalize(e.strip().lower())[0] for e in entries]
        self.words = frozenset(w for w in words if not w.endswith("*"))
        self.stems = tuple(w[:-1] for w in words if w.endswith("*") and len(w) > 2)

    def accepts(self, word: str) -> bool:
        return word in self.words or word.startswith(self.stems)
