"""HTML that search puts in pages: the in-page search box and lists of articles. Pure functions
of their data, so the contact page (:mod:`kb_tools.contacts.render`) and kb/search share them."""

from __future__ import annotations

import posixpath
from html import escape

from kb_tools.contacts.strings import strings_for


def search_box(lang: str) -> str:
    """A search form in the page. It opens the header's search with what is typed (Material
    reads ``?q=``); the page's script (overrides/main.html) hands over without a reload."""
    words = strings_for(lang)
    return ('<form class="kb-search-box" role="search" method="get" action="">'
            f'<label class="kb-search-box__label" for="kb-search-box-q">{escape(words["search_box_label"])}</label>'
            '<span class="kb-search-box__row">'
            f'<input class="kb-search-box__input" id="kb-search-box-q" type="search" name="q" autocomplete="off" '
            f'enterkeyhint="search" placeholder="{escape(words["search_box_placeholder"])}">'
            f'<button class="kb-search-box__button md-button md-button--primary" type="submit">'
            f'{escape(words["search_box_button"])}</button></span></form>')


def _href(url: str, page_url: str) -> str:
    """``url`` (site-root-relative, as the index stores it) relative to the page at ``page_url``."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return posixpath.relpath(url or ".", base or ".") + ("/" if url.endswith("/") else "")


def _items(links: list, page_url: str) -> str:
    """``<li>`` links to ``links`` (:class:`kb_tools.search.suggest.Link`: url, title)."""
    return "".join(f'<li><a href="{escape(_href(link.url, page_url))}">{escape(link.title)}</a></li>' for link in links)


def related_html(links: list, lang: str, page_url: str) -> str:
    if not links:
        return ""
    title = escape(strings_for(lang)["related_title"])
    return (f'<nav class="kb-related" id="kb-related" aria-labelledby="kb-related-title">'
            f'<h2 id="kb-related-title">{title}</h2><ul>{_items(links, page_url)}</ul></nav>')


def suggestions_html(links: list, lang: str, page_url: str, purpose: str) -> str:
    if not links:
        return ""
    intro = escape(strings_for(lang)["suggestions_intro"])
    return (f'<div class="kb-suggestions" data-kb-purpose="{escape(purpose)}"><p class="kb-suggestions__intro">{intro}</p>'
            f'<ul>{_items(links, page_url)}</ul></div>')
