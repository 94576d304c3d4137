"""The words customers use that an article may not: ``docs/synonyms.yml``.

::

    en:
      - [refund, money back, reimburse]      # one group: any member finds pages that say another
      - [parcel, package, box]
    ru:
      - [возврат денег, вернуть деньги, компенсация]

A group is a list of words or phrases; a page that says every word of one member is also
found by the others (:data:`kb_tools.search.index.SYNONYM_WEIGHT`), after the language's
folding and stemming, so one form of a word stands for all its forms. Article-specific
phrasings belong in the article's ``questions:``; this file is for words that hold across
the whole help centre.
"""

from __future__ import annotations

import os

from kb_tools.errors import InputError
from kb_tools.yamlsource import load, read_text

FILE = "synonyms.yml"


def load_synonyms(path: str) -> dict[str, list[list[str]]]:
    """Language → groups, from ``path``; a missing file is no synonyms. Bad input is an
    :class:`InputError` naming the file and line."""
    if not os.path.exists(path):
        return {}
    data = load(read_text(path), path) or {}
    if not isinstance(data, dict):
        raise InputError(path, 1, "synonyms.yml maps a language code to a list of groups, e.g. 'en: [[refund, money back]]'")
    result: dict[str, list[list[str]]] = {}
    for lang, groups in data.items():
        line = data.line_of(lang)
        if not isinstance(lang, str) or not isinstance(groups, list):
            raise InputError(path, line, f"'{lang}' must be a language code with a list of groups under it")
        checked = []
        for number, group in enumerate(groups, 1):
            if (not isinstance(group, list) or len(group) < 2
                    or not all(isinstance(m, (str, int)) and str(m).strip() for m in group)):
                raise InputError(path, line, f"group {number} of '{lang}' must be a list of two or more words or phrases, "
                                             f"e.g. [refund, money back]")
            checked.append([str(m) for m in group])
        result[lang.lower()] = checked
    return result
