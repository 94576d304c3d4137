"""The lint engine on whole pages: positions, suppression, selection, languages, unreadable files."""

import pytest

from kb_tools.contacts.load import parse_registry
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.select import Selector
from tests.conftest import VALID_REGISTRY


def lint(text, path="page.md", registry=None, **selector):
    return Linter(Settings(Selector(**selector) if selector else Selector()), registry).lint_text(text, path)


def test_finding_has_exact_position_and_message():
    text = "---\ntitle: Refunds\n---\n\nWe refund you — «быстро» — pursuant to the rules.\n"
    (d,) = lint(text)
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 28, 5, 39)
    assert text.split("\n")[4][d.column - 1:d.end_column - 1] == "pursuant to"
    assert (d.code, d.slug, str(d.severity)) == ("KB101", "bureaucratic", "warning")
    assert d.message == "'pursuant to' is officialese. Say what happens, in everyday words."


def test_matches_across_a_line_break_and_emphasis():
    (d,) = lint("We will act in\naccordance with your wishes. And **prior** to that.\n", select=("KB101",))[:1]
    assert (d.line, d.column, d.end_line) == (1, 13, 2)


def test_code_links_and_comments_are_not_checked():
    text = "Use `pursuant to` in code.\n\n```\npursuant to\n```\n\n<!-- pursuant to -->\n[link](https://x.example/pursuant-to)\n"
    assert lint(text) == []


def test_prose_in_lists_tables_and_admonitions_is_checked():
    text = "- Pursuant to A\n\n| a |\n|---|\n| prior to B |\n\n!!! note\n    Kindly note C.\n"
    assert [(d.line, d.code) for d in lint(text)] == [(1, "KB101"), (5, "KB101"), (8, "KB101")]


@pytest.mark.parametrize("text", [
    "<!-- kb-lint disable KB101 -->\nPursuant to this.\n<!-- kb-lint enable -->\n",
    "<!-- kb-lint disable KB1 -->\nPursuant to this.\n",
    "<!-- kb-lint disable -->\nPursuant to this.\n",
    "<!-- kb-lint disable-next-line KB101 -->\n\nPursuant to this.\n",
    "Pursuant to this. <!-- kb-lint disable-line KB101 -->\n",
    "---\nkb_lint: off\n---\nPursuant to this.\n",
    "---\nkb_lint: {ignore: [KB1]}\n---\nPursuant to this.\n",
])
def test_suppression(text):
    assert [d.code for d in lint(text)] == []


def test_suppression_ends_where_it_is_enabled_again():
    text = "<!-- kb-lint disable KB101 -->\nPursuant to A.\n<!-- kb-lint enable KB101 -->\nPursuant to B.\n"
    assert [d.line for d in lint(text)] == [4]


def test_disable_next_line_covers_only_that_line():
    text = "<!-- kb-lint disable-next-line -->\nPursuant to A.\nPursuant to B.\n"
    assert [d.line for d in lint(text)] == [3]


def test_bad_suppression_comment_is_reported_not_ignored():
    found = lint("<!-- kb-lint disabel KB101 -->\nPursuant to A.\n")
    assert [d.code for d in found] == ["KB002", "KB101"]
    found = lint("<!-- kb-lint disable XY12 -->\nText.\n")
    assert [d.code for d in found] == ["KB002"] and "'XY12' is not a rule code" in found[0].message


@pytest.mark.parametrize("selector,expected", [
    ({"select": ("KB3",)}, []),
    ({"ignore": ("KB101",)}, []),
    ({"select": ("KB1",), "ignore": ("KB10",)}, []),
    ({"select": ("KB1",), "ignore": ("KB2",)}, ["KB101"]),
    ({"per_file_ignores": {"legal/*.md": ("KB101",)}}, []),
])
def test_selection_by_prefix(selector, expected):
    assert [d.code for d in lint("Pursuant to A.\n", path="docs/legal/terms.md", **selector)] == expected


def test_per_file_ignores_only_match_their_files():
    found = lint("Pursuant to A.\n", path="docs/billing/refund.md", per_file_ignores={"legal/*.md": ("KB101",)})
    assert [d.code for d in found] == ["KB101"]


def test_language_without_pack_gets_one_info():
    found = lint("---\nlang: de\n---\nPursuant to nothing, Sie zahlen.\n")
    assert [(d.code, str(d.severity)) for d in found] == [("KB003", "info")]
    assert "'de'" in found[0].message


def test_english_rules_do_not_run_on_other_languages():
    assert "KB101" not in [d.code for d in lint("Pursuant to.\n", path="docs/ru/page.md")]


