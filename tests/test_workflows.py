"""The pull-request workflow and the pre-commit hooks call `kb lint` with options that exist."""

from __future__ import annotations

import shlex

import yaml

from kb_tools.cli import build_parser
from tests.conftest import ROOT


def _lint_args(command: str, env: dict) -> list[str]:
    """The arguments after ``kb`` in a shell command, with the workflow's variables filled in."""
    for name, value in env.items():
        command = command.replace(f"${name}", value)
    words = shlex.split(command)
    assert words[:2] == ["kb", "lint"], words
    return words[1:]


def test_prose_workflow_lints_changed_lines_and_uploads_sarif():
    flow = yaml.safe_load((ROOT / ".github/workflows/prose.yml").read_text(encoding="utf-8"))
    trigger = flow[True]["pull_request"]  # YAML 1.1 reads the key `on` as True
    assert "docs/**" in trigger["paths"]
    steps = flow["jobs"]["kb-lint"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    lint = next(s for s in steps if "kb lint" in s.get("run", ""))
    args = build_parser().parse_args(_lint_args(lint["run"], {"BASE_REF": "main", "GITHUB_STEP_SUMMARY": "/tmp/summary.md"}))
    assert (args.format, args.fail_on, args.changed_since) == ("github", "warning", "origin/main")
    assert args.summary_file == "/tmp/summary.md"
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == args.sarif_file
    assert upload["if"].startswith("always()")
    assert flow["permissions"]["security-events"] == "write"


def test_pre_commit_hooks_run_kb_lint_on_markdown():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"kb-lint", "kb-lint-fix"}
    for hook in hooks:
        assert hook["language"] == "python" and hook["types_or"] == ["markdown"]
        build_parser().parse_args(shlex.split(hook["entry"])[1:] + ["docs/index.md"])
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = own["repos"][0]["hooks"][0]
    assert local["entry"] == ".venv/bin/kb lint" and local["files"] == "^docs/"


def test_maintainers_page_shows_the_workflow_as_it_is():
    page = (ROOT / "docs/writing/ci-setup.md").read_text(encoding="utf-8")
    shown = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    workflow = (ROOT / ".github/workflows/prose.yml").read_text(encoding="utf-8")
    assert workflow.endswith(shown), "docs/writing/ci-setup.md: copy .github/workflows/prose.yml (after its comment)"


def test_publish_workflow_builds_with_the_readme_command_and_deploys_site():
    flow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build = flow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in build if "run" in s]
    assert runs == ["make site"] and "make site    #" in readme  # exactly the README's set-up command
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"  # what `make site` writes
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow[True]["push"]["branches"] == ["main"]
