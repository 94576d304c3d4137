import pytest

from kb_tools.contacts import normalize


@pytest.mark.parametrize("written", ["+386 1 620 44 80", "01 620 44 80", "(01) 620-44-80", "00386 1 6204480", "tel:+38616204480",
                                     "+386 (0)1 620 44 80"])
def test_phone_spellings_share_one_e164_form(written):
    assert normalize.normalize_phone(written, "SI") == "+38616204480"


@pytest.mark.parametrize("written", ["620", "+386 1 620", "hello", "+999 123 456 789"])
def test_impossible_numbers_are_rejected(written):
    with pytest.raises(ValueError):
        normalize.normalize_phone(written, "SI")


def test_region_decides_national_numbers():
    assert normalize.normalize_phone("020 7946 0958", "GB") == "+442079460958"


@pytest.mark.parametrize("written", ["Support@Zrnko.example", "mailto:support@zrnko.example?subject=Order%20ZR-1",
                                     "MAILTO:SUPPORT@ZRNKO.EXAMPLE"])
def test_email_forms(written):
    assert normalize.normalize_email(written) == "support@zrnko.example"


@pytest.mark.parametrize("good,bad", [("a@b.example", "a@b"), ("first.last+tag@mail.example.com", "a@@b.com"),
                                      ("x@sub-domain.example", ".a@b.example")])
def test_is_email(good, bad):
    assert normalize.is_email(good)
    assert not normalize.is_email(bad)


@pytest.mark.parametrize("written", ["https://www.Zrnko.example/chat/", "HTTP://zrnko.example/chat", "https://zrnko.example:443/chat#top"])
def test_url_forms(written):
    assert normalize.normalize_url(written) == "https://zrnko.example/chat"


def test_handles():
    assert normalize.normalize_handle("@Zrnko@Social.Example") == "zrnko@social.example"


def test_the_phone_prefilter_never_hides_a_number_the_matcher_finds():
    """Every region's example numbers, written nationally and internationally, in a sentence:
    whenever phonenumbers' matcher finds one, the cheap check let it run."""
    import phonenumbers

    from kb_tools.contacts import detect

    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        number = phonenumbers.example_number(region)
        if number is None:
            continue
        for style in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL):
            text = f"Call us on {phonenumbers.format_number(number, style)} today."
            for home in (region, "SI"):
                if list(phonenumbers.PhoneNumberMatcher(text, home, leniency=phonenumbers.Leniency.VALID)):
                    checked += 1
                    assert detect._may_hold_phone(text, home), (text, home)
    assert checked > 400
    assert not detect._may_hold_phone("It costs 12.50 EUR, order 4471.", "SI")