def test_unknown_contact_id_with_fix():
    registry = parse_registry(VALID_REGISTRY)
    (d,) = lint("Write to {{ contact.suport-email }} today.\n", registry=registry)
    assert (d.code, d.line, d.column, d.end_column) == ("KB304", 1, 10, 36)
    assert "did you mean 'support-email'?" in d.message
    assert d.fix == "{{ contact.support-email }}"
    assert lint("Write to `{{ contact.nope }}` in code.\n", registry=registry) == []
    assert [d.code for d in lint("{{ contact.support-email.colour }}\n", registry=registry)] == ["KB304"]


def test_unreadable_files_are_diagnostics(write):
    bad = write("bad.md", "Plačilo\n".encode("cp1250"))
    (d,) = Linter().lint_file(str(bad))
    assert (d.code, str(d.severity), d.line) == ("KB001", "error", 1)
    assert "not valid UTF-8" in d.message
    # NUL bytes are valid UTF-8 but no text file has them: an image or archive named .md
    binary = write("image.md", b"Title\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d,) = Linter().lint_file(str(binary))
    assert (d.code, d.line) == ("KB001", 4) and "binary file" in d.message  # the NUL is on line 4
    # a template in front matter is a mapping key to YAML: one finding, not a traceback
    (d,) = Linter().lint_text("---\ntitle: x\n{{ site.name }}: y\n---\nBody.\n", "hugo.md")
    assert (d.code, d.line) == ("KB001", 3) and "plain value" in d.message
    (d,) = Linter().lint_text("---\ntitle: [x\n---\nBody.\n", "fm.md")
    assert d.code == "KB001" and "invalid YAML" in d.message and d.line >= 2
    # YAML reads an impossible date, Python refuses it: one finding at its line, no traceback
    (d,) = Linter().lint_text("---\ntitle: X\nreview_by: 2027-02-30\n---\nBody.\n", "date.md")
    assert (d.code, d.line) == ("KB001", 3) and "invalid value for 'review_by'" in d.message


def test_front_matter_contact_is_checked_too():
    registry = parse_registry(VALID_REGISTRY)
    (d,) = lint("---\ntitle: A\ncontact: suport-email\n---\nText.\n", registry=registry)
    assert (d.code, d.line, d.column) == ("KB304", 3, 1)
    assert d.message.startswith("Front matter 'contact: suport-email' names no channel; did you mean 'support-email'?")
    assert d.fix == "contact: support-email"


def test_unknown_field_message_names_the_field():
    (d,) = lint("{{ contact.support-email.colour }}\n", registry=parse_registry(VALID_REGISTRY))
    assert d.message.startswith("Contact 'support-email' has no field 'colour'; fields are value, label")


def test_hebrew_gershayim_is_not_a_quotation_mark():
    # בע"מ is an abbreviation; the apology after it is a real hit, not a quoted mention.
    found = lint("---\nlang: he\n---\nזרנקו בע\"מ מתנצלת על אי הנוחות שנגרמה בגלל החיוב של 30 ש\"ח.\n", select=("KB106",))
    assert [d.code for d in found] == ["KB106"]


def test_messages_quote_the_words_without_markup():
    (d,) = lint("HTTP headers must be sent _prior_ to calling it.\n")
    assert d.message.startswith("'prior to' is officialese")


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_files_in_workers_matches_one_process_and_restores_the_collector(write, jobs):
    import gc

    paths = [str(write(f"p{i}.md", "Pursuant to the terms, we refund you.\n" * (i + 1))) for i in range(5)]
    threshold = gc.get_threshold()
    found = Linter().lint_files(paths, jobs=jobs)
    assert [(d.path, d.line, d.code) for d in found] == [(p, line, "KB101") for i, p in enumerate(paths) for line in range(1, i + 2)]
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_page_too_large_to_be_an_article_is_refused_quickly(write):
    from kb_tools.markdown_source import PAGE_LIMIT

    big = write("big.md", b"word " * (PAGE_LIMIT // 5 + 1))
    (d,) = Linter().lint_file(str(big))
    assert d.code == "KB001" and "too large to check" in d.message


def test_a_folder_that_cannot_be_listed_is_an_input_error(tmp_path, monkeypatch):
    from kb_tools.errors import InputError
    from kb_tools.lint import engine

    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    real_walk = engine.os.walk

    def walk(top, onerror=None, **kw):  # as os.walk does for a folder without read permission
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(engine.os, "walk", walk)
    with pytest.raises(InputError, match="cannot read folder: Permission denied"):
        engine.markdown_files([str(tmp_path)])


def test_a_byte_order_mark_an_empty_file_and_a_looping_link_are_fine(tmp_path):
    from kb_tools.lint import engine

    (tmp_path / "bom.md").write_bytes("\ufeff# Refunds\n\nWe refund you within five days.\n".encode("utf-8"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "back").symlink_to(tmp_path, target_is_directory=True)
    files = engine.markdown_files([str(tmp_path)])
    assert sorted(p.rsplit("/", 1)[-1] for p in files) == ["bom.md", "empty.md"]  # the loop is not followed
    assert Linter().lint_files(files) == []
