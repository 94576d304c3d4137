"""KB201/KB202 judge difficulty, not length alone: what counts as a word, lists, density, names."""

from kb_tools.lint.diagnostic import Severity
from kb_tools.lint.engine import Linter, Settings
from kb_tools.lint.select import Selector


def findings(text, lang="en", code="KB2"):
    linter = Linter(Settings(Selector(select=(code,)), default_lang=lang))
    return linter.lint_text(text + "\n", f"page.{lang}.md")


def only(text, lang="en", code="KB201"):
    found = findings(text, lang, code)
    assert len(found) <= 1, found
    return found[0] if found else None


# 23 words of prose, padded with markup that a customer does not read as words.
PROSE_24 = ("Open the vault, choose the item you want to share with your family and press Share "
            "so that everyone can see it")


def test_template_tags_attribute_lists_urls_and_code_are_not_words():
    text = (f'{{% callout info %}}{PROSE_24} {{% icon fa-share %}} [here](https://example.com/a/b/c){{:target="_blank"}} '
            f'`vault share --all`.{{% endcallout %}}')
    assert only(text) is None  # 23 + "here" = 24 words; with the tag, URL and code 30 would be flagged; tags, URL and code are not words
    assert only(text.replace("{% icon fa-share %}", "with one more clause of words")) is not None


def test_jinja_comments_and_kramdown_attribute_lists_are_not_words():
    assert only(PROSE_24 + " today {# reviewed by legal in May, keep as is #} {: .note #top }") is None


def test_a_bold_lead_label_is_not_part_of_the_next_sentence():
    item = "- **Biometric unlock with a fingerprint**: " + PROSE_24 + " today."
    assert only(item) is None
    assert only("- **Biometric unlock with a fingerprint** " + PROSE_24 + " today.") is not None  # no colon: not a label


def test_a_long_step_list_is_info_not_warning():
    steps = ("Go to Orders, pick the order, tap Change address, type the new street, the house number, "
             "the postcode and the town, check the map, press Save and wait for the confirmation e-mail from us.")
    found = only(steps)
    assert found.severity is Severity.INFO and "list" in found.message


def test_a_long_one_idea_sentence_is_info_below_the_hard_limit():
    sentence = ("If the parcel has not arrived within five working days of the date in the shipping e-mail "
                "we sent you then please write to us so that we can ask the courier where it is.")
    assert 25 < len(sentence.split()) <= 40
    assert only(sentence).severity is Severity.INFO


OVER_THE_HARD_LIMIT = ("If the parcel has not arrived within five working days of the date in the shipping e-mail "
                       "we sent you when it left our warehouse then please write to us with the order number so that "
                       "we can ask the courier where it is and send a new one")


def test_over_the_hard_limit_is_a_warning():
    assert len(OVER_THE_HARD_LIMIT.split()) > 40
    assert only(OVER_THE_HARD_LIMIT).severity is Severity.WARNING


def test_a_dense_chain_of_nominalisations_is_a_warning_below_the_hard_limit():
    sentence = ("Verification of the documentation is required prior to the commencement of the reimbursement, "
                "and the completion of the assessment is performed by the department after the submission of the "
                "application form and its registration.")
    assert 32 < len(sentence.split()) <= 40
    found = only(sentence)
    assert found.severity is Severity.WARNING and "abstract nouns" in found.message


def test_a_dense_sentence_just_over_the_limit_is_info():
    """Editors judging real help centres found a 22-26-word sentence with a few nominalisations
    readable enough: density makes a warning only past halfway to the hard limit (32 in English)."""
    sentence = ("Verification of the documentation is required prior to the commencement of the reimbursement "
                "and the completion of the assessment by the department within ten days of the submission.")
    assert 25 < len(sentence.split()) <= 32
    assert only(sentence).severity is Severity.INFO


def test_a_long_sentence_in_a_block_quote_is_info():
    found = Linter(Settings(Selector(select=("KB201",)))).lint_text("> " + OVER_THE_HARD_LIMIT + ".\n", "x.md")
    assert [d.severity for d in found] == [Severity.INFO]


