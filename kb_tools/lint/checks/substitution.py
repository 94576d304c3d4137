"""``substitution``: flag a phrase that has a plainer equivalent, and offer it as the fix.

Options: ``swap`` maps a phrase (same syntax as ``existence`` tokens, without ``*``) to its
replacement; ``exceptions`` and ``quoted`` as in ``existence``. The message may use
``{match}`` and ``{replacement}``. It is ``existence`` with every token fixable.
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint.checks.existence import Existence


class Substitution(Existence):
    name = "substitution"
    options = ("swap", "exceptions", "quoted")

    def __init__(self, options: dict, lang: str, where: str):
        swap = options.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise InputError(where, None, "check 'substitution' needs a 'swap' mapping of phrase → replacement")
        super().__init__({"tokens": [str(k) for k in swap], "fixes": {str(k): str(v) for k, v in swap.items()},
                          "exceptions": options.get("exceptions"), "quoted": options.get("quoted", False)}, lang, where)
