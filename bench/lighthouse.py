"""Lighthouse (mobile) on the built demo and on stock Material for MkDocs, in the same run.

    npm install --prefix .tools lighthouse@12      # once; `make test` installs axe-core the same way
    python bench/lighthouse.py [--runs 3]

Builds the demo with the project's mkdocs.yml, and the same docs folder with stock Material
(theme defaults, its own search plugin, no kb plugins or overrides). Serves each on
127.0.0.1 and runs Lighthouse 12 with Debian's Chromium on the home page, an article and the
contact page (and the Hebrew home for ours), the default mobile setting with simulated
throttling. Both are served gzip-compressed, as static hosts serve them. Prints the median
of the runs per category. Target: >= 95 in all four.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".tools/node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "", "article": "billing/pause-subscription/", "contact": "contact/"}
STOCK = """site_name: Zrnko Help Centre (stock Material)
docs_dir: {docs}
theme: {{name: material}}
plugins: [search]
exclude_docs: |
  contacts.yml
"""


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host as customers meet one: text files gzip-compressed (GitHub Pages and CDNs
    do it), so Lighthouse measures the site, not a test server without compression."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path)
                or not kind.startswith(("text/", "application/javascript", "application/json", "image/svg"))):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def build(config: Path, out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], check=True, env=env,
                   cwd=config.parent)


def lighthouse(url: str) -> dict[str, int]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile", "--output=json", f"--output-path={report.name}",
                        "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox"],
                       check=True, env=dict(os.environ, CHROME_PATH=shutil.which("chromium") or "/usr/bin/chromium"))
        data = json.loads(Path(report.name).read_text(encoding="utf-8"))
    return {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: npm install --prefix .tools lighthouse@12", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(ROOT / "mkdocs.yml", tmp / "ours")
        (tmp / "stock.yml").write_text(STOCK.format(docs=ROOT / "docs"), encoding="utf-8")
        build(tmp / "stock.yml", tmp / "stock")
        sites = {"ours": dict(PAGES, **{"Hebrew home": "he/"}), "stock Material": PAGES}
        print(f"{'site':15} {'page':12} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   (median of runs)")
        worst = 100
        for name, pages in sites.items():
            base, server = serve(tmp / ("ours" if name == "ours" else "stock"))
            try:
                for page, path in pages.items():
                    runs = [lighthouse(base + path) for _ in range(args.runs)]
                    medians = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                    if name == "ours":
                        worst = min(worst, *medians.values())
                    print(f"{name:15} {page:12} " + " ".join(f"{medians[c]:>14.0f}" for c in CATEGORIES))
            finally:
                server.shutdown()
    print(f"lowest score of ours: {worst:.0f} (target >= 95)")
    return 0 if worst >= 95 else 1


if __name__ == "__main__":
    raise SystemExit(main())
