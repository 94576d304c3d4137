"""A Markdown summary for a pull request's job page (``$GITHUB_STEP_SUMMARY``).

GitHub shows only about ten annotations of each severity per step, so a long list of
findings is cut without notice. The summary gives the whole picture: counts per rule,
the files with the most findings, and where the rest is (the SARIF upload, the log).
"""

from __future__ import annotations

from collections import Counter

from kb_tools.lint.formats import summary

WORST = 10


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(diagnostics, rules, files: int) -> str:
    counts = summary(diagnostics, files)
    total = len(diagnostics)
    lines = ["## kb lint", ""]
    if not total:
        lines.append(f"{files} file{'s' if files != 1 else ''} checked: no findings.")
        return "\n".join(lines) + "\n"
    found = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in ("error", "warning", "info") if counts[k])
    lines += [f"{files} file{'s' if files != 1 else ''} checked: {found}.", ""]
    by_rule = Counter((d.code, d.slug, str(d.severity)) for d in diagnostics)
    lines += ["| Rule | Severity | Findings |", "|---|---|---:|"]
    lines += [f"| {code} `{slug}` | {severity} | {n} |" for (code, slug, severity), n in
              sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))]
    by_file = Counter(d.path for d in diagnostics)
    lines += ["", f"Files with the most findings (of {len(by_file)}):", "", "| File | Findings | Rules |", "|---|---:|---|"]
    for path, n in sorted(by_file.items(), key=lambda item: (-item[1], item[0]))[:WORST]:
        codes = ", ".join(sorted({d.code for d in diagnostics if d.path == path}))
        lines.append(f"| `{_cell(path)}` | {n} | {codes} |")
    if total > 10:
        lines += ["", "GitHub shows about ten annotations of each kind per step. Every finding is in the "
                      "code-scanning results (SARIF) and in the step's log."]
    return "\n".join(lines) + "\n"
