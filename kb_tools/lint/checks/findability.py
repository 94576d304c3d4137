"""Site-wide checks: can customers find each article, and does each answer its own question?

``findability`` (options ``report``: ``unfound`` or ``no_questions``; ``top``, default 3)
  ``unfound``: the article's title and each of its ``questions:`` are typed into the site's
  own search (:mod:`kb_tools.search.rank`, the browser's ranking in Python); if the article
  is not in the first ``top`` results, customers asking that way won't see it: other articles
  answer those words better (the question belongs to one of them, or the article must say it
  in its own text). The listed wording is part of the index, as on the site. Scoring each
  question without its own line was tried and rejected: it flags the phrasings ``questions:``
  exists to add (51 of the demo's 180, such as "going on vacation" for pausing a subscription).
  ``no_questions``: an article without ``questions:`` is found by its title and text only.

``duplicate_articles`` (option ``threshold``, default 0.75)
  Two articles in one language whose words are alike past ``threshold``
  (:mod:`kb_tools.search.similarity`). The
  threshold was set on the demo help centre, whose most alike distinct articles (descaling
  the machine, and what its blinking orange light means) score 0.61. Customers then find one of the two at random, and
  writers keep two answers in step.
"""

from __future__ import annotations


from kb_tools.lint.checks import Check
from kb_tools.lint.site import Article, Site, SiteFinding, front_matter_line

ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def _ordinal(n: int) -> str:
    return ORDINALS.get(n if n < 20 else n % 10, f"{n}th") if not 10 < n % 100 < 14 else f"{n}th"


def _quoted(titles: list[str]) -> str:
    shown = [f"'{t}'" for t in titles]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


class Findability(Check):
    name = "findability"
    options = ("report", "top")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.report = self.choice(options, "report", ("unfound", "no_questions"))
        self.top = int(options.get("top", 3))

    def describe(self) -> str:
        return f"top {self.top} of the site's search" if self.report == "unfound" else ""

    def check_site(self, site: Site, wanted):
        """SiteFindings for the articles whose path ``wanted(path)`` accepts."""
        for article in site.articles:
            if not wanted(article.path):
                continue
            if self.report == "no_questions":
                if not article.document.questions:
                    yield SiteFinding(article.path, front_matter_line(article.source.path, "title"),
                                      {"title": article.document.title})
                continue
            yield from self._unfound(site, article)

    def _unfound(self, site: Site, article: Article):
        searcher = site.searcher(article.index)
        asked = [("title", article.document.title)] + [("questions", q) for q in article.document.questions]
        for key, query in asked:
            place = searcher.place(query, article.number, self.top)
            if place is None:
                continue
            rank, first = place
            above = [site.title_of(article.index, doc) for doc in first]
            where = "the search does not find it" if rank is None else f"it comes {_ordinal(rank + 1)}"
            if above:
                where += f", after {_quoted(above)}"
            line = front_matter_line(article.source.path, key, query if key == "questions" else None)
            yield SiteFinding(article.path, line, {"query": query, "where": where, "top": self.top})


class DuplicateArticles(Check):
    name = "duplicate_articles"
    options = ("threshold",)

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.threshold = float(options.get("threshold", 0.75))

    def describe(self) -> str:
        return f"cosine ≥ {self.threshold}"

    def check_site(self, site: Site, wanted):
        """A SiteFinding on the second (by path) of each alike pair, when ``wanted(path)`` accepts it."""
        by_number = {(a.index, a.number): a for a in site.articles}
        for name, built in sorted(site.built.items()):
            for (a, b), alike in sorted(built.alike.items()):
                if alike < self.threshold or (name, a) not in by_number or (name, b) not in by_number:
                    continue
                first, second = sorted((by_number[name, a], by_number[name, b]), key=lambda x: x.path)
                if not wanted(second.path):
                    continue
                yield SiteFinding(second.path, front_matter_line(second.source.path, "title"),
                                  {"other": first.path, "other_title": first.document.title,
                                   "title": second.document.title, "similarity": f"{alike:.0%}"})
