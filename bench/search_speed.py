"""Build time and in-browser search speed of our help centre against stock Material, in one run.

    .venv/bin/python bench/search_speed.py [--n 5000] [--n-small 1000] [--workdir DIR] [--runs 3] [--build-runs 3]
                                           [--skip-bare-search] [--reuse-sites]

What it does and how it measures (following /work/shared/reference/ANCHOR_BENCH.md):

1. Corpora: ``gen_helpcentre.py`` writes an N- and an n-small-article help centre into
   WORKDIR/n<N>/ (reused when already there with the same arguments and generator; the
   two configs are rewritten every time, so the current /work/main/mkdocs.yml is measured).
2. Builds, in --build-runs rounds (default 3), each round building bare Material at N,
   our config at N and at n-small in turn, no warm-up. Each figure is the whole
   ``mkdocs build -q`` process timed from outside: wall time, CPU (user + sys) and peak
   RSS of the build, from ``os.wait4``. Also counted: the HTML files written and the size
   of the site. Build ratios are the median over the rounds of the ratio within each
   round: the machines are shared, and a noisy spell slows a whole round.
3. Search, in Debian's Chromium (headless, through Playwright, no browser download). Each
   site is served by ``http.server`` (threaded, quiet, no compression) on 127.0.0.1. Each
   run uses a fresh browser context (cold cache): load the page of the language (ours:
   ``/``, ``/ru/``, ``/hr/``, ``/sl/``, ``/he/``, ``/fa/``; bare Material: ``/``), click
   the search box, type the query at 30 ms per key and wait for the first
   ``.md-search-result__item``. Time is taken inside the page (``performance.now()``):
   from the load event to the first result, and from the first key to the first result.
   Keys are real key events (DevTools ``Input.dispatchKeyEvent`` keyDown/keyUp per
   character): Playwright's ``keyboard.type`` sends no key events for characters outside
   its US layout, and Material reads the query on keyup. One warm-up run per site is
   discarded.
   Bytes are the DevTools-protocol ``Network.loadingFinished`` ``encodedDataLength`` of
   every response, the page's and the web worker's: the script auto-attaches to worker
   targets (``Target.setAutoAttach``) and enables the Network domain in them, so fetches
   and ``importScripts`` made from inside the worker are counted. Where Chromium reports
   no size (the worker script itself), the file's size on disk is used. "Search" bytes
   are requests under ``search/``, worker scripts, and anything the worker fetched.
   Counting stops when the network has been quiet for 0.5 s after the first result.
   A query that shows no result within --timeout seconds is a failure, not a crash.
4. A table per site and language (median over --runs), then the target checks with
   PASS/FAIL: build(our, N) / build(bare, N) <= 1.5; build(our, N) / build(our, n-small)
   <= 6; in every language, search bytes <= 500 kB (1 kB = 1000 bytes) and page load ->
   first result <= 1.5 s. Per-run details, with every counted URL, go to WORKDIR/results.json.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_helpcentre as gen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
QUERIES = {"en": ["refund", "grinder"], "ru": ["доставка", "кофемолка"], "hr": ["dostava", "mlinac"],
           "sl": ["dostava", "mlinček"], "he": ["החזרה", "משלוח"], "fa": ["ارسال", "مرجوعی"]}
TARGETS = {"build_vs_bare": 1.5, "build_scaling": 6.0, "search_bytes": 500_000, "search_ms": 1500}
KEY_DELAY_MS = 30

# Installed before any page script: remembers when the first key went down and when the first
# search result appeared, in the page's own clock.
PAGE_PROBE = """
(() => {
  const t = window.__kbBench = {};
  addEventListener("keydown", () => { if (t.firstKey === undefined) t.firstKey = performance.now(); }, true);
  const seen = new MutationObserver(() => {
    if (document.querySelector(".md-search-result__item")) { t.firstResult = performance.now(); seen.disconnect(); }
  });
  seen.observe(document, {childList: true, subtree: true});
})();
"""
TIMES = """() => ({load: performance.getEntriesByType("navigation")[0].loadEventStart,
               firstKey: window.__kbBench.firstKey, firstResult: window.__kbBench.firstResult,
               results: document.querySelectorAll(".md-search-result__item").length})"""


# ---------------------------------------------------------------- corpora and builds

def prepare_corpus(workdir: Path, n: int, seed: int) -> Path:
    out = workdir / f"n{n}"
    if gen.is_current(out, n, seed):
        gen.write_configs(out)
        print(f"corpus n={n}: reusing {out / 'docs'} (configs rewritten from the current mkdocs.yml)")
    else:
        started = time.perf_counter()
        gen.generate(n, out, seed, quiet=True)
        print(f"corpus n={n}: generated in {time.perf_counter() - started:.1f} s -> {out / 'docs'}")
    return out


def article_language(path: Path) -> str | None:
    """Language of an article file; None for home, contact and category pages."""
    if path.name.split(".")[0] in ("index", "contact"):
        return None
    parts = path.name.split(".")
    return parts[-2] if len(parts) == 3 else "en"


def document_frequencies(docs: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(lang, query) -> (articles of that language containing the query as a word, articles of that language)."""
    texts: dict[str, list[str]] = {lang: [] for lang in QUERIES}
    for path in sorted(docs.glob("*/*.md")):
        lang = article_language(path)
        if lang in texts:
            texts[lang].append(path.read_text(encoding="utf-8").casefold())
    out = {}
    for lang, queries in QUERIES.items():
        for query in queries:
            word = re.compile(rf"(?<!\w){re.escape(query.casefold())}(?!\w)")
            out[lang, query] = (sum(1 for t in texts[lang] if word.search(t)), len(texts[lang]))
    return out


