"""The ``kb`` command: ``kb lint``, ``kb rules``, ``kb explain``, ``kb report``, ``kb search``."""

from __future__ import annotations

import argparse
import json
import os
import sys

from kb_tools import __version__, lint_setup
from kb_tools.lint.site import Site
from kb_tools.report import command as report_command
from kb_tools.search import command as search_command
from kb_tools.search.project import SearchSetup
from kb_tools.errors import ExitStatus, InputError
from kb_tools.lint import changed, fixes, packs
from kb_tools.lint.engine import UNREADABLE, default_jobs, markdown_files
from kb_tools.lint.options import FAIL_ON
from kb_tools.lint.formats import renderers
from kb_tools.rules_reference import render_markdown
from kb_tools.source_pages import display_path
from kb_tools.yamlsource import read_text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="Help-centre tools: lint support writing, list and explain rules.")
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lint = sub.add_parser("lint", help="check Markdown pages for wording, readability and contact problems",
                          description="Check Markdown pages. Exit 0: nothing at or above --fail-on; 1: findings; 2: input error.")
    lint.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: docs_dir of mkdocs.yml, else docs/)")
    lint.add_argument("--format", choices=sorted(renderers()), default="text", help="output format (default: text)")
    lint.add_argument("--lang", help="language of pages that do not say, when mkdocs.yml sets no theme.language (default: en)")
    lint.add_argument("--contacts", metavar="FILE", help="the contact registry (default: from mkdocs.yml, else <docs>/contacts.yml)")
    lint.add_argument("--config-file", metavar="FILE", help="mkdocs.yml to read settings from (default: ./mkdocs.yml if present)")
    lint.add_argument("--select", metavar="PREFIX,...", help="only these codes or prefixes (e.g. KB1,KB304)")
    lint.add_argument("--ignore", metavar="PREFIX,...", help="skip these codes or prefixes")
    lint.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: one per CPU for large trees)")
    lint.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit status 1 (default: warning)")
    lint.add_argument("--changed-since", metavar="BASE", help="report only lines added since the merge base with BASE "
                                                               "(a branch, tag or commit; uses git)")
    lint.add_argument("--sarif-file", metavar="FILE", help="also write SARIF 2.1.0 to FILE (for code scanning)")
    lint.add_argument("--summary-file", metavar="FILE", help="also append a Markdown summary to FILE "
                                                             "(counts per rule, worst files; e.g. $GITHUB_STEP_SUMMARY)")
    lint.add_argument("--fix", action="store_true", help="apply the safe fixes findings carry, then report what is left")
    lint.add_argument("--diff", action="store_true", help="with --fix: print the fixes as a unified diff and write nothing "
                                                          "(exit 1 if there is anything to fix)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help="markdown prints the rules reference page (docs/writing/rules.md)")

    explain = sub.add_parser("explain", help="explain one rule: what it catches, why, and examples")
    explain.add_argument("code", metavar="CODE")
    report_command.add_parser(sub)
    search_command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "lint":
            return run_lint(args)
        if args.command == "rules":
            return run_rules(args)
        if args.command == "report":
            return report_command.run(args)
        if args.command == "search":
            return search_command.run(args)
        return run_explain(args)
    except InputError as exc:
        print(f"kb: error: {exc}", file=sys.stderr)
        return ExitStatus.INPUT_ERROR


def run_lint(args) -> int:
    project = lint_setup.project(args)
    options = lint_setup.options(args, project)
    files = markdown_files(args.paths or [project.docs_dir])
    changed_lines = None
    if args.changed_since:
        changed_lines = changed.added_lines(args.changed_since)
        files = [f for f in files if changed.touched(f, changed_lines)]
    linter = lint_setup.linter(args, project, options)
    jobs = args.jobs if args.jobs is not None else default_jobs(files)
    if jobs < 1:
        raise InputError("--jobs", None, "must be 1 or more")
    diagnostics = linter.lint_registry() + linter.lint_files(files, jobs) + _lint_site(linter, project, files)
    if changed_lines is not None:
        diagnostics = [d for d in diagnostics if changed.keep(d, changed_lines)]
    if args.diff and not args.fix:
        raise InputError("--diff", None, "previews the changes of --fix: use --fix --diff")
    if args.fix:
        with_fix = {d.path for d in diagnostics if d.fix is not None}
        fixable = [path for path in files if path in with_fix]
        texts = {path: read_text(path) for path in fixable}
        edits = {path: found for path in fixable if (found := fixes.plan(texts[path], path, diagnostics))}
        if args.diff:
            for path, found in edits.items():
                sys.stdout.write(fixes.unified_diff(path, texts[path], fixes.apply(texts[path], found)))
            return ExitStatus.FINDINGS if edits else ExitStatus.OK
        for path, found in edits.items():
            fixes.write(path, fixes.apply(texts[path], found))
        count = sum(map(len, edits.values()))
        left = sum(1 for d in diagnostics if d.fix is not None) - count
        print(f"kb: fixed {count} finding{'s' if count != 1 else ''} in {len(edits)} file{'s' if len(edits) != 1 else ''}"
              + (f"; {left} left to fix by hand (inside a link's text, or overlapping another fix)" if left else ""),
              file=sys.stderr)
        relinted = {path: linter.lint_file(path) for path in edits}
        diagnostics = [d for d in diagnostics if d.path not in relinted] + [d for found in relinted.values() for d in found]
        order = {path: i for i, path in enumerate(files)}
        diagnostics.sort(key=lambda d: order.get(d.path, -1))  # stable: the registry's first, then the files in order
    # Only SARIF carries rule metadata; loading every pack costs a second.
    rules = packs.by_code() if "sarif" in (args.format, args.sarif_file and "sarif") else {}
    sys.stdout.write(renderers()[args.format](diagnostics, rules, len(files)))
    if args.sarif_file:
        _write(args.sarif_file, renderers()["sarif"](diagnostics, rules, len(files)), "w")
    if args.summary_file:
        _write(args.summary_file, renderers()["summary"](diagnostics, rules, len(files)), "a")
    if any(d.code == UNREADABLE for d in diagnostics):
        return ExitStatus.INPUT_ERROR
    return ExitStatus.FINDINGS if options.fails(diagnostics) else ExitStatus.OK


def _lint_site(linter, project, files: list[str]) -> list:
    """The site-wide findings (KB4xx) for ``files``, from the project's whole docs folder."""
    if not linter.site_rules() or not os.path.isdir(project.docs_dir):
        return []
    shown = {display_path(f): f for f in files}
    site = Site(SearchSetup.from_project(project).build())
    return [d._replace(path=shown[d.path]) for d in linter.lint_site(site, set(shown))]


def _write(path: str, text: str, mode: str) -> None:
    try:
        with open(path, mode, encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise InputError(path, None, f"cannot write: {exc.strerror}") from None


def run_rules(args) -> int:
    table = packs.by_code()
    rows = [{"code": code, "slug": rules[0].slug, "severity": str(rules[0].severity), "opt_in": rules[0].opt_in,
             "languages": sorted({r.lang for r in rules}), "summary": rules[0].summary} for code, rules in table.items()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return ExitStatus.OK
    if args.format == "markdown":
        sys.stdout.write(render_markdown(table))
        return ExitStatus.OK
    for row in rows:
        shown = row["summary"] + (" (opt-in: --select KB11)" if row["opt_in"] else "")
        print(f"{row['code']}  {row['slug']:<22} {row['severity']:<8} {','.join(row['languages']):<20} {shown}")
    return ExitStatus.OK


def run_explain(args) -> int:
    table = packs.by_code()
    code = args.code.upper()
    if code not in table:
        slugs = {rules[0].slug: c for c, rules in table.items()}
        if args.code in slugs:
            code = slugs[args.code]
        else:
            raise InputError("kb explain", None, f"no rule '{args.code}'; `kb rules` lists them")
    rules = table[code]
    first = next((r for r in rules if r.lang in ("en", "*")), rules[0])
    print(f"{code} {first.slug} ({first.severity}{', opt-in: runs only with --select ' + code[:4] if first.opt_in else ''})\n")
    print(first.summary + "\n")
    print(first.description + "\n")
    print("Languages: " + ", ".join(sorted("all" if r.lang == "*" else r.lang for r in rules)) + "\n")
    print("Flagged:\n  " + first.examples["fail"][0].replace("\n", "\n  "))
    print("\nFine:\n  " + first.examples["pass"][0].replace("\n", "\n  "))
    return ExitStatus.OK
