"""One read of the docs folder for kb/lint and kb/search: each page parsed once, for every reader."""

import json

from kb_tools import source_pages
from kb_tools.lint.engine import Linter, markdown_files
from kb_tools.plugins.source_pass import SourcePass
from kb_tools.search import sources


class Recorder:
    def __init__(self):
        self.pages = []

    def read(self, page):
        self.pages.append(page)

    def finish(self):
        return [(p.src_uri, id(p.doc), p.error is not None) for p in self.pages]


def test_every_reader_gets_the_same_parsed_page(write, tmp_path):
    write("docs/a.md", "# A\n\nPursuant to the terms, we refund you.\n")
    write("docs/ru/b.ru.md", "Привет.\n")
    write("docs/bad.md", b"\xff\xfe not UTF-8\n")
    docs = str(tmp_path / "docs")
    one, two = Recorder(), Recorder()
    found = source_pages.read_all(source_pages.in_folder(docs, markdown_files([docs])), {"one": one, "two": two})
    assert [uri for uri, _, _ in found["one"]] == ["a.md", "bad.md", "ru/b.ru.md"]
    assert found["one"] == found["two"]  # the very same parsed page objects: one parse each
    assert [bad for _, _, bad in found["one"]] == [False, True, False]


def test_lint_and_index_readers_in_one_pass(write, tmp_path):
    write("docs/refund.md", "---\ntitle: Refunds\n---\nPursuant to the terms, we refund you in 5 days.\n")
    write("docs/bad.md", b"\xff\xfe\n")
    docs = str(tmp_path / "docs")
    files = source_pages.in_folder(docs, markdown_files([docs]))
    index_reader = sources.IndexReader([sources.Source(path, uri, uri.replace(".md", "/"), "en") for path, uri in files])
    found = source_pages.read_all(files, {"lint": Linter().reader(), "search": index_reader})
    assert [(d.path.rsplit("/", 1)[-1], d.code) for d in found["lint"]] == [("bad.md", "KB001"), ("refund.md", "KB101")]
    assert json.loads(found["search"]["en"].files["manifest.json"])["count"] == 1  # the unreadable page is left out


def test_the_pass_starts_once_and_each_plugin_collects_its_result(write, tmp_path):
    write("docs/a.md", "Hello.\n")
    docs = str(tmp_path / "docs")
    shared = SourcePass()
    shared.add("one", Recorder())
    shared.add("two", Recorder())
    shared.start(docs)
    job = shared.job
    shared.start(docs)  # the other plugin's call, or a language build's: no second job
    assert shared.job is job
    assert [uri for uri, _, _ in shared.result("one")] == ["a.md"]
    assert [uri for uri, _, _ in shared.result("two")] == ["a.md"]
    assert shared.result("three") is None
    shared.start(docs)  # after the results are in, not again until reset
    assert shared.job is None
    shared.reset()
    assert shared.readers == {} and shared.result("one") is None
