"""How often the right article is in the first 3 search results: our search, stock Material and Pagefind.

    .venv/bin/pip install -e '.[bench]'        # playwright and pagefind[extended]; Chromium is Debian's
    .venv/bin/python bench/search_quality.py QUERY_DIR [--lang en,ru] [--engines ours,material,pagefind]
                                             [--out FILE.json] [--log BATCH --note TEXT] [-v]

QUERY_DIR holds one file per language, ``<lang>.yml``::

    - article: billing/why-was-i-charged.md   # under docs/; a suffix of the file's language may be kept
      queries:
        - {q: "unknown charge", kind: keyword}  # kind: keyword | question | messy
        - {q: "chargd twise", kind: messy}

The expected page is the article's URL as the site publishes it (the default language at
the root, the others under /<lang>/, directory URLs). The files are checked first: an
unknown article, language or kind, or a malformed entry stops the run with exit status 2.

The three engines, on the same docs in the same run (all builds in a temporary folder;
nothing is written to site/):

1. **ours**: the site built from ./mkdocs.yml (kb/search: per-language sharded index and
   its worker behind Material's search box);
2. **material**: the same docs built from a copy of mkdocs.yml without kb/search, so
   Material's own lunr search answers (mkdocs-static-i18n kept, as on any multilingual
   Material site);
3. **pagefind**: ``python -m pagefind --site`` run on that stock site, queried with its
   JavaScript API (``search(q)``, the first three results' ``data().url``) from the home
   page of the query's language, so that Pagefind picks that language's index.

Each site is served by a local HTTP server on 127.0.0.1 for the duration of its engine, and
searched in Debian's headless Chromium (Playwright), one fresh browser context per engine
and language, the page reused across that language's queries. For ours and Material the
query is typed into the header search box of the language's home page (``/``, ``/ru/``, …)
key by key, as a user types (real keydown/keyup events); between queries the box is
emptied with Ctrl+A, Backspace. The result list is read when it is the answer to the whole
query: a small script in the page hands the search worker one query at a time (a query
typed while the worker is busy waits, and only the newest waiting one is sent), so when
the worker has answered the last query sent and that query is the box's value, the list on
screen is the engine's ranking of the full query; the first three result links are read
then (anchors dropped). A query that gets no answer within --timeout seconds counts as a
miss and is listed as an error.

Output: per language and engine, the share of queries with the expected article in the
top 3 (overall and per kind) and at rank 1, then the totals; and a JSON file (default
bench/results/search-quality-<name>-<time>.json) with every query, its expected URL and
each engine's top 3, to read the misses.

Time: the two builds and Pagefind take about 10 s; then about 1 s per query for ours and for
Material each (typing at 30 ms a key) and a few ms for Pagefind: 20 queries run in about a
minute, 500 in about a quarter of an hour. Exit status: 0 done, 1 some queries got no
answer (or --log refused to log such a run), 2 bad query files, configuration or usage.

**Blind batches** (bench/search_queries/<batch>/, written from bench/search_queries/BRIEF.md)
are not for trying the script out: run it on one only to score it, once, before anyone tunes
on it, with ``--log BATCH``::

    .venv/bin/python bench/search_quality.py bench/search_queries/<batch> --log <batch> --note "…"

Its first score is appended to bench/results/search-blind-log.jsonl with the date and the
code revision (``+dirty`` when kb_tools/, overrides/, docs/ or mkdocs.yml have uncommitted
changes), and a batch already in the log is refused. Logging needs all three engines and
every language file of the directory, and a run in which every query got an answer.
"""

from __future__ import annotations

import argparse
import datetime
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import blind_log  # noqa: E402
from bench import gen_helpcentre  # noqa: E402  (the project config with custom_dir made absolute)
from bench.search_speed import type_keys  # noqa: E402  (key events Material reads, in any script)

