"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same help centre: every
page, the search shards and the contact page are byte for byte those of `mkdocs build`, but
for the generator meta tag."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_what_mkdocs_builds(demo_site, tmp_path):
    properdocs = Path(sys.executable).parent / "properdocs"
    assert properdocs.exists(), "ProperDocs is missing: `make test` installs the test extras, which include it"
    out = tmp_path / "properdocs-site"
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    ours = {p.relative_to(demo_site): p for p in demo_site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out): p for p in out.rglob("*") if p.is_file()}
    assert ours.keys() == theirs.keys()
    assert any(p.parts[-2:] == ("en", "manifest.json") for p in ours) and Path("contact/index.html") in ours
    differ = [str(path) for path in ours
              if GENERATOR.sub(b"", ours[path].read_bytes()) != GENERATOR.sub(b"", theirs[path].read_bytes())]
    assert differ == []