def timed_build(config: Path, site: Path, log: Path) -> dict:
    """One whole `mkdocs build` process: wall, CPU (user+sys), peak RSS, HTML files, site size."""
    if site.exists():
        shutil.rmtree(site)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([str(MKDOCS), "build", "-q", "-f", str(config), "-d", str(site)],
                                cwd=config.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own rusage (and its children's)
        wall = time.perf_counter() - started
    result = {"config": config.name, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
              "peak_mib": usage.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status), "log": str(log)}
    result.update(site_stats(site))
    return result


def median_run(results: list[dict]) -> dict | None:
    """The run of median wall time, with every run's wall and CPU times beside it."""
    if not results:
        return None
    ordered = sorted(results, key=lambda r: r["wall_s"])
    return {**ordered[(len(ordered) - 1) // 2], "runs": [(r["wall_s"], r["cpu_s"], r["exit"]) for r in results]}


def site_stats(site: Path) -> dict:
    html = list(site.rglob("*.html")) if site.exists() else []
    per_language = {lang: sum(1 for p in html if p.relative_to(site).parts[0] == lang) for lang in QUERIES if lang != "en"}
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) if site.exists() else 0
    return {"html_files": len(html), "html_per_language": per_language, "site_mb": size / 1e6}


# ---------------------------------------------------------------- serving and the browser

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


class NetworkRecorder:
    """Every response's encodedDataLength, from the page's CDP session and from each worker it starts.

    Workers are reached with the non-flattened auto-attach of the page session: their Network
    events arrive wrapped in Target.receivedMessageFromTarget, and commands go in through
    Target.sendMessageToTarget, so no second connection to the browser is needed (Playwright's
    CDP session cannot address the flattened child sessions). Checked with Chromium 156: the
    worker's fetches and importScripts show up, see the request list the script prints.
    """

    def __init__(self, cdp):
        self.cdp = cdp
        self.requests: dict[str, dict] = {}
        self.worker_urls: set[str] = set()
        self.last_activity = time.monotonic()
        cdp.on("Network.requestWillBeSent", lambda e: self._sent("page", e))
        cdp.on("Network.responseReceived", lambda e: self._status("page", e))
        cdp.on("Network.loadingFinished", lambda e: self._finished("page", e))
        cdp.on("Network.loadingFailed", lambda e: self._finished("page", e, failed=True))
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.receivedMessageFromTarget", self._from_worker)
        cdp.send("Network.enable")
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _sent(self, source: str, event: dict) -> None:
        if event["request"]["url"].startswith("data:"):
            return
        key = f"{source}:{event['requestId']}"
        self.requests.setdefault(key, {"source": source, "bytes": None, "done": False})["url"] = event["request"]["url"]
        self.last_activity = time.monotonic()

    def _status(self, source: str, event: dict) -> None:
        entry = self.requests.get(f"{source}:{event['requestId']}")
        if entry is not None:
            entry["status"] = event["response"]["status"]

    def _finished(self, source: str, event: dict, failed: bool = False) -> None:
        entry = self.requests.get(f"{source}:{event['requestId']}")
        if entry is not None:
            entry["bytes"] = 0 if failed else event.get("encodedDataLength")
            entry["done"] = True
        self.last_activity = time.monotonic()

    def _attached(self, event: dict) -> None:
        session = event["sessionId"]
        if event["targetInfo"]["type"] in ("worker", "shared_worker", "service_worker"):
            self.worker_urls.add(event["targetInfo"]["url"])
            self._to_worker(session, 1, "Network.enable")
        self._to_worker(session, 2, "Runtime.runIfWaitingForDebugger")

    def _to_worker(self, session: str, ident: int, method: str) -> None:
        message = json.dumps({"id": ident, "method": method, "params": {}})
        try:
            self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})
        except Exception:  # the worker may already be gone
            pass

    def _from_worker(self, event: dict) -> None:
        message = json.loads(event["message"])
        method = message.get("method")
        source = f"worker-{event['sessionId'][:8]}"
        if method == "Network.requestWillBeSent":
            self._sent(source, message["params"])
        elif method == "Network.responseReceived":
            self._status(source, message["params"])
        elif method in ("Network.loadingFinished", "Network.loadingFailed"):
            self._finished(source, message["params"], failed=method == "Network.loadingFailed")

    def in_flight(self) -> int:
        return sum(1 for r in self.requests.values() if not r["done"] and r["url"] not in self.worker_urls)

    def summary(self, site: Path) -> dict:
        """Bytes per request (disk size where Chromium gave none), split into all and search."""
        counted = []
        for entry in self.requests.values():
            size, measured = entry["bytes"], True
            if size is None:  # no loadingFinished: Chromium reports none for a worker's script
                local = site / unquote(urlsplit(entry["url"]).path).lstrip("/")
                if local.is_dir():
                    local = local / "index.html"
                size, measured = (local.stat().st_size if local.is_file() else 0), False
            search = (entry["url"] in self.worker_urls or entry["source"] != "page"
                      or "/search/" in urlsplit(entry["url"]).path)
            counted.append({"url": entry["url"], "bytes": int(size), "from": entry["source"], "status": entry.get("status"),
                            "search": search, "size_from_disk": not measured})
        return {"bytes_total": sum(r["bytes"] for r in counted),
                "bytes_search": sum(r["bytes"] for r in counted if r["search"]),
                "worker_requests": sum(1 for r in counted if r["from"] != "page"),
                "requests": counted}


