"""Generate an N-article, six-language help centre for benchmarking the site build and its search.

    .venv/bin/python bench/gen_helpcentre.py --n 5000 --out /tmp/hc5000 [--seed 1]

Writes into DIR:

- ``docs/``: N articles in six category folders (account, billing, orders, delivery,
  returns, troubleshooting). Language mix: en 50 %, ru 15 %, hr 10 %, sl 10 %, he 8 %,
  fa 7 %. A non-English article is a page of its own (``slug.ru.md`` with no
  ``slug.md``). Front matter: title (a question), description (one sentence), two other
  phrasings of the question, tags and the "Still stuck?" channel. Body: about 400–500
  words assembled from the sentence templates in ``helpcentre_phrases.py``, with product,
  town and numbers varied per article so that words have realistic document frequencies.
  The home page, the contact page and the category index pages in every language, the
  contact registry ``contacts.yml`` and ``assets/`` are copied from the demo in
  /work/main/docs, so they use the same shortcodes (``{{ categories }}``,
  ``{{ contacts }}``; category pages list their articles by themselves).
- ``mkdocs.yml``: the project's own config (read from the repository's mkdocs.yml at
  generation time), every plugin kept, with ``custom_dir`` made absolute. Like the demo,
  it has no ``nav``: each language's menu lists its categories only (``not_in_nav``).
- ``mkdocs-bare.yml``: stock Material for comparison (``plugins: [search]``, no i18n,
  ``font: false``) with the same short nav (home, the six categories, contact), built
  into ``site-bare/``.

Deterministic: the same arguments (and the same demo files and mkdocs.yml) give
byte-identical files. Each article draws from its own random stream seeded by
(seed, index). Running again replaces ``DIR/docs``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import statistics
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import helpcentre_phrases as phrases  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO_DOCS = ROOT / "docs"
PROJECT_CONFIG = ROOT / "mkdocs.yml"
MIX = {"en": 0.50, "ru": 0.15, "hr": 0.10, "sl": 0.10, "he": 0.08, "fa": 0.07}
NAV = ["index.md", *(f"{c}/index.md" for c in phrases.CATEGORIES), "contact.md"]
STAMP = ".helpcentre.json"
MIN_WORDS, MAX_WORDS = 400, 500

_ALTERNATIVE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_SLOT = re.compile(r"\$([a-z]+)(?:\.([a-z]+))?")


def language_plan(n: int, seed: int) -> list[str]:
    """The language of each of the n articles: MIX by largest remainder, then shuffled."""
    exact = {lang: n * share for lang, share in MIX.items()}
    counts = {lang: int(x) for lang, x in exact.items()}
    for lang in sorted(exact, key=lambda l: counts[l] - exact[l])[:n - sum(counts.values())]:
        counts[lang] += 1
    plan = [lang for lang, count in counts.items() for _ in range(count)]
    random.Random(f"{seed}:languages").shuffle(plan)
    return plan


def number(value, lang: str) -> str:
    text = str(value).replace(".", phrases.LANGUAGES[lang]["decimal"])
    digits = phrases.LANGUAGES[lang].get("digits")
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def fill(template: str, slots: dict, rng: random.Random) -> str:
    """Pick one of each ``[a|b]`` and put the article's words into ``$slot.form``."""
    text = _ALTERNATIVE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return _SLOT.sub(lambda m: slots[m.group(1)][m.group(2) or "nom"] if m.group(1) in ("p", "city")
                     else slots[m.group(1)], text)


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalpha() or ch.isdigit() for ch in token))


def yaml_scalar(text: str) -> str:
    plain = ": " not in text and " #" not in text and not text.startswith(tuple("[]{}*&!|>'\"%@`?-,#"))
    return text if plain and yaml.safe_load(text) == text else json.dumps(text, ensure_ascii=False)


def article(i: int, lang: str, seed: int) -> tuple[str, str]:
    """(path under docs/, Markdown) of article number i."""
    rng = random.Random(f"{seed}:article:{i}")
    words = phrases.LANGUAGES[lang]
    category = phrases.CATEGORIES[rng.randrange(len(phrases.CATEGORIES))]
    t = rng.randrange(3)
    slug, tags, channel = phrases.TOPICS[category][t]
    p = rng.randrange(len(phrases.PRODUCT_KEYS))
    slots = {
        "p": words["products"][p], "city": rng.choice(words["cities"]),
        "days": number(rng.randint(2, 6), lang), "rdays": number(rng.choice([3, 5, 7, 10]), lang),
        "minutes": number(rng.choice([2, 5, 10, 15]), lang), "free": number(rng.choice([30, 40, 50]), lang),
        "price": number(rng.choice(["3.90", "4.50", "4.90", "5.90"]), lang), "order": f"ZR-{rng.randint(100000, 199999)}",
    }
    text = lambda template: fill(template, slots, rng)
    cat = words["categories"][category]
    topic = cat["topics"][t]

    steps = sorted(rng.sample(range(len(cat["steps"])), rng.randint(4, 6)))
    blocks = [text(topic["intro"]), "\n".join(f"{n}. {text(cat['steps'][s])}" for n, s in enumerate(steps, 1))]
    # Sections: the category's own paragraphs under its own headings first, then general
    # paragraphs, a list of tips, and two paragraphs each from two other categories.
    own = rng.sample(cat["paras"], len(cat["paras"]))
    general = rng.sample(words["generic"], len(words["generic"]))
    others = rng.sample([c for c in phrases.CATEGORIES if c != category], 2)
    borrowed = [para for c in others for para in rng.sample(words["categories"][c]["paras"], 2)]
    own_headings = rng.sample(cat["headings"], 2)
    general_headings = rng.sample(words["generic_headings"], 3)
    tips = "\n".join(f"- {tip}" for tip in rng.sample(words["tips"], rng.randint(3, 4)))
    later = [(general_headings[0], [tips] + general[:3]), (general_headings[1], borrowed), (general_headings[2], general[3:])]
    sections = [(None, own[:1]), (own_headings[0], own[1:3]), (own_headings[1], own[3:])] + rng.sample(later, 3)
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 20)
    total = sum(map(count_words, blocks))
    for heading, paragraphs in sections:
        head = f"## {text(heading)}" if heading else None
        added = []
        for paragraph in map(text, paragraphs):
            cost = count_words(paragraph) + (count_words(head) if head and not added else 0)
            if total < target and total + cost <= MAX_WORDS:
                added.append(paragraph)
                total += cost
        if added:
            blocks.extend(([head] if head else []) + added)

    questions = rng.sample(topic["questions"], 2)
    front = [f"title: {yaml_scalar(text(topic['title']))}", f"description: {yaml_scalar(text(topic['description']))}",
             "questions:", *(f"  - {yaml_scalar(q)}" for q in questions),
             f"tags: [{', '.join(tags)}]", f"contact: {channel}"]
    suffix = "" if lang == "en" else f".{lang}"
    path = f"{category}/{slug}-{phrases.PRODUCT_KEYS[p]}-{i:05d}{suffix}.md"
    return path, "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(blocks) + "\n"


