"""``kb report``: the editors' readability report, as a self-contained HTML page or as JSON.

Pages, settings and registry are found as ``kb lint`` finds them (DESIGN §3.1). Exit
status: 0 = report written (findings do not fail a report); 2 = input error, or a page
that could not be read (the report is still written, with that page's KB001 finding).
"""

from __future__ import annotations

import argparse
import os
import sys

from kb_tools import freshness, lint_setup
from kb_tools.report import html, json
from kb_tools.report.collect import collect
from kb_tools.report.overview import build
from kb_tools.report.review import parse_day
from kb_tools.errors import ExitStatus, InputError
from kb_tools.lint.engine import markdown_files

DEFAULT_HTML = "kb-report.html"
RENDERERS = {"html": html.render, "json": json.render}


def add_parser(subparsers) -> argparse.ArgumentParser:
    report = subparsers.add_parser(
        "report", help="write the editors' readability report (HTML page or JSON)",
        description="Readability scores per language and category, the pages to fix first, pages past their review "
                    "date and pages without questions. Exit 0: report written; 2: input error or an unreadable page.")
    report.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: docs_dir of mkdocs.yml, else docs/)")
    report.add_argument("--format", choices=sorted(RENDERERS), default="html", help="output format (default: html)")
    report.add_argument("--output", "-o", metavar="FILE",
                        help=f"where to write; '-' for stdout (default: {DEFAULT_HTML} for html, stdout for json)")
    report.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the day review_by dates are compared with (default: SOURCE_DATE_EPOCH if set, else today)")
    report.add_argument("--worst", type=int, default=10, metavar="N", help="how many pages to list under 'fix first' (default: 10)")
    report.add_argument("--lang", help="language of pages that do not say, when mkdocs.yml sets no theme.language (default: en)")
    report.add_argument("--contacts", metavar="FILE", help="the contact registry (default: from mkdocs.yml, else <docs>/contacts.yml)")
    report.add_argument("--config-file", metavar="FILE", help="mkdocs.yml to read settings from (default: ./mkdocs.yml if present)")
    return report


def run(args) -> int:
    today = parse_day(args.today, "--today") if args.today else freshness.today()
    if args.worst < 0:
        raise InputError("--worst", None, "must be 0 or more")
    project = lint_setup.project(args)
    linter = lint_setup.linter(args, project, lint_setup.options(args, project))
    files = markdown_files(args.paths or [project.docs_dir])
    roots = [project.docs_dir] + [p for p in args.paths if os.path.isdir(p)]
    pages = collect(files, linter, today, roots)
    overview = build(pages, today, args.worst)
    text = RENDERERS[args.format](overview)
    output = args.output or (DEFAULT_HTML if args.format == "html" else "-")
    if output == "-":
        sys.stdout.write(text)
    else:
        _write(output, text)
        found = overview.totals["findings"]
        print(f"kb: wrote {output}: {len(pages)} pages, {found['error']} errors, {found['warning']} warnings, "
              f"{overview.totals['stale']} past their review date", file=sys.stderr)
    unreadable = [p for p in pages if p.unreadable]
    for page in unreadable:
        print(f"kb: error: {page.diagnostics[0].path}:{page.diagnostics[0].line}: {page.diagnostics[0].message}", file=sys.stderr)
    return ExitStatus.INPUT_ERROR if unreadable else ExitStatus.OK


def _write(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise InputError(path, None, f"cannot write the report: {exc.strerror}") from None
