"""``kb search "query"``: the site's own search from the command line, for writers.

The indexes are built from the docs folder as ``kb/search`` builds them (same settings from
mkdocs.yml: languages, ``separate`` folders, synonyms) and ranked as the browser ranks them
(:mod:`kb_tools.search.rank`), so the order shown is the order customers see. Each result
says which of its fields the query's words matched, and how (exactly, as the start of a
longer word while typing, through a typo, or only through a synonym).
"""

from __future__ import annotations

import argparse
import json
import sys

from kb_tools import lint_setup
from kb_tools.errors import ExitStatus, InputError
from kb_tools.search import index
from kb_tools.search.project import SearchSetup
from kb_tools.search.rank import PREFIX_FACTOR, Searcher
from kb_tools.search.stemming import Stemmer
from kb_tools.search.text import tokens
from kb_tools.source_pages import display_path

HOW = {1.0: "", PREFIX_FACTOR: "start of a word"}


def add_parser(subparsers) -> argparse.ArgumentParser:
    search = subparsers.add_parser(
        "search", help="search the help centre as customers do, showing why each result matched",
        description="Rank the docs folder's pages for QUERY with the site's own search. Exit 0: something found; "
                    "1: nothing found; 2: input error.")
    search.add_argument("query", metavar="QUERY", help="what a customer would type (quote it)")
    search.add_argument("--lang", help="the language's index to search (default: the site's default language)")
    search.add_argument("--index", metavar="NAME", help="a separate folder's index instead, e.g. writing/en")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="how many results to show (default: 10)")
    search.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    search.add_argument("--config-file", metavar="FILE", help="mkdocs.yml to read settings from (default: ./mkdocs.yml if present)")
    return search


def run(args) -> int:
    project = lint_setup.project(args)
    setup = SearchSetup.from_project(project)
    lang = args.lang or setup.default
    if args.limit < 1:
        raise InputError("--limit", None, "must be 1 or more")
    name = args.index or lang
    built = setup.build()
    if name not in built:
        known = ", ".join(sorted(built)) or "none: the docs folder has no pages"
        raise InputError("--index" if args.index else "--lang", None, f"no search index '{name}' in {setup.docs_dir} (indexes: {known})")
    searcher = Searcher(built[name].files)
    result = searcher.search(args.query, limit=args.limit)
    stemmer = Stemmer(built[name].lang)
    rows = []
    for hit in result.hits:
        source, document = built[name].sources[hit.doc], built[name].documents[hit.doc]
        rows.append({"rank": len(rows) + 1, "title": document.title, "url": hit.url, "path": display_path(source.path),
                     "score": round(hit.score, 1), "words": hit.words,
                     "matched": _matched(searcher, stemmer, document, hit.doc, args.query)})
    if args.format == "json":
        json.dump({"query": args.query, "index": name, "total": result.total, "results": rows}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_text(args.query, name, result.total, rows))
    return ExitStatus.OK if rows else ExitStatus.FINDINGS


def _matched(searcher: Searcher, stemmer: Stemmer, document: index.Document, doc: int, query: str) -> dict[str, list[str]]:
    """Field → the words of that field (as written) that the query reached, with how when not
    exactly; ``synonym`` → the query's words that reached the page only through docs/synonyms.yml."""
    reach: dict[str, str] = {}  # index term → how the query reached it
    words_of: dict[str, str] = {}  # index term → query word
    for word, typing in searcher.query_words(query):
        for term, factor, _ in searcher.word_matches(word, typing):
            reach.setdefault(term, HOW.get(factor, "typo"))
            words_of.setdefault(term, word)
    found: dict[str, list[str]] = {}
    explained = set()
    for field, _ in index.FIELDS:
        for written in dict.fromkeys(tokens(document.text(field))):
            term = next((t for t, _ in stemmer.index_terms(written) if t in reach), None)
            if term is not None:
                explained.add(words_of[term])
                found.setdefault(field, []).append(f"{written} ({reach[term]})" if reach[term] else written)
    via_synonyms = [word for word, typing in searcher.query_words(query)
                    if word not in explained and doc in searcher.word_scores(word, typing)]
    if via_synonyms:
        found["synonym"] = via_synonyms
    return found


def _text(query: str, name: str, total: int, rows: list[dict]) -> str:
    if not rows:
        return f"kb search: nothing in '{name}' matches {query!r}\n"
    lines = []
    for row in rows:
        lines.append(f"{row['rank']:>3}. {row['title']}  ({row['path']}, /{row['url']})")
        matched = "; ".join(f"{field}: {', '.join(words)}" for field, words in row["matched"].items())
        lines.append(f"     score {row['score']:g} · {matched}")
    lines.append(f"{total} page(s) match in '{name}'; the first {len(rows)} shown.")
    return "\n".join(lines) + "\n"