def type_keys(cdp, page, text: str) -> None:
    """Type as a keyboard does: keydown (which inserts the character) and keyup per character,
    KEY_DELAY_MS apart. Playwright's keyboard.type inserts characters missing from its US
    layout (Cyrillic, Hebrew, Persian, č) without key events, and Material reads the query
    on keyup, so those queries would never run."""
    for char in text:
        cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
        page.wait_for_timeout(KEY_DELAY_MS)


def search_once(browser, base_url: str, path: str, query: str, site: Path, timeout_s: float) -> dict:
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_PROBE)
        page = context.new_page()
        recorder = NetworkRecorder(context.new_cdp_session(page))
        page.goto(base_url + path.lstrip("/"), wait_until="load", timeout=timeout_s * 1000)
        box = page.locator(".md-search__input")
        if box.is_visible():
            box.click()
        else:
            page.locator('label[for="__search"]').first.click()
        type_keys(recorder.cdp, page, query)
        try:
            page.wait_for_function("() => window.__kbBench.firstResult !== undefined", timeout=timeout_s * 1000)
            error = None
        except Exception as exc:
            error = f"no result within {timeout_s:g} s" if "Timeout" in type(exc).__name__ else repr(exc)
        times = page.evaluate(TIMES)
        settle_start = time.monotonic()
        while time.monotonic() - settle_start < 5:  # let the last responses finish, at most 5 s
            page.wait_for_timeout(100)
            if recorder.in_flight() == 0 and time.monotonic() - recorder.last_activity > 0.5:
                break
        result = {"ok": error is None, "error": error, "results_shown": times["results"],
                  "load_to_result_ms": None if error else times["firstResult"] - times["load"],
                  "key_to_result_ms": None if error else times["firstResult"] - times["firstKey"]}
        result.update(recorder.summary(site))
        return result
    except Exception as exc:  # a broken page must not stop the other measurements
        return {"ok": False, "error": repr(exc), "requests": []}
    finally:
        context.close()


