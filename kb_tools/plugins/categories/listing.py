"""HTML for the generated lists: a category's articles and a page's sub-categories."""

from __future__ import annotations

from html import escape

from kb_tools.catalog import Folder


def articles(folder: Folder, href) -> str:
    items = "".join(
        f'<li class="kb-article-list__item"><a class="kb-article-list__link" href="{escape(href(a.src_uri))}">{escape(a.title)}</a>'
        + (f'<p class="kb-article-list__description">{escape(a.description)}</p>' if a.description else "") + "</li>"
        for a in folder.articles)
    return f'<ul class="kb-article-list">{items}</ul>'


def categories(folder: Folder, href, count_labels: tuple[str, str] = ("{n} article", "{n} articles")) -> str:
    cards = []
    for sub in folder.subfolders:
        n = len(sub.articles)
        if n == 0:
            continue  # nothing to read in this language (yet)
        cards.append(
            f'<li class="kb-category-grid__item"><a class="kb-category-grid__link" href="{escape(href(sub.index.src_uri))}">'
            f'<span class="kb-category-grid__title">{escape(sub.index.title)}</span>'
            + (f'<span class="kb-category-grid__description">{escape(sub.index.description)}</span>' if sub.index.description else "")
            + f'<span class="kb-category-grid__count">{escape(count_labels[n != 1].format(n=n))}</span></a></li>')
    return f'<ul class="kb-category-grid">{"".join(cards)}</ul>'