CONFIG = ROOT / "mkdocs.yml"
LOG = ROOT / "bench/results/search-blind-log.jsonl"
RESULTS = ROOT / "bench/results"
BLIND = ROOT / "bench/search_queries"
"""Blind batches: refused, unless logged already, by any run but the one that logs their first score."""
ENGINES = ("ours", "material", "pagefind")
KINDS = ("keyword", "question", "messy")
TOP = 3
REVISION_PATHS = ("kb_tools", "overrides", "mkdocs.yml", "docs")
"""What decides the ranking: a change here, not yet committed, marks the logged revision +dirty."""
BUILD_TIMEOUT_S = 900
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"]

# Installed before the page's scripts. Material talks to its search worker (lunr, or ours)
# with {type: 0 SETUP | 1 READY | 2 QUERY | 3 RESULT}. Queries go to the worker one at a
# time: while one is unanswered, a newer one waits (only the newest). Each query sent thus
# gets exactly one answer, and "answered == sent and the last sent is the box's value"
# means the list on screen is the ranking of what is in the box.
PROBE = """
(() => {
  const s = window.__kbQuality = {ready: false, sent: 0, answered: 0, waiting: null, last: null, errors: 0};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        const type = event.data && event.data.type;
        if (type === 1) s.ready = true;
        if (type === 3) {
          s.answered++;
          if (s.waiting !== null) { const next = s.waiting; s.waiting = null; this.__send(next); }
        }
      });
      this.addEventListener("error", () => { s.errors++; });
    }
    __send(message) { s.sent++; s.last = message.data; super.postMessage(message); }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        if (s.sent > s.answered) s.waiting = message; else this.__send(message);
        return;
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
ANSWERED = """() => {
  const s = window.__kbQuality, box = document.querySelector(".md-search__input");
  return s.ready && s.waiting === null && s.sent === s.answered && box !== null && s.last === box.value;
}"""
RESULT_LINKS = """() => [...document.querySelectorAll(".md-search-result__item > a:first-child")].map(a => a.href)"""
PAGEFIND = """async ([query, ms]) => {
  const late = new Promise((_, fail) => setTimeout(() => fail(new Error(`Timeout: no answer in ${ms} ms`)), ms));
  const answer = (async () => {
    window.__kbPagefind = window.__kbPagefind || await import("/pagefind/pagefind.js");
    const found = await window.__kbPagefind.search(query);
    const top = await Promise.all(found.results.slice(0, %d).map(r => r.data()));
    return {count: found.results.length, urls: top.map(d => d.url)};
  })();
  return Promise.race([answer, late]);
}""" % TOP


class InputError(Exception):
    """A query file or the site configuration cannot be used: exit status 2."""


# ---------------------------------------------------------------- the site and the query files

class _Loader(yaml.SafeLoader):
    """mkdocs.yml as plain data; tags such as !ENV read as nothing (only plugin options are read here)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class Site:
    docs: Path
    default: str
    languages: list[str]
    structure: str           # mkdocs-static-i18n docs_structure: suffix | folder
    directory_urls: bool

    def source(self, article: str, lang: str) -> Path:
        stem = article[:-len(".md")]
        if lang == self.default:
            return self.docs / article
        if self.structure == "folder":
            return self.docs / lang / article
        return self.docs / f"{stem}.{lang}.md"

    def url(self, article: str, lang: str) -> str:
        """The page's path on the site, as MkDocs and mkdocs-static-i18n publish it: '/', '/ru/billing/x/'."""
        from mkdocs.structure.files import File

        page = File(article, str(self.docs), "/site", self.directory_urls).url
        prefix = "/" if lang == self.default else f"/{lang}/"
        return normalize(prefix + ("" if page in ("", "./") else page))


def read_site(config: Path) -> Site:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader) or {}
    i18n = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = plugin["i18n"] or {}
    languages = [entry.get("locale") for entry in i18n.get("languages") or [] if entry.get("build", True)]
    default = next((entry["locale"] for entry in i18n.get("languages") or [] if entry.get("default")), None)
    if not languages:  # a one-language site
        default = ((data.get("theme") or {}).get("language") or "en") if isinstance(data.get("theme"), dict) else "en"
        languages = [default]
    return Site(docs=(config.parent / (data.get("docs_dir") or "docs")).resolve(), default=default or languages[0],
                languages=languages, structure=i18n.get("docs_structure", "suffix"),
                directory_urls=data.get("use_directory_urls", True) is not False)


