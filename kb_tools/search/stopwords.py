"""Function words per language: pronouns, articles, prepositions, auxiliaries, question words.

Customers ask in whole sentences ("how do I get my money back"); in a help centre of a few
dozen pages a word like "were" or "my" can be rare enough to look informative, and a page
that happens to use it would outrank the answer. In a query, these words neither count
towards "pages with more of the query's words first" nor weigh more than a fifth of their
score (:mod:`kb_tools.search.rank`). Pages are still indexed with them. The lists ship in
each index's manifest, so the browser applies the same ones. They are written for
customers' questions, and are kept short on purpose: a word that can carry meaning in a
help centre ("not", "no", "back", "new") is not one.
"""

from __future__ import annotations

from functools import lru_cache

from kb_tools.search.text import fold

_EN = """a an the and or but if so of to in on at by for from with about into over after before as than then
i me my mine we us our you your yours he him his she her it its they them their this that these those there here
is am are was were be been being do does did doing done have has had having will would shall should can could may
might must just also too very really please hi hello thanks thank what when where which who whom whose why how
get got any some all"""
_RU = """и а но или если то так же ли бы не ни да в во на с со к ко у о об от до из за по про для при без под над
я меня мне мой моя моё мои мы нас нам наш наша наше наши ты тебя тебе твой вы вас вам ваш ваша ваше ваши он его ему
она её ей оно они их им это этот эта эти тот та те там тут здесь что чтобы как когда где куда почему зачем какой
какая какие кто чем есть был была было были быть будет буду будут можно нужно надо пожалуйста здравствуйте спасибо"""
_HR = """i a ali ili ako da ne ni li se je su sam si smo ste bi bih bio bila bilo bili biti će ću ćete hoću u na s sa
k ka o od do iz za po pri bez pod nad ja mene meni moj moja moje moji mi nas nama naš naša naše ti tebe tebi tvoj vi
vas vama vaš vaša vaše on ona ono oni one njega njemu nje njoj njih im to ta taj ti te tu tamo ovdje ovaj ova ovo
što šta kako kada kad gdje zašto koji koja koje tko molim hvala bok pozdrav"""
_SL = """in a ali ali pa če da ne ni li se je so sem si smo ste bi bil bila bilo bili biti bo bom bodo v na s z k h o
od do iz za po pri brez pod nad jaz mene meni moj moja moje mi nas nam naš naša naše ti tebe tebi tvoj vi vas vam vaš
vaša vaše on ona ono oni one njega njemu nje njej njih jim to ta tisti tam tu tukaj ta to kaj kako kdaj kje zakaj
kateri katera katero kdo prosim hvala živjo pozdravljeni"""
_HE = """ו או אבל אם כי גם רק של את על אל עם מן מ ב ל כ ה ש אני אתה את אנחנו אתם אתן הוא היא הם הן לי לך לו לה לנו
לכם להם שלי שלך שלו שלה שלנו שלכם שלהם זה זאת זו אלה אלו שם פה כאן מה מתי איפה איך למה מדוע כמה מי איזה איזו
יש אין היה היתה היו יהיה להיות בבקשה תודה שלום"""
_FA = """و یا اما اگر که تا هم فقط از به با در بر برای بی بدون را ای این آن اینها آنها من تو او ما شما ایشان
مرا ترا مال من خودم خودت خودش خودمان اینجا آنجا چه چی چرا چطور چگونه کی کجا کدام چند است هست هستم هستند بود
بودم بودند شد شده باشد باید می نمی لطفا ممنون سلام"""

_RAW = {"en": _EN, "ru": _RU, "hr": _HR, "sl": _SL, "he": _HE, "fa": _FA}


@lru_cache(maxsize=None)
def stopwords_for(lang: str) -> tuple[str, ...]:
    """The language's function words, folded as queries are (sorted; none for other languages)."""
    return tuple(sorted({fold(w) for w in _RAW.get(lang.split("-")[0].lower(), "").split()}))