def test_dense_russian_officialese_is_a_warning():
    sentence = ("Осуществление проверки документации производится отделом после получения заявления, "
                "а принятие решения о возмещении стоимости осуществляется в течение тридцати дней с момента регистрации обращения "
                "и завершения рассмотрения представленных документов комиссией.")
    assert 27 < len(sentence.split()) <= 35
    assert only(sentence, "ru").severity is Severity.WARNING


def test_product_names_and_labels_do_not_make_a_paragraph_hard():
    names = ("Open Bitwarden Authenticator, go to Settings, Vault Timeout Configuration, then Organization Administration, "
             "and choose Enterprise Single Sign-On Integration. Select Microsoft Entra Identification Federation. "
             "Press Synchronize Directory Connector. Then open Administrator Console Notifications and Universal Two-Step "
             "Authentication. Choose Security Information Dashboard.")
    assert only(names, code="KB202") is None
    hard = ("Notwithstanding previously communicated expectations regarding estimated processing durations, reimbursements "
            "associated with cancelled subscriptions are systematically initiated following verification of corresponding "
            "transaction identifiers, consequently necessitating additional administrative confirmation, occasionally extending "
            "beyond originally anticipated timeframes for customers experiencing unexplained discrepancies. "
            "Notwithstanding considerable organisational complexity, subsequent communications necessitate documentation.")
    assert only(hard, code="KB202").severity is Severity.WARNING


def test_hebrew_feminine_plurals_are_not_abstract_nouns():
    # -ות is the plural of many nouns and adjectives (היכולות המתקדמות), not a nominalisation
    sentence = ("כדי להשתמש ביכולות המתקדמות של ההוצאות, התקינו את התוספת של ניהול ההוצאות והפעילו את "
                "התכונות החדשות במופע שלכם כבר היום בבוקר, מיד אחרי ההתקנה.")
    found = only(sentence, "he")
    assert found is None or found.severity is Severity.INFO


def kb202(text, lang="en"):
    return [d.severity for d in Linter(Settings(Selector(select=("KB202",)))).lint_text(text + "\n", f"page.{lang}.md")]


LONG_WORDS_SHORT_SENTENCES = (
    "Certificate transparency monitoring identifies unauthorised certificates. Administrators configure notification "
    "preferences individually. Organisational policies determine verification requirements. Documentation describes "
    "configuration alternatives comprehensively. Synchronisation happens automatically. Authentication requires "
    "institutional credentials. Revocation invalidates compromised certificates immediately. Notifications summarise "
    "certificate irregularities daily. Administrators acknowledge notifications individually. Investigations conclude "
    "within seventy-two hours.")


def test_long_words_in_short_sentences_make_a_hard_paragraph_info_not_a_warning():
    """Terms a product cannot avoid are long: editors called such paragraphs "hard" pedantic."""
    assert kb202(LONG_WORDS_SHORT_SENTENCES) == [Severity.INFO]


def test_long_words_in_long_sentences_make_a_hard_paragraph_a_warning():
    paragraph = ("Notwithstanding any previously communicated expectations regarding the estimated processing duration, "
                 "reimbursements associated with cancelled subscriptions are systematically initiated following verification "
                 "of the corresponding transaction identifiers, consequently necessitating additional administrative "
                 "confirmation. Customers experiencing unexplained discrepancies should consequently contact the appropriate "
                 "organizational representatives responsible for the administration of their contractual arrangements.")
    assert kb202(paragraph) == [Severity.WARNING]


def test_a_hard_paragraph_in_a_block_quote_is_info():
    assert kb202("> " + LONG_WORDS_SHORT_SENTENCES.replace(". ", ", and ")) == [Severity.INFO]


def test_items_between_semicolons_are_a_list_not_a_long_sentence():
    sentence = ("The measures in force are these: schools and kindergartens stay open with masks in every classroom; "
                "shops and markets close at eight in the evening on weekdays and at noon on Sundays; "
                "gatherings of more than ten people who do not live together are not allowed anywhere")
    assert len(sentence.split()) > 40
    assert only(sentence).severity is Severity.INFO
