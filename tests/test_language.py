import pytest

from kb_tools.lint import sentences
from kb_tools.lint.language import language_of, normalize


@pytest.mark.parametrize("raw,expected", [
    ("«Доставка»", '"Доставка"'),
    ("it’s", "it's"),
    ("pur\u00adsuant", "pursuant"),
    ("می\u200cخواهم", "میخواهم"),
    ("علي", "علی"),
    ("كتاب", "کتاب"),
    ("שָׁלוֹם", "שלום"),
    ("צה״ל", 'צה"ל'),
    ("۱۲۳ ٤٥", "123 45"),
    ("ёлка", "елка"),
    ("e\u0301", "é"),
])
def test_normalize(raw, expected):
    assert normalize(raw)[0] == expected


def test_normalize_keeps_the_way_back_to_source_offsets():
    raw = "a «б» c\u00add e\u0301x שָׁלוֹם"
    text, index = normalize(raw)
    assert text == 'a "б" cd éx שלום'
    assert len(index) == len(text) + 1 and index[-1] == len(raw)
    assert raw[index[text.index("d")]] == "d"          # the soft hyphen before it is skipped
    assert index[text.index("é")] == raw.index("e\u0301")  # a composed character maps to its base
    assert raw[index[text.index("x")]] == "x"
    assert raw[index[text.index("ל")]] == "ל"          # niqqud removed, letters keep their offsets


@pytest.mark.parametrize("text,lang,expected", [
    ("See clause 74.2 of the manual. It is long! Next one, e.g. this. Done?", "en",
     ["See clause 74.2 of the manual.", "It is long!", "Next one, e.g. this.", "Done?"]),
    ("Это, т. е. пример, стоит 3.5 руб. Второе предложение… Третье", "ru",
     ["Это, т. е. пример, стоит 3.5 руб. Второе предложение…", "Третье"]),
    ("Plačate npr. s kartico. Dostava traja 2 dni.", "sl", ["Plačate npr. s kartico.", "Dostava traja 2 dni."]),
    ("آیا سفارش رسید؟ بله رسید.", "fa", ["آیا سفارش رسید؟", "بله رسید."]),
    ("Ask J. Smith. He knows.", "en", ["Ask J. Smith.", "He knows."]),
    # a list-closing abbreviation ends the sentence before a capital, not before a small letter
    ("Manage users, payments, etc. And keep it open. Bread, milk, etc. are on the list.", "en",
     ["Manage users, payments, etc.", "And keep it open.", "Bread, milk, etc. are on the list."]),
    ("Uplaćuje se 5.000,00 kn. Zatim putujete.", "hr", ["Uplaćuje se 5.000,00 kn.", "Zatim putujete."]),
    # a full stop glued between two Hebrew words is a missing space; a dotted abbreviation is not
    ("ההקראה לא תיפסק.הסמן יתמקם באזור החדש. ח.פ 51-123 רשום.", "he",
     ["ההקראה לא תיפסק.", "הסמן יתמקם באזור החדש.", "ח.פ 51-123 רשום."]),
    ("سفارش ثبت شد.پیامک می‌آید.", "fa", ["سفارش ثبت شد.", "پیامک می‌آید."]),
    ("Open the app。 Then sign in.", "en", ["Open the app。", "Then sign in."]),
])
def test_sentence_split(text, lang, expected):
    assert [text[a:b] for a, b in sentences.split(text, lang)] == expected


@pytest.mark.parametrize("meta,path,default,expected", [
    ({"lang": "ru"}, "docs/a.md", None, "ru"),
    ({"lang": "he-IL"}, "docs/a.md", None, "he"),
    ({}, "docs/a.ru.md", None, "ru"),
    ({}, "docs/he/a.md", None, "he"),
    ({}, "docs/a.md", "sl", "sl"),
    ({}, "docs/a.md", None, "en"),
])
def test_language_of(meta, path, default, expected):
    assert language_of(meta, path, default) == expected


def test_dotted_file_names_are_not_languages():
    assert language_of({}, "docs/how.to.md") == "en"
    assert language_of({}, "docs/release.2.md", "sl") == "sl"
    assert language_of({}, "docs/x.de.md", known=("de",)) == "de"


def test_configured_language_tags_are_cut_to_their_primary_subtag():
    assert language_of({}, "docs/a.md", "he_IL") == "he"


@pytest.mark.parametrize("text,lang,expected", [
    ("V skladu s 5. členom zakona vrnemo denar. Hvala.", "sl", ["V skladu s 5. členom zakona vrnemo denar.", "Hvala."]),
    ("Paket stiže 3. ožujka 2024. godine. Hvala.", "hr", ["Paket stiže 3. ožujka 2024. godine.", "Hvala."]),
    ("Choose option 5. Then wait.", "en", ["Choose option 5.", "Then wait."]),
    ("We call at 9 a.m. on Monday. Thanks.", "en", ["We call at 9 a.m. on Monday.", "Thanks."]),
    ("Согласно ст. 782 ГК РФ вы можете отказаться. Пишите.", "ru", ["Согласно ст. 782 ГК РФ вы можете отказаться.", "Пишите."]),
    ("מספר ת.ז. שלך נדרש. תודה.", "he", ["מספר ת.ז. שלך נדרש.", "תודה."]),
    ("Written by J. Smith. Thanks.", "en", ["Written by J. Smith.", "Thanks."]),
])
def test_ordinals_and_abbreviations_do_not_end_sentences(text, lang, expected):
    assert [text[a:b] for a, b in sentences.split(text, lang)] == expected


def test_a_case_ending_after_a_hyphen_is_no_initial():
    """Croatian and Slovenian decline acronyms with a hyphen: "GPS-a." ends a sentence."""
    text = "Položaj se određuje pomoću GPS-a. Zatim otvorite kartu."
    assert [text[a:b] for a, b in sentences.split(text, "hr")] == ["Položaj se određuje pomoću GPS-a.", "Zatim otvorite kartu."]


def test_persian_words_joined_by_a_zero_width_non_joiner_count_once():
    assert sentences.WORD.findall("درخواست\u200cها بررسی می\u200cشوند") == ["درخواست\u200cها", "بررسی", "می\u200cشوند"]