def measure_search(browser, site: Path, pages: dict[str, str], queries: dict[str, list[str]],
                   runs: int, timeout_s: float, label: str) -> list[dict]:
    base, server = serve(site)
    rows = []
    try:
        first = next(iter(pages))
        search_once(browser, base, pages[first], queries[first][0], site, timeout_s)  # warm-up, not counted
        for lang, path in pages.items():
            for query in queries[lang]:
                attempts = [search_once(browser, base, path, query, site, timeout_s) for _ in range(runs)]
                rows.append({"site": label, "lang": lang, "page": path, "query": query, "runs": attempts})
                print(f"  {label:10} {path:5} {query!r:14} " + " ".join(
                    f"{a['load_to_result_ms']:.0f}ms" if a["ok"] else "FAIL" for a in attempts), flush=True)
    finally:
        server.shutdown()
    return rows


def median_of(attempts: list[dict], key: str):
    values = [a[key] for a in attempts if a.get("ok") and a.get(key) is not None]
    return statistics.median(values) if values else None


# ---------------------------------------------------------------- report

def print_builds(builds: dict) -> None:
    print("\n== Builds (the run of median wall time, whole process; all runs' wall times at the end) ==")
    print(f"{'build':18} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'HTML files':>11} {'site MB':>8}  exit  HTML per language dir")
    for name, b in builds.items():
        if b is None:
            print(f"{name:18} (reused, not timed)")
            continue
        per_lang = " ".join([f"root:{b['html_files'] - sum(b['html_per_language'].values())}"]
                            + [f"{lang}:{count}" for lang, count in b["html_per_language"].items() if count])
        print(f"{name:18} {b['wall_s']:8.1f} {b['cpu_s']:8.1f} {b['peak_mib']:9.0f} {b['html_files']:11d} "
              f"{b['site_mb']:8.1f}  {b['exit']:4d}  {per_lang or '-'}   runs: "
              + ", ".join(f"{wall:.1f}" for wall, _, _ in b["runs"]))
        if b["exit"] != 0:
            print(f"   build failed; last lines of {b['log']}:")
            for line in Path(b["log"]).read_text(errors="replace").splitlines()[-8:]:
                print(f"     {line}")


def print_search(rows: list[dict]) -> None:
    print("\n== Search (median over runs; bytes raw, as served, 1 kB = 1000 B) ==")
    print(f"{'site':10} {'page':6} {'query':12} {'load->result ms':>15} {'key->result ms':>14} "
          f"{'total kB':>9} {'search kB':>9} {'worker reqs':>11} {'results':>7} {'ok':>5}")
    for row in rows:
        a = row["runs"]
        fmt = lambda v, f="{:.0f}": "-" if v is None else f.format(v)
        ok = sum(1 for r in a if r.get("ok"))
        print(f"{row['site']:10} {row['page']:6} {row['query']:12} {fmt(median_of(a, 'load_to_result_ms')):>15} "
              f"{fmt(median_of(a, 'key_to_result_ms')):>14} "
              f"{fmt(_kb(median_of(a, 'bytes_total')), '{:.1f}'):>9} "
              f"{fmt(_kb(median_of(a, 'bytes_search')), '{:.1f}'):>9} {fmt(median_of(a, 'worker_requests')):>11} "
              f"{fmt(median_of(a, 'results_shown')):>7} {ok:>3}/{len(a)}")
        for r in a:
            if not r.get("ok"):
                print(f"{'':10} ! {r.get('error')}")


