"""Prose extraction keeps exact offsets and leaves out what a customer does not read as prose."""

import pytest

from kb_tools.errors import InputError
from kb_tools.markdown_source import parse

PAGE = """---
title: Test
tags: [a]
---
# Title *here*

Para one `inline code` and
  second *line* here, see [the docs](https://x.example/a(b)) or <help@z.example>.

- item **one** {{ contact.support-email }}
  continues https://www.example.com/x.
> quote line

<!-- kb-lint disable KB101 -->

| head | other |
|------|-------|
| cell one | cell two |

```
fenced code
```

    indented code

!!! tip "Admonition title"
    Admonition body text.
"""


@pytest.fixture(scope="module")
def doc():
    return parse(PAGE, "page.md")


def test_offsets_are_source_offsets(doc):
    assert len(doc.prose) == len(PAGE) == len(doc.visible)
    for word in ("Title", "second", "continues", "quote line", "cell two", "Admonition body text", "Admonition title"):
        start = doc.prose.index(word)
        assert PAGE[start:start + len(word)] == word


def test_front_matter_is_read_and_blanked(doc):
    assert doc.meta == {"title": "Test", "tags": ["a"]}
    assert doc.meta.line_of("tags") == 3
    assert "title:" not in doc.prose and "tags:" not in doc.visible


@pytest.mark.parametrize("hidden", ["inline code", "fenced code", "indented code", "kb-lint", "https://x.example", "help@z.example",
                                    "{{ contact", "www.example.com", "*", "`"])
def test_non_prose_is_left_out_of_prose(doc, hidden):
    assert hidden not in doc.prose


@pytest.mark.parametrize("seen", ["https://x.example/a(b)", "help@z.example", "https://www.example.com/x", "{{ contact.support-email }}"])
def test_links_and_urls_stay_visible(doc, seen):
    assert seen in doc.visible


def test_code_is_hidden_even_from_visible_text(doc):
    assert "inline code" not in doc.visible and "fenced code" not in doc.visible


def test_spans_record_links_and_shortcodes(doc):
    kinds = {(s.kind, s.text) for s in doc.spans}
    assert ("link", "https://x.example/a(b)") in kinds
    assert ("autolink", "help@z.example") in kinds
    assert ("shortcode", "{{ contact.support-email }}") in kinds
    assert ("url", "https://www.example.com/x") in kinds  # the full stop after it is not part of the URL


def test_blocks_and_positions(doc):
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "heading" and "table" in kinds and "paragraph" in kinds
    assert doc.position(PAGE.index("second")) == (8, 3)
    assert doc.position(0) == (1, 1)


def test_comments_are_collected(doc):
    assert any("kb-lint disable KB101" in text for _, text in doc.comments)


def test_code_ranges(doc):
    def in_code(offset):
        return any(start <= offset < end for start, end in doc.code)

    assert in_code(PAGE.index("fenced code")) and in_code(PAGE.index("inline code"))
    assert not in_code(PAGE.index("Para one"))


def test_columns_count_code_points():
    text = "Ура «доставка» ✓ pursuant to\n"
    doc = parse(text)
    assert doc.position(text.index("pursuant")) == (1, text.index("pursuant") + 1)


def test_broken_front_matter_names_its_line():
    with pytest.raises(InputError) as info:
        parse("---\ntitle: ok\ntags: [a\n---\nBody\n", "x.md")
    assert str(info.value).startswith("x.md:")
    assert int(str(info.value).split(":")[1]) in (3, 4)


def test_crlf_sources():
    doc = parse("---\r\ntitle: A\r\n---\r\nHello there.\r\n")
    assert doc.meta["title"] == "A"
    assert "Hello there." in doc.prose


@pytest.mark.parametrize("front", ['{\n  "title": "Nadzorna tijela",\n  "aliases": [\n    "dpas"\n  ]\n}\n',
                                   '+++\ntitle = "Nadzorna tijela"\ndate = 2019-02-07\n+++\n'])
def test_hugo_json_and_toml_front_matter_are_not_prose(front):
    """Hugo pages open with JSON or TOML front matter: MkDocs reads none of it, and it is no prose."""
    doc = parse(front + "\nOvo je prva rečenica.\n", "index.md")
    assert "title" not in doc.prose and "Nadzorna" not in doc.prose
    assert "Ovo je prva rečenica." in doc.prose and doc.prose.index("Ovo") == len(front) + 1
    assert doc.meta == {}


def test_a_brace_that_opens_prose_is_not_front_matter():
    doc = parse("{Draft} This page is a draft.\n", "draft.md")
    assert "This page is a draft." in doc.prose


def test_a_backslash_line_break_is_not_prose():
    """"meter.\\" then a new line ends a sentence: the backslash is a hard line break, not a word."""
    doc = parse("Click **Start Monitoring** to see the meter.\\\nIf it turns red, lower the gain.\n", "hint.md")
    assert "\\" not in doc.blocks[0].prose and "meter. \n" in doc.blocks[0].prose


def test_rows_of_a_table_without_its_header_are_table_cells():
    doc = parse("|tipka escape |space z dot 7|\n|tipka Puščica gor |space z dot 2|\n", "keys.md")
    assert [b.kind for b in doc.blocks] == ["table"]