@dataclass
class Query:
    lang: str
    article: str
    q: str
    kind: str
    expected: str
    where: str               # file and entry, for messages
    results: dict = field(default_factory=dict)


def load_queries(folder: Path, site: Site, only: list[str] | None = None) -> dict[str, list[Query]]:
    """Every query of QUERY_DIR/<lang>.yml, checked; InputError names the file and entry of the first problem."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a directory of <lang>.yml query files")
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise InputError(f"{folder}: no <lang>.yml query file")
    queries: dict[str, list[Query]] = {}
    for path in files:
        lang = path.stem
        if lang not in site.languages:
            raise InputError(f"{path}: '{lang}' is not a language of the site ({', '.join(site.languages)})")
        if only and lang not in only:
            continue
        queries[lang] = _load_file(path, lang, site)
    if only:
        missing = [lang for lang in only if lang not in queries]
        if missing:
            raise InputError(f"{folder}: no query file for {', '.join(missing)}")
    return queries


def _load_file(path: Path, lang: str, site: Site) -> list[Query]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        nodes = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, list) or not data:
        raise InputError(f"{path}: expected a list of entries (- article: …, queries: […])")
    out = []
    for number, entry in enumerate(data, 1):
        line = nodes.value[number - 1].start_mark.line + 1
        where = f"{path}:{line}: entry {number}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected a mapping with 'article' and 'queries', found {entry!r}")
        unknown = sorted(set(entry) - {"article", "queries"})
        if unknown:
            raise InputError(f"{where}: unknown key(s) {', '.join(map(str, unknown))} (expected article, queries)")
        article = entry.get("article")
        if not isinstance(article, str) or not article.strip():
            raise InputError(f"{where}: 'article' must be a docs path such as billing/why-was-i-charged.md")
        where = f"{where} (article {article})"
        article = _check_article(article, lang, site, where)
        items = entry.get("queries")
        if not isinstance(items, list) or not items:
            raise InputError(f"{where}: 'queries' must be a non-empty list of {{q: …, kind: …}}")
        for i, item in enumerate(items, 1):
            spot = f"{where}, query {i}"
            if not isinstance(item, dict) or set(item) != {"q", "kind"}:
                raise InputError(f"{spot}: expected {{q: \"…\", kind: keyword|question|messy}}, found {item!r}")
            if not isinstance(item["q"], str) or not item["q"].strip():
                raise InputError(f"{spot}: 'q' must be a non-empty string, found {item['q']!r}")
            if item["kind"] not in KINDS:
                raise InputError(f"{spot}: kind must be one of {', '.join(KINDS)}, found {item['kind']!r}")
            out.append(Query(lang, article, item["q"], item["kind"], site.url(article, lang), f"{path.name}:{line}"))
    return out


def _check_article(article: str, lang: str, site: Site, where: str) -> str:
    """``article`` checked, without a suffix of the file's own language (``x.ru.md`` in ru.yml is ``x.md``)."""
    parts = Path(article).parts
    if article.startswith("/") or ".." in parts or not article.endswith(".md"):
        raise InputError(f"{where}: 'article' must be a relative path under docs/ ending in .md")
    suffixed = re.fullmatch(r".*\.([a-z]{2,3}(?:_[A-Za-z]+)?)\.md", article)
    if suffixed and suffixed.group(1) in site.languages:
        if suffixed.group(1) != lang:
            raise InputError(f"{where}: a {suffixed.group(1)} page in the {lang} file: write the path without "
                             f"the language suffix ({article[:-len(suffixed.group(1)) - len('.md') - 1]}.md)")
        article = article[:-len(suffixed.group(1)) - len(".md") - 1] + ".md"  # the file's own language: the same page
    source = site.source(article, lang)
    if not source.is_file():
        raise InputError(f"{where}: no such article in {lang}: {source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}"
                         " does not exist")
    return article


