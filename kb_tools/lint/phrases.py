"""Phrase lists compiled into one trie-shaped regular expression.

An alternation of hundreds of phrases makes Python's regex engine try each at every
position; sharing prefixes (``pursuant to|purchase`` → ``pur(?:suant to|chase)``) and
starting with ``\\b`` lets it skip most positions at C speed. Measured on 440k words:
18× faster than the plain alternation.

Phrase syntax: words separated by spaces (matching any white space); ``*`` at the end
of a word matches any ending (``данн*`` → данный, данного …). Phrases are normalised
like the text they meet (see ``language.normalize``) and matched as whole words.
"""

from __future__ import annotations

import re

from kb_tools.lint.language import normalize

_END = ""  # marks the end of a phrase in the trie
_SPACE = " "
_STEM = "*"


def _atoms(phrase: str) -> list[str]:
    text = " ".join(normalize(phrase.strip())[0].lower().split())
    atoms = []
    for i, ch in enumerate(text):
        if ch == "*" and (i + 1 == len(text) or text[i + 1] == " ") and i > 0:
            atoms.append(_STEM)
        else:
            atoms.append(ch)
    return atoms


def _atom_regex(atom: str) -> str:
    if atom == _SPACE:
        return r"\s+"
    if atom == _STEM:
        return r"\w*"
    return re.escape(atom)


def _emit(node: dict, last: str) -> str:
    """Regex for a trie node; ``last`` is the atom that led here (for the closing word boundary)."""
    ends = _END in node
    branches = [_atom_regex(atom) + _emit(child, atom) for atom, child in sorted(node.items()) if atom != _END]
    end = r"(?!\w)" if (re.match(r"\w", last) or last == _STEM) else ""
    if not branches:
        return end
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body}|{end})" if end else f"(?:{body})?"
    return body


def trie_regex(phrases: list[str]) -> str:
    """One regex source matching any of ``phrases`` as whole words (case is left to the flags)."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[_END] = {}
    word_start = {a: c for a, c in root.items() if re.match(r"\w", a)}
    other = {a: c for a, c in root.items() if a not in word_start}
    parts = []
    if word_start:
        parts.append(r"\b" + _emit(word_start, _SPACE))
    if other:
        parts.append(r"(?<!\w)" + _emit(other, _SPACE))
    return "|".join(parts)
