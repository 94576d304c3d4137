"""The core outlives MkDocs (DESIGN §1): kb lint, the registry, the search index builder and
kb report import and run in a Python where MkDocs cannot be imported at all."""

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = r"""
import importlib.abc, sys

class NoMkDocs(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "material", "mkdocs_static_i18n")):
            raise ImportError(f"{name} is not installed here")

sys.meta_path.insert(0, NoMkDocs())
for name in [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")]:
    del sys.modules[name]

from kb_tools.cli import main
from kb_tools.contacts import load_registry
from kb_tools.search import index

registry = load_registry("docs/contacts.yml")
assert len(registry.channels) >= 5
files = index.build("en", [index.Document("a/", "How do I get a refund?", ("money back",), "", "Refunds take five days.")])
assert "manifest.json" in files
assert main(["lint", "docs/billing", "--fail-on", "never"]) == 0
assert main(["report", "--format", "json", "--output", sys.argv[1]]) == 0
assert not [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")], "MkDocs was imported"
print("core ran without MkDocs")
"""


def test_lint_registry_search_index_and_report_run_without_mkdocs(tmp_path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "report.json")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "core ran without MkDocs" in result.stdout
    assert (tmp_path / "report.json").stat().st_size > 100
