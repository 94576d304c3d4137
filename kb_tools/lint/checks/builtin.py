"""Rules the engine itself reports (KB001 unreadable file, KB002 bad suppression comment)."""

from kb_tools.lint.checks import Check


class Builtin(Check):
    name = "builtin"
