"""Real `mkdocs build` runs for tests, and small projects to run them on."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

MINI_CONFIG = """\
site_name: Mini help centre
site_url: https://help.example.com/
theme: {name: material, custom_dir: %(overrides)s, font: false}
plugins:
  - search
  - kb/search
  - kb/contacts
  - kb/categories
  - kb/lint
"""


def mkdocs_build(config: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config),
                           "-d", str(site_dir)], capture_output=True, text=True, env=env, cwd=config.parent)


def mini_project(root: Path, pages: dict[str, str], registry: str, overrides: Path) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MINI_CONFIG % {"overrides": overrides}, encoding="utf-8")
    (root / "docs" / "contacts.yml").write_text(registry, encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "mkdocs.yml"


def html_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every built page (but the 404 page) by its site-relative URL ('' for home, 'contact/', …)."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        pages[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return pages


def resolve(page_url: str, href: str) -> str:
    """A page-relative href → site-relative path, as a browser at https://site/<page_url> would resolve it."""
    absolute = urljoin("https://site.invalid/" + page_url, href)
    return urlparse(absolute).path.lstrip("/") if absolute.startswith("https://site.invalid/") else absolute