def normalize(url: str) -> str:
    """A result link or page path → the site path it names: no host, anchor, query or index.html."""
    path = unquote(urlsplit(url).path) or "/"
    if path.endswith("/index.html"):
        path = path[:-len("index.html")]
    return path


# ---------------------------------------------------------------- builds

def stock_config(workdir: Path, site: Site) -> Path:
    """A copy of mkdocs.yml without kb/search (every other line kept), docs_dir and custom_dir absolute."""
    root = yaml.compose(gen_helpcentre.our_config())
    top = {key.value: (key, value) for key, value in root.value}
    plugins = top.get("plugins", (None, None))[1]
    if not isinstance(plugins, yaml.SequenceNode):
        raise InputError(f"{CONFIG}: no plugins list")
    name = lambda node: node.value if isinstance(node, yaml.ScalarNode) else node.value[0][0].value  # noqa: E731
    if not any(name(node) == "kb/search" for node in plugins.value):
        raise InputError(f"{CONFIG}: kb/search is not among the plugins: there would be nothing to compare")
    plugins.value = [node for node in plugins.value if name(node) != "kb/search"]
    root.value = [(k, v) for k, v in root.value if k.value != "docs_dir"]
    string = "tag:yaml.org,2002:str"
    root.value.insert(0, (yaml.ScalarNode(string, "docs_dir"), yaml.ScalarNode(string, str(site.docs))))
    path = workdir / "mkdocs-stock.yml"
    path.write_text(f"# Written by bench/search_quality.py from {CONFIG}: kb/search removed, paths absolute.\n"
                    + yaml.serialize(root, allow_unicode=True, width=100), encoding="utf-8")
    return path


def run(command: list[str], what: str, cwd: Path, timeout: float = BUILD_TIMEOUT_S) -> float:
    started = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"{what}: no result after {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).splitlines()[-15:])
        raise SystemExit(f"{what} failed (exit {done.returncode}):\n{tail}")
    return time.perf_counter() - started


def build_sites(workdir: Path, site: Site, engines: list[str]) -> dict[str, Path]:
    """ours → workdir/ours; material and pagefind → workdir/stock (Pagefind's index in stock/pagefind/)."""
    sites = {}
    python = sys.executable
    if "ours" in engines:
        seconds = run([python, "-m", "mkdocs", "build", "-q", "-f", str(CONFIG), "-d", str(workdir / "ours")],
                      "mkdocs build (ours)", ROOT)
        print(f"built ours in {seconds:.1f} s", flush=True)
        sites["ours"] = workdir / "ours"
    if "material" in engines or "pagefind" in engines:
        config = stock_config(workdir, site)
        seconds = run([python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(workdir / "stock")],
                      "mkdocs build (stock Material)", workdir)
        print(f"built stock Material in {seconds:.1f} s", flush=True)
        for engine in ("material", "pagefind"):
            if engine in engines:
                sites[engine] = workdir / "stock"
    if "pagefind" in engines:
        seconds = run([python, "-m", "pagefind", "--site", str(workdir / "stock")], "pagefind", workdir, timeout=300)
        print(f"indexed the stock site with Pagefind in {seconds:.1f} s", flush=True)
    return sites


def check_expected(queries: dict[str, list[Query]], sites: dict[str, Path]) -> None:
    """Every expected URL is a page of every built site (else the derivation, not the engine, would be wrong)."""
    for engine, folder in sites.items():
        for query in (q for qs in queries.values() for q in qs):
            if not (folder / query.expected.lstrip("/") / "index.html").is_file() and \
                    not (folder / query.expected.lstrip("/")).is_file():
                raise InputError(f"{query.where} (article {query.article}): {query.expected} is not a page of the "
                                 f"{engine} site: is the article excluded from the build?")