def _kb(value):
    return None if value is None else value / 1000


def print_search_urls(rows: list[dict]) -> None:
    """Every request counted in one run per site, so the worker's own fetches can be checked."""
    print("\n== Requests counted (first run of the first query per site; S = counted as search) ==")
    shown = set()
    for row in rows:
        if row["site"] in shown or not row["runs"] or not row["runs"][0].get("requests"):
            continue
        shown.add(row["site"])
        print(f"{row['site']} {row['page']} {row['query']!r}:")
        for r in sorted(row["runs"][0]["requests"], key=lambda r: (not r["search"], -r["bytes"])):
            parts = urlsplit(r["url"])
            note = " (size from disk)" if r["size_from_disk"] else ""
            status = f" HTTP {r['status']}" if r["status"] not in (200, None) else ""
            print(f"   {'S' if r['search'] else ' '} {r['bytes']:>10,} B  {r['from']:16} "
                  f"{parts.path}{'?…' if parts.query else ''}{note}{status}")


def check(name: str, ok: bool | None, detail: str) -> bool | None:
    print(f"  [{'PASS' if ok else 'FAIL' if ok is not None else 'n/a '}] {name}: {detail}")
    return ok


def print_targets(builds: dict, rows: list[dict], n: int, n_small: int) -> bool:
    print("\n== Targets ==")
    results = []
    our, small, bare = builds.get(f"our n={n}"), builds.get(f"our n={n_small}"), builds.get(f"bare n={n}")
    timed = lambda b: b is not None and b["exit"] == 0

    def build_ratio(name: str, top: dict | None, bottom: dict | None, limit: float) -> None:
        if not (timed(top) and timed(bottom)) or any(t[2] or b[2] for t, b in zip(top["runs"], bottom["runs"])):
            results.append(check(name, None, "a build failed or was not timed"))
            return
        pairs = list(zip(top["runs"], bottom["runs"]))  # the same round's runs
        ratios = [t[0] / b[0] for t, b in pairs]
        ratio = statistics.median(ratios)
        cpu = statistics.median(t[1] / b[1] for t, b in pairs)
        results.append(check(f"{name} <= {limit}", ratio <= limit,
                             f"{ratio:.2f}, median of {len(ratios)} rounds: {', '.join(f'{r:.2f}' for r in ratios)} "
                             f"(CPU ratio {cpu:.2f})"))

    build_ratio(f"build(our, {n}) / build(bare, {n})", our, bare, TARGETS["build_vs_bare"])
    build_ratio(f"build(our, {n}) / build(our, {n_small})", our, small, TARGETS["build_scaling"])
    ours = [row for row in rows if row["site"] == "our"]
    for lang in QUERIES:
        lang_rows = [row for row in ours if row["lang"] == lang]
        if not lang_rows:
            results.append(check(f"search {lang}", None, "not measured"))
            continue
        failed = [row["query"] for row in lang_rows if any(not r.get("ok") for r in row["runs"])]
        worst_bytes = max((median_of(row["runs"], "bytes_search") or 0) for row in lang_rows)
        times = [median_of(row["runs"], "load_to_result_ms") for row in lang_rows]
        worst_ms = None if failed or None in times else max(times)
        results.append(check(f"search {lang}: search bytes <= {TARGETS['search_bytes'] / 1000:.0f} kB",
                             worst_bytes <= TARGETS["search_bytes"], f"{worst_bytes / 1000:.1f} kB (worst query)"))
        results.append(check(f"search {lang}: page load -> first result <= {TARGETS['search_ms'] / 1000} s",
                             worst_ms is not None and worst_ms <= TARGETS["search_ms"],
                             f"failed: {', '.join(failed)}" if failed else f"{worst_ms:.0f} ms (worst query)"))
    measured = [r for row in ours for r in row["runs"] if r.get("ok")]
    if measured:
        worst = max(measured, key=lambda r: r["bytes_total"])
        biggest = max((r for r in worst["requests"] if not r["search"]), key=lambda r: r["bytes"], default=None)
        print(f"  [info] page + search bytes, worst run: {worst['bytes_total'] / 1000:.1f} kB"
              + (f"; largest non-search response: {urlsplit(biggest['url']).path} ({biggest['bytes'] / 1000:.1f} kB)"
                 if biggest else ""))
    return all(results)


