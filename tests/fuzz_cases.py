"""Hypothesis strategies for what writers feed the tools: Markdown with front matter, RTL and
bidi marks, ZWNJ, combining marks, NUL, very long lines, deep nesting, template tags, and
registry YAML. Shared by tests/test_fuzz.py (a few hundred cases) and bench/fuzz.py (10,000+)."""

from __future__ import annotations

from hypothesis import strategies as st

from kb_tools.errors import InputError
from kb_tools.lint.engine import Linter
from kb_tools.markdown_source import parse
from kb_tools.search import index
from kb_tools.search.sources import Source, document

# Pieces real pages are made of, and the characters that break naive text handling.
SPECIAL = ["\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c", "\u0301", "\u05b7", "\u064b", "\u00ad", "\ufeff",
           "\x00", "\r", "\t", "\u2028", "ё", "ي", "ك", "״", "«", "»", "“", "”", "’", "…", "؟", "،", "۲", "٣"]
PIECES = ["# ", "## ", "- ", "1. ", "> ", "    ", "```\n", "`", "**", "_", "[link](http://x.example/a)", "](", "[",
          "<div>", "</div>", "<!-- kb-lint disable KB101 -->", "<!-- kb-lint enable -->", "{{ contact.support-email }}",
          "{{ contact.nope }}", "{% callout %}", "{: .note}", "| a | b |\n|---|---|\n", "!!! note\n    ", "\n\n", "\n",
          "support@zrnko.example", "+386 1 620 44 80", "Pursuant to", "שלום", "سلام", "Здравствуйте", "čćđšž", ". ", "? "]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SPECIAL), st.text(max_size=30)), max_size=60).map("".join)
FRONT = st.one_of(
    st.just(""),
    st.builds(lambda body: f"---\n{body}\n---\n", st.one_of(
        st.sampled_from(["title: x", "lang: he", "lang: xx", "lang: [", "kb_lint: off", "kb_lint: {ignore: [KB1]}",
                         "questions: [a, b", "review_by: 2027-02-30", "{{ x }}: y", "? [a]\n: b", "title: |\n  x"]),
        st.text(max_size=40))),
)
MARKDOWN = st.builds(lambda front, body, long: front + body + long, FRONT, TEXT,
                     st.one_of(st.just(""), st.integers(1, 4000).map(lambda n: "word " * n)))
NESTED = st.integers(1, 200).map(lambda depth: "> " * depth + "- " * depth + "text")
REGISTRY = st.one_of(
    st.text(max_size=200),
    st.builds(lambda value, kind: (f"organization: X\nregion: SI\nchannels:\n  - id: a\n    type: {kind}\n"
                                   f"    purpose: support\n    value: {value!r}\n    hours: any\n    response_time: fast\n"),
              st.text(max_size=40), st.sampled_from(["email", "phone", "chat", "web", "bogus", "[", ""])),
)

LINTER = Linter()


def lint(text: str) -> None:
    """kb lint on one page: findings or a KB001, never an exception."""
    for d in LINTER.lint_text(text, "fuzz.md"):
        assert d.line >= 1 and d.column >= 1, d


def load_registry(text: str) -> None:
    """The registry loader: a Registry or one InputError naming the file, nothing else."""
    from kb_tools.contacts.load import parse_registry

    try:
        parse_registry(text, "contacts.yml")
    except InputError as exc:
        assert exc.path == "contacts.yml" and exc.message


def build_index(text: str) -> None:
    """The search index builder on a page that parses: every term lands in a shard."""
    try:
        doc = parse(text, "fuzz.md")
    except InputError:
        return
    page = document(Source("fuzz.md", "fuzz.md", "fuzz/", "en"), doc)
    if page is not None:
        files = index.build("en", [page])
        assert b'"format"' in files["manifest.json"]