# ---------------------------------------------------------------- serving and searching

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(folder: Path):
    """A static HTTP server on 127.0.0.1 for ``folder``; its base URL (no trailing slash). Stopped on exit."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def home(site: Site, lang: str) -> str:
    return "/" if lang == site.default else f"/{lang}/"


class BoxSearch:
    """Material's header search box on a language's home page (ours and stock Material)."""

    def __init__(self, context, base: str, path: str, timeout_s: float):
        self.timeout_ms = timeout_s * 1000
        context.add_init_script(PROBE)
        self.page = context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.page.goto(base + path, wait_until="load", timeout=self.timeout_ms)
        self.box = self.page.locator(".md-search__input")
        if self.box.is_visible():
            self.box.click()
        else:  # a narrow window: the box opens from the header's search button
            self.page.locator('label[for="__search"]').first.click()
        self.page.wait_for_function("() => window.__kbQuality.ready", timeout=self.timeout_ms)

    def __call__(self, query: str) -> dict:
        page = self.page
        self.box.focus()
        if self.box.input_value():
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_function(ANSWERED, timeout=self.timeout_ms)
        type_keys(self.cdp, page, query)
        page.wait_for_function(ANSWERED, timeout=self.timeout_ms)
        links = page.evaluate(RESULT_LINKS)
        while True:  # the list as rendered for that answer; read again until two reads agree
            page.wait_for_timeout(50)
            again = page.evaluate(RESULT_LINKS)
            if again == links:
                break
            links = again
        typed = self.box.input_value()
        return {"top": [normalize(u) for u in links[:TOP]], "shown": len(links),
                **({"typed": typed} if typed != query else {})}


class PagefindSearch:
    """Pagefind's JavaScript API, from a page of the query's language (Pagefind reads <html lang>)."""

    def __init__(self, context, base: str, path: str, timeout_s: float):
        self.timeout_ms = timeout_s * 1000
        self.page = context.new_page()
        self.page.goto(base + path, wait_until="load", timeout=self.timeout_ms)

    def __call__(self, query: str) -> dict:
        found = self.page.evaluate(PAGEFIND, [query, self.timeout_ms])
        return {"top": [normalize(u) for u in found["urls"]], "shown": found["count"]}


def search_engine(browser, engine: str, folder: Path, site: Site, queries: dict[str, list[Query]],
                  timeout_s: float, verbose: bool) -> float:
    """Run every query through one engine, filling query.results[engine]. Returns the seconds taken.

    A query that fails is a miss with its reason, and the next one starts on a fresh page; when
    the page of a language cannot be set up twice in a row, its remaining queries fail at once."""
    started = time.perf_counter()
    kind = PagefindSearch if engine == "pagefind" else BoxSearch
    with served(folder) as base:
        for lang, items in queries.items():
            context, searcher, broken, setup_failures = None, None, None, 0
            for query in items:
                if broken:
                    result = {"top": [], "shown": 0, "error": broken}
                else:
                    try:
                        if searcher is None:
                            context = browser.new_context()
                            searcher = kind(context, base, home(site, lang), timeout_s)
                            setup_failures = 0
                        result = searcher(query.q)
                    except Exception as exc:
                        reason = _reason(exc, timeout_s)
                        if searcher is None:
                            setup_failures += 1
                            reason = f"the page {home(site, lang)} did not set up: {reason}"
                            if setup_failures >= 2:
                                broken = reason
                        result = {"top": [], "shown": 0, "error": reason}
                        _close(context)
                        context, searcher = None, None
                result["rank"] = result["top"].index(query.expected) + 1 if query.expected in result["top"] else None
                query.results[engine] = result
                if verbose or "error" in result:
                    mark = "ERROR " + result["error"] if "error" in result else \
                        ("hit @%d" % result["rank"] if result["rank"] else "miss")
                    print(f"  {engine:8} {lang:3} {query.q!r}: {mark}  {' '.join(result['top'])}", flush=True)
            _close(context)
            done = [q.results[engine] for q in items]
            print(f"  {engine:8} {lang:3} {len(items)} queries, top-3 {_rate(done, TOP):.0%}", flush=True)
    return time.perf_counter() - started


def _reason(exc: Exception, timeout_s: float) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if "Timeout" in type(exc).__name__ or "Timeout:" in text:
        return f"no answer within {timeout_s:g} s"
    return f"{type(exc).__name__}: {text}"


def _close(context) -> None:
    if context is not None:
        try:
            context.close()
        except Exception:  # the browser may have lost it already
            pass


# ---------------------------------------------------------------- scores and report

def _rate(results: list[dict], top: int) -> float | None:
    if not results:
        return None
    return sum(1 for r in results if r.get("rank") and r["rank"] <= top) / len(results)


def figures(items: list[Query], engine: str) -> dict:
    results = [q.results[engine] for q in items if engine in q.results]
    out = {"queries": len(results), "top3": _rate(results, TOP), "top1": _rate(results, 1),
           "errors": sum(1 for r in results if "error" in r)}
    for kind in KINDS:
        of_kind = [q.results[engine] for q in items if q.kind == kind and engine in q.results]
        out[f"top3_{kind}"] = _rate(of_kind, TOP)
        out[f"n_{kind}"] = len(of_kind)
    return out


def summary(queries: dict[str, list[Query]], engines: list[str]) -> tuple[dict, dict]:
    per_lang = {lang: {engine: figures(items, engine) for engine in engines} for lang, items in queries.items()}
    every = [q for items in queries.values() for q in items]
    return per_lang, {engine: figures(every, engine) for engine in engines}


def table(per_lang: dict, total: dict) -> str:
    pct = lambda x: "   -" if x is None else f"{x:4.0%}"  # noqa: E731
    head = f"{'lang':5} {'engine':9} {'n':>4}  {'top3':>4}  {'top1':>4}  " + "  ".join(f"{k:>8}" for k in KINDS) + "  errors"
    rows = [head, "-" * len(head)]

    def row(label: str, engine: str, f: dict) -> str:
        kinds = "  ".join(f"{pct(f['top3_' + k]):>4} /{f['n_' + k]:>3}" for k in KINDS)
        return (f"{label:5} {engine:9} {f['queries']:4}  {pct(f['top3'])}  {pct(f['top1'])}  {kinds}  "
                f"{f['errors'] or '':>6}")
    for lang, engines in per_lang.items():
        rows.extend(row(lang, engine, f) for engine, f in engines.items())
    rows.append("-" * len(head))
    rows.extend(row("all", engine, f) for engine, f in total.items())
    return "\n".join(rows) + "\n(top3, top1: share of queries whose article is in the first 3 results / first; " \
                             "per kind: top-3 share / queries)"


def versions(browser) -> dict:
    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None
    return {"chromium": browser.version, "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
            "mkdocs-static-i18n": version("mkdocs-static-i18n"), "pagefind": version("pagefind"),
            "playwright": version("playwright")}


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", type=Path, help="a directory of <lang>.yml query files")
    parser.add_argument("--lang", help="only these languages (comma-separated)")
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated, of {', '.join(ENGINES)}")
    parser.add_argument("--out", type=Path, help="the JSON results (default bench/results/search-quality-<name>-<time>.json)")
    parser.add_argument("--log", metavar="BATCH", help="append this first score of a blind batch to "
                                                        "bench/results/search-blind-log.jsonl")
    parser.add_argument("--note", default="", help="what the batch is (kept in the log)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds for one query's answer (default 20)")
    parser.add_argument("--keep", type=Path, help="build in this new directory and keep it (default: a temporary one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query's top 3")
    args = parser.parse_args(argv)

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown or not engines:
        parser.error(f"unknown engine(s) {', '.join(unknown)}; choose from {', '.join(ENGINES)}")
    only = [lang.strip() for lang in args.lang.split(",")] if args.lang else None
    if args.log:
        if only or engines != list(ENGINES):
            print("--log scores a whole batch: every language file, all three engines (no --lang, no --engines)",
                  file=sys.stderr)
            return 2
        if blind_log.is_logged(LOG, args.log):
            print(f"batch '{args.log}' is already in {_shown(LOG)}: only its first score is logged",
                  file=sys.stderr)
            return 2
    blind = args.queries.resolve()
    if blind.is_relative_to(BLIND) and args.log and args.log != blind.name:
        print(f"--log {args.log}: a batch of {_shown(BLIND)} is logged under its folder's name, {blind.name}",
              file=sys.stderr)
        return 2
    if blind.is_relative_to(BLIND) and not args.log and not blind_log.is_logged(LOG, blind.name):
        print(f"{_shown(blind)} is a blind batch with no score in {_shown(LOG)} yet: score it once with "
              f"--log {blind.name} (see --help) before any other run on it", file=sys.stderr)
        return 2
    try:
        site = read_site(CONFIG)
        queries = load_queries(args.queries, site, only)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    count = sum(map(len, queries.values()))
    print(f"{count} queries in {', '.join(f'{lang} {len(q)}' for lang, q in queries.items())}; engines: {', '.join(engines)}")

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        print("error: Chromium is missing (Debian: apt-get install chromium; `make test` installs it)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        workdir_cm = _nothing(args.keep.resolve())
    else:
        workdir_cm = tempfile.TemporaryDirectory(prefix="kb-search-quality-")
    with workdir_cm as workdir:
        workdir = Path(workdir)
        try:
            sites = build_sites(workdir, site, engines)
            check_expected(queries, sites)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        seconds = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
            try:
                about = versions(browser)
                for engine in engines:
                    seconds[engine] = search_engine(browser, engine, sites[engine], site, queries, args.timeout,
                                                    args.verbose)
            finally:
                browser.close()
    elapsed = time.perf_counter() - started

    per_lang, total = summary(queries, engines)
    print()
    print(table(per_lang, total))
    print(f"\n{count} queries x {len(engines)} engines in {elapsed:.0f} s "
          f"(searching: {', '.join(f'{e} {s:.0f} s' for e, s in seconds.items())})")

    now = datetime.datetime.now()
    name = args.log or args.queries.resolve().name
    out = args.out or RESULTS / f"search-quality-{name}-{now:%Y%m%d-%H%M%S}.json"
    report = {"version": 1, "date": now.isoformat(timespec="seconds"), "revision": blind_log.revision(REVISION_PATHS),
              "queries_dir": str(args.queries), "batch": args.log, "engines": engines, "top": TOP,
              "versions": about, "seconds": {"total": round(elapsed, 1), **{e: round(s, 1) for e, s in seconds.items()}},
              "languages": per_lang, "total": total,
              "queries": [{"lang": q.lang, "article": q.article, "q": q.q, "kind": q.kind, "expected": q.expected,
                           "where": q.where, "results": q.results} for items in queries.values() for q in items]}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"every query and each engine's top {TOP}: {_shown(out)}")

    errors = sum(f["errors"] for f in total.values())
    if args.log:
        if errors:
            print(f"not logged: {errors} queries got no answer (see above); fix the run, the batch is still unscored",
                  file=sys.stderr)
            return 1
        if blind_log.is_logged(LOG, args.log):  # logged by another run meanwhile
            print(f"batch '{args.log}' was logged meanwhile: not logged again", file=sys.stderr)
            return 2
        blind_log.append(LOG, {"date": now.date().isoformat(), "revision": report["revision"], "batch": args.log,
                               "note": args.note, "queries_dir": str(args.queries), "top": TOP,
                               "versions": about, "languages": per_lang, "total": total, "results": _shown(out)})
        print(f"logged to {_shown(LOG)}")
    return 1 if errors else 0


@contextmanager
def _nothing(path: Path):
    yield path


def _shown(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


if __name__ == "__main__":
    raise SystemExit(main())
