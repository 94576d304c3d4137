"""One background pass over the docs folder for the kb plugins that read every page's source.

kb/lint and kb/search each give a reader (:mod:`kb_tools.source_pages`) to the pass in
their ``on_files``; right after, the pass starts one background job
(:mod:`kb_tools.plugins.background`) that reads and parses each Markdown file once, for
all readers, while MkDocs renders the pages. Each plugin collects its reader's result in
``on_post_build``. mkdocs-static-i18n runs one MkDocs build per language within a command:
only the first starts the pass, and only a new command (or a `mkdocs serve` rebuild)
resets it. One pass per process: MkDocs runs one command at a time.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from kb_tools import source_pages
from kb_tools.lint.engine import markdown_files
from kb_tools.plugins import background
from kb_tools.plugins.pages import language_build


class SourcePass:
    def __init__(self):
        self.readers: dict[str, source_pages.Reader] = {}
        self.job: background.Job | None = None
        self.results: dict | None = None

    def reset(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.readers, self.job, self.results = {}, None, None

    def add(self, name: str, reader: source_pages.Reader) -> None:
        self.readers[name] = reader

    def start(self, docs_dir: str) -> None:
        """Start reading, once: later calls (another plugin's, another language's build) do nothing."""
        if self.job is None and self.results is None and self.readers:
            files = source_pages.in_folder(docs_dir, markdown_files([docs_dir]))
            self.job = background.Job(source_pages.read_all, files, self.readers)

    def result(self, name: str):
        """What reader ``name`` found (waiting for the pass to end); None if it had no reader."""
        if self.job is not None:
            self.results, self.job = self.job.result(), None
        return (self.results or {}).get(name)


PASS = SourcePass()


@event_priority(-80)  # after every plugin's default-priority on_files has added its reader, before mkdocs-static-i18n (-100)
def start_hook(plugin, files, config) -> None:
    """The ``on_files`` part of each plugin with a reader (``CombinedEvent(add_reader, start_hook)``):
    starts the pass in the command's first build."""
    if not language_build(config):
        PASS.start(config.docs_dir)
