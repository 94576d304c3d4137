"""`make site` replaces site/ only when the build succeeds (DEVELOPERS: nothing written half way)."""

import shutil
import subprocess

from tests.conftest import ROOT


def make_site(project):
    # The repository's own virtualenv, marked up to date (-o): make must never reinstall it from the copy.
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-o", f"{venv}/.installed", "site", f"VENV={venv}"], cwd=project,
                          capture_output=True, text=True)


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site customers see today", encoding="utf-8")
    # Prose kb lint accepts, but a link MkDocs cannot resolve: `mkdocs build --strict` fails.
    (project / "docs" / "billing" / "broken-link.md").write_text(
        "---\ntitle: Where is my invoice?\n---\n\nYour invoice is in [your account](no-such-page.md).\n", encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0 and "no-such-page.md" in result.stderr, result.stdout + result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the site customers see today"
    (project / "docs" / "billing" / "broken-link.md").unlink()
    result = make_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Zrnko" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not (project / ".site-new").exists()
