"""The findings panel `mkdocs serve` shows on each page: what `kb lint` found there, for the writer.

Self-contained (its own styles and a few lines of script), left to right whatever the
page's direction, dismissible (remembered for the browser tab), and never written by
`mkdocs build`: the plugin adds it only when the command is `serve`.
"""

from __future__ import annotations

import html

PANEL_ID = "kb-lint-panel"

_STYLE = """
#kb-lint-panel{position:fixed;inset:auto 1rem 1rem auto;z-index:10;max-width:min(36rem,calc(100vw - 2rem));
max-height:45vh;overflow:auto;background:#fff;color:#1f1f1f;border:2px solid #8a4b08;border-radius:.4rem;
box-shadow:0 .3rem 1.2rem rgba(0,0,0,.25);font:.75rem/1.45 system-ui,sans-serif;text-align:left}
#kb-lint-panel[hidden]{display:none}
#kb-lint-panel header{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.4rem .6rem;
background:#8a4b08;color:#fff;position:sticky;top:0}
#kb-lint-panel header button{background:none;border:1px solid #fff;color:#fff;border-radius:.2rem;cursor:pointer;
font:inherit;padding:0 .45rem}
#kb-lint-panel ol{margin:0;padding:.3rem .6rem .5rem 2.2rem}
#kb-lint-panel li{margin:.35rem 0}
#kb-lint-panel .kb-lint-where{font-family:ui-monospace,monospace;font-weight:600}
#kb-lint-panel .kb-lint-error .kb-lint-code{background:#b3261e}
#kb-lint-panel .kb-lint-code{font-family:ui-monospace,monospace;background:#8a4b08;color:#fff;border-radius:.2rem;padding:0 .25rem}
#kb-lint-panel .kb-lint-info .kb-lint-code{background:#4a5568}
#kb-lint-panel details p{margin:.25rem 0;white-space:pre-line}
"""

_SCRIPT = """
(function () {
  var panel = document.getElementById("kb-lint-panel");
  var key = "kb-lint-dismissed:" + location.pathname + ":" + panel.dataset.kbDigest;
  if (sessionStorage.getItem(key)) panel.hidden = true;
  panel.querySelector("button").addEventListener("click", function () {
    panel.hidden = true;
    sessionStorage.setItem(key, "1");
  });
})();
"""


def render(path: str, diagnostics: list, explain) -> str:
    """The panel for one page's ``diagnostics`` (empty string if none); ``explain(code)``
    gives the rule's (summary, description) or None."""
    if not diagnostics:
        return ""
    count = len(diagnostics)
    items = []
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column, d.code)):
        text = explain(d.code)
        why = (f"<details><summary>Why and how to fix it</summary><p>{html.escape(text[0])}</p>"
               f"<p>{html.escape(text[1])}</p></details>") if text else ""
        fix = f" Fix: <q>{html.escape(d.fix)}</q>" if d.fix else ""
        items.append(f'<li class="kb-lint-{d.severity}"><span class="kb-lint-where">{d.line}:{d.column}</span> '
                     f'<span class="kb-lint-code">{d.code}</span> {html.escape(d.message)}{fix}{why}</li>')
    # The digest changes when the findings do, so a dismissed panel comes back with new ones.
    digest = f"{count}-{sum(d.line * 31 + d.column for d in diagnostics)}"
    title = f"kb lint: {count} finding{'s' if count != 1 else ''} in {path}"
    return (f'<aside id="{PANEL_ID}" dir="ltr" lang="en" role="region" aria-label="{html.escape(title)}" '
            f'data-kb-digest="{digest}"><style>{_STYLE}</style>'
            f'<header><strong>{html.escape(title)}</strong><button type="button" aria-label="Dismiss the kb lint panel">'
            f'Dismiss</button></header><ol>{"".join(items)}</ol><script>{_SCRIPT}</script></aside>')
