"""Which language a page is linted in when nothing, or something wrong, says so (issue: never
apply English rules to text that is not English)."""

import pytest

from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.language import stated_language
from kb_tools.lint.language_id import identify

TEXTS = {
    "en": "If the parcel has not arrived within five working days, write to us and we will ask the courier where it is. "
          "You can also track it yourself in your account.",
    "pt": "Se a encomenda não chegou dentro de cinco dias úteis, escreva-nos e perguntaremos à transportadora onde está. "
          "O utilizador pode também acompanhar a encomenda na sua conta.",
    "hr": "Ako paket nije stigao u roku od pet radnih dana, pišite nam i pitat ćemo dostavljača gdje je. "
          "Pošiljku možete pratiti i sami u svom korisničkom računu.",
    "sl": "Če paket ni prispel v petih delovnih dneh, nam pišite in vprašali bomo dostavljavca, kje je. "
          "Pošiljko lahko spremljate tudi sami v svojem uporabniškem računu.",
    "ru": "Если посылка не пришла в течение пяти рабочих дней, напишите нам, и мы спросим курьера, где она. "
          "Вы также можете отследить её в личном кабинете.",
    "he": "אם החבילה לא הגיעה תוך חמישה ימי עסקים, כתבו לנו ונבדוק עם חברת השליחויות איפה היא. "
          "אפשר גם לעקוב אחריה באזור האישי.",
    "fa": "اگر بسته در پنج روز کاری نرسید، به ما پیام دهید تا از شرکت پست بپرسیم کجاست. "
          "شما می‌توانید خودتان هم آن را در حساب کاربری پیگیری کنید.",
    "es": "Si el paquete no ha llegado en cinco días hábiles, escríbenos y preguntaremos a la empresa de mensajería dónde está. "
          "También puedes seguirlo en tu cuenta.",
    "de": "Wenn das Paket nicht innerhalb von fünf Werktagen angekommen ist, schreiben Sie uns und wir fragen den Kurier, "
          "wo es ist. Sie können es auch selbst in Ihrem Konto verfolgen.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_few_sentences_identify_their_language(lang):
    assert identify(TEXTS[lang]).lang == lang


def test_too_little_text_claims_nothing():
    assert identify("Open Settings.").lang is None


@pytest.mark.parametrize("path,expected", [
    ("docs/help/account_pt_PT.md", ("pt", "file name")),
    ("docs/help/account.pt-BR.md", ("pt", "file name")),
    ("docs/help/account.ru.md", ("ru", "file name")),
    ("docs/pt/account.md", ("pt", "folder")),
    ("docs/SETUP-pt-rBR.md", ("pt", "file name")),    # Android resource style
    ("docs/SETUP-iw-rIL.md", ("he", "file name")),    # Java's old code for Hebrew
    ("docs/pt-BR/account.md", ("pt", "folder")),
    ("docs/help/how_to.md", (None, "")),       # "_to" is no locale: a region is needed after "_"
    ("docs/help/how.to.md", (None, "")),
    ("docs/help/set-up.md", (None, "")),
])
def test_locale_markers_in_paths(path, expected):
    assert stated_language({}, path) == expected


def lint(text, path, default=None):
    return Linter(Settings(default_lang=default)).lint_text(text + "\n", path)


def test_a_page_in_a_language_without_a_pack_gets_no_english_rules():
    page = TEXTS["pt"] + " Se o utilizador não receber o código, solicite um novo no aplicativo e aguarde alguns minutos."
    found = lint(page, "docs/help/account_pt_PT.md", default="en")
    assert [d.code for d in found] == ["KB003"]  # said once; no officialese, no readability in English


def test_unmarked_text_is_linted_in_the_language_it_is_written_in():
    found = lint(TEXTS["pt"] + " " + TEXTS["pt"], "docs/help/account.md")
    assert [d.code for d in found] == ["KB003"]
    assert "'pt'" in found[0].message


def test_text_that_plainly_disagrees_with_its_front_matter_wins_and_is_reported():
    found = lint("---\nlang: en\n---\n" + TEXTS["de"] + " " + TEXTS["de"], "docs/help/account.md")
    codes = [d.code for d in found]
    assert "KB004" in codes and "KB003" in codes
    mismatch = next(d for d in found if d.code == "KB004")
    assert "'de'" in mismatch.message and "front matter" in mismatch.message and mismatch.line == 1


def test_a_configured_default_gives_way_to_the_text():
    found = lint(TEXTS["ru"] + " Чтобы получить копию, откройте раздел заказов в приложении. " + "Нажмите «Сохранить», и мы пришлём письмо с подтверждением на вашу почту.",
                 "docs/help/account.md", default="en")
    assert [d.code for d in found] == ["KB004"]  # then linted with the Russian pack, which finds nothing here


def test_a_short_text_never_overrules_what_the_page_says():
    one_sentence = TEXTS["hr"].split(". ")[0] + "."
    assert [d.code for d in lint("---\nlang: sl\n---\n" + one_sentence, "docs/a.md")] == []
    overruled = lint("---\nlang: sl\n---\n" + TEXTS["hr"] + "\n\n" + TEXTS["hr"], "docs/a.md")
    assert [d.code for d in overruled] == ["KB004"] and "'hr'" in overruled[0].message  # a paragraph or two are plain


def test_english_stays_english():
    assert lint(TEXTS["en"], "docs/a.md", default="en") == []
    assert lint(TEXTS["en"], "docs/a.md") == []
