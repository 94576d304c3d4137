"""SARIF 2.1.0 for code scanning: rule metadata for the codes seen, one result per finding."""

from __future__ import annotations

import json

from kb_tools import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(diagnostics, rules, files: int) -> str:
    seen = sorted({d.code for d in diagnostics})
    rule_index = {code: i for i, code in enumerate(seen)}
    driver_rules = []
    for code in seen:
        rule = rules[code][0]
        driver_rules.append({
            "id": code, "name": rule.slug,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.description},
            "help": {"text": rule.description},
            "defaultConfiguration": {"level": _LEVEL[str(rule.severity)]},
            "properties": {"languages": sorted({r.lang for r in rules[code]})},
        })
    results = []
    for d in diagnostics:
        result = {
            "ruleId": d.code, "ruleIndex": rule_index[d.code], "level": _LEVEL[str(d.severity)],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": d.path.replace("\\", "/")},
                "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}}}],
        }
        if d.fix is not None:
            result["fixes"] = [{"description": {"text": f"Replace with '{d.fix}'"}, "artifactChanges": [{
                "artifactLocation": {"uri": d.path.replace("\\", "/")},
                "replacements": [{"deletedRegion": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                                                    "endColumn": d.end_column}, "insertedContent": {"text": d.fix}}]}]}]
        results.append(result)
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "kb lint", "version": __version__, "rules": driver_rules}},
        "columnKind": "unicodeCodePoints",
        "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