def our_config() -> str:
    """mkdocs.yml of the project, with custom_dir absolute (its menu lists only categories
    already). Works on the YAML node tree, so tags such as ``!ENV`` survive untouched."""
    root = yaml.compose(PROJECT_CONFIG.read_text(encoding="utf-8"))
    top = {key.value: (key, value) for key, value in root.value}

    def absolute(node):
        if isinstance(node, yaml.ScalarNode) and not Path(node.value).is_absolute():
            node.value = str((PROJECT_CONFIG.parent / node.value).resolve())

    theme = top.get("theme", (None, None))[1]
    if isinstance(theme, yaml.MappingNode):
        for key, value in theme.value:
            if key.value == "custom_dir":
                absolute(value)
    if "hooks" in top and isinstance(top["hooks"][1], yaml.SequenceNode):
        for node in top["hooks"][1].value:
            absolute(node)
    header = f"# Generated by bench/gen_helpcentre.py from {PROJECT_CONFIG}: custom_dir made absolute.\n"
    return header + yaml.serialize(root, allow_unicode=True, width=100)


def bare_config() -> str:
    nav = "".join(f"  - {page}\n" for page in NAV)
    return f"""# Generated by bench/gen_helpcentre.py: stock Material for comparison, no kb plugins, no i18n.
site_name: Zrnko Help Centre (bare Material)
docs_dir: docs
site_dir: site-bare
theme:
  name: material
  language: en
  font: false
plugins:
  - search
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
nav:
{nav}not_in_nav: |
  /*/*.md
"""


def source_hash() -> str:
    """Changes when the generator or its templates change (a stale corpus is then rebuilt)."""
    digest = hashlib.sha1()
    for path in (Path(__file__), Path(phrases.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def stamp(n: int, seed: int) -> dict:
    return {"n": n, "seed": seed, "generator": source_hash()}


def is_current(out: Path, n: int, seed: int) -> bool:
    """True when out/docs was generated by this generator with these arguments."""
    path = out / STAMP
    return path.exists() and (out / "docs").is_dir() and json.loads(path.read_text()) == stamp(n, seed)


def write_configs(out: Path) -> None:
    (out / "mkdocs.yml").write_text(our_config(), encoding="utf-8")
    (out / "mkdocs-bare.yml").write_text(bare_config(), encoding="utf-8")


def generate(n: int, out: Path, seed: int = 1, quiet: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    docs = out / "docs"
    if docs.exists():
        if not (out / STAMP).exists():
            raise SystemExit(f"{docs} exists and was not written by this generator; choose another --out")
        shutil.rmtree(docs)
    (out / STAMP).write_text('{"incomplete": true}\n')  # marks docs/ as ours until the real stamp
    docs.mkdir()
    shutil.copyfile(DEMO_DOCS / "contacts.yml", docs / "contacts.yml")
    shutil.copytree(DEMO_DOCS / "assets", docs / "assets")
    suffixes = [""] + [f".{lang}" for lang in MIX if lang != "en"]
    for folder in ["", *phrases.CATEGORIES]:
        (docs / folder).mkdir(exist_ok=True)
        for name in (["index", "contact"] if folder == "" else ["index"]):
            for suffix in suffixes:
                shutil.copyfile(DEMO_DOCS / folder / f"{name}{suffix}.md", docs / folder / f"{name}{suffix}.md")

    words = {lang: [] for lang in MIX}
    for i, lang in enumerate(language_plan(n, seed)):
        path, markdown = article(i, lang, seed)
        (docs / path).write_text(markdown, encoding="utf-8")
        words[lang].append(count_words(markdown.split("\n---\n", 1)[1]))
    write_configs(out)
    (out / STAMP).write_text(json.dumps(stamp(n, seed)) + "\n")
    if not quiet:
        print(f"{n} articles in {docs}")
        for lang, counts in words.items():
            if counts:
                print(f"  {lang}: {len(counts):5d} articles, body words median {statistics.median(counts):.0f} "
                      f"(min {min(counts)}, max {max(counts)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder (docs/, mkdocs.yml, mkdocs-bare.yml)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.n, args.out.resolve(), args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
