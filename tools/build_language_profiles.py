"""Write kb_tools/lint/models/language-profiles.json: the most frequent words of many languages.

    .venv/bin/python tools/build_language_profiles.py

The profiles come from wordfreq (already a dependency, offline), so the file is rebuilt
the same way on any machine with the same wordfreq version: the top words of each
language with their frequency, as a compact log-probability. kb_tools.lint.language_id
reads it to tell which language a page is written in.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import wordfreq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb_tools.lint.language import normalize_words  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "kb_tools/lint/models/language-profiles.json"
TOP = 600
# wordfreq's "sh" (Serbo-Croatian) stands for hr here: our packs say hr, and its Latin top list is Croatian-like.
NAMES = {"sh": "hr"}
SKIP = {"ja", "zh", "ko", "bn", "hi", "ta", "vi", "fil"}  # scripts or tokenisation the identifier does not need


def main() -> None:
    profiles = {}
    for code in sorted(wordfreq.available_languages()):
        if code in SKIP:
            continue
        lang = NAMES.get(code, code)
        words = wordfreq.top_n_list(code, TOP)
        folded = normalize_words([w.lower() for w in words])
        table = {}
        for word, original in zip(folded, words):
            if word and word not in table and not any(c.isdigit() for c in word):
                table[word] = round(math.log10(wordfreq.word_frequency(original, code)), 2)
        profiles[lang] = table
    meta = {"source": f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else ''}".strip(), "top": TOP}
    OUT.write_text(json.dumps({"meta": meta, "profiles": profiles}, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(profiles)} languages, {OUT.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