# ---------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--n-small", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kb-search-bench"))
    parser.add_argument("--runs", type=int, default=3, help="browser runs per page and query (median)")
    parser.add_argument("--build-runs", type=int, default=3, help="rounds of the three builds (ratios: median of the rounds')")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for the first result")
    parser.add_argument("--skip-bare-search", action="store_true", help="skip bare Material's search (slow at N=5000)")
    parser.add_argument("--reuse-sites", action="store_true", help="do not rebuild sites that exist (their builds are not timed)")
    args = parser.parse_args()
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)

    big = prepare_corpus(workdir, args.n, args.seed)
    small = prepare_corpus(workdir, args.n_small, args.seed)
    print(f"\nqueries (articles of the language that contain the word, n={args.n}):")
    for (lang, query), (hits, total) in document_frequencies(big / "docs").items():
        print(f"  {lang} {query!r}: {hits}/{total}")

    plan = {f"our n={args.n}": (big / "mkdocs.yml", big / "site"),
            f"our n={args.n_small}": (small / "mkdocs.yml", small / "site"),
            f"bare n={args.n}": (big / "mkdocs-bare.yml", big / "site-bare")}
    runs: dict[str, list[dict]] = {}
    # Rounds of bare, ours and ours-small in turn: a noisy spell on the shared machine slows
    # every build of its round, and each ratio is taken within a round.
    for round_number in range(1, args.build_runs + 1):
        for name, (config, site) in plan.items():
            if args.reuse_sites and (site / "index.html").exists():
                runs[name] = []
                continue
            print(f"building {name} (round {round_number}/{args.build_runs}) ...", flush=True)
            result = timed_build(config, site, site.parent / f"build-{site.name}.log")
            runs.setdefault(name, []).append(result)
            print(f"  {result['wall_s']:.1f} s wall, exit {result['exit']}", flush=True)
    builds = {name: median_run(results) for name, results in runs.items()}
    print_builds(builds)

    from playwright.sync_api import sync_playwright

    rows = []
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    print("\nsearching (page load -> first result, per run):")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        our_site, bare_site = plan[f"our n={args.n}"][1], plan[f"bare n={args.n}"][1]
        if (our_site / "index.html").exists():
            pages = {lang: "/" if lang == "en" else f"/{lang}/" for lang in QUERIES}
            rows += measure_search(browser, our_site, pages, QUERIES, args.runs, args.timeout, "our")
        if not args.skip_bare_search and (bare_site / "index.html").exists():
            first_queries = {lang: queries[:1] for lang, queries in QUERIES.items()}
            rows += measure_search(browser, bare_site, {lang: "/" for lang in QUERIES}, first_queries,
                                   args.runs, args.timeout, "bare")
        browser.close()

    print_search(rows)
    print_search_urls(rows)
    all_pass = print_targets(builds, rows, args.n, args.n_small)
    (workdir / "results.json").write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                                      "builds": builds, "search": rows}, indent=1, ensure_ascii=False))
    print(f"\nper-run details: {workdir / 'results.json'}")
    return 0 if all_pass else 1


if __name__ == "__main__":
    sys.exit(main())
