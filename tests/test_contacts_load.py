"""The registry loader: a valid file loads; every mistake is one message naming file and line."""

import pytest

from kb_tools.contacts import load_registry
from kb_tools.errors import InputError
from tests.conftest import VALID_REGISTRY


def test_valid_registry_loads_with_normalised_addresses(registry_file):
    registry = load_registry(registry_file)
    assert registry.organization == "Example d.o.o."
    phone = registry.get("support-phone")
    assert phone.normalized == "+38616204480"
    assert phone.href == "tel:+38616204480"
    assert phone.display == "+386 1 620 44 80"
    assert phone.text("label") == "Support phone"  # derived when not written
    assert registry.get("support-email").href == "mailto:support@example.com"
    assert [c.id for c in registry.help_channels] == ["support-email", "support-phone", "bot"]


def test_the_demo_registry_is_valid():
    registry = load_registry("docs/contacts.yml")
    assert len(registry.channels) >= 5
    assert any(not c.human for c in registry.channels)


def error_for(write, text, name="contacts.yml"):
    path = write(name, text, dedent=False)
    with pytest.raises(InputError) as info:
        load_registry(path)
    return str(info.value), str(path)


@pytest.mark.parametrize("field", ["id", "type", "value"])
def test_missing_required_field(write, field):
    if field == "id":
        text = VALID_REGISTRY.replace("  - id: support-email\n    type", "  - type", 1)
    else:
        text = VALID_REGISTRY.replace(f"    {field}: ", "    # removed: ", 1)
    message, path = error_for(write, text)
    assert message.startswith(f"{path}:4: ")
    assert f"missing required field '{field}'" in message


CASES = [
    ("duplicate id", VALID_REGISTRY.replace("id: support-phone", "id: support-email"), 11, "duplicate channel id 'support-email' (first at line 4)"),
    ("unknown type", VALID_REGISTRY.replace("type: phone", "type: phon"), 12, "unknown type 'phon' (did you mean 'phone'?)"),
    ("bad e-mail", VALID_REGISTRY.replace("support@example.com", "support.example.com"), 7, "'support.example.com' is not an e-mail address"),
    ("bad phone", VALID_REGISTRY.replace('"01 620 44 80"', '"01 620"'), 14, "'01 620' is not a phone number that can be dialled from region SI"),
    ("phone letters", VALID_REGISTRY.replace('"01 620 44 80"', '"call us"'), 14, "'call us' is not a phone number"),
    ("bot without handoff", VALID_REGISTRY.replace("    handoff: support-email\n", ""), 17, "automated (human: false) but names no 'handoff'"),
    ("handoff to unknown", VALID_REGISTRY.replace("handoff: support-email", "handoff: support-mail"), 22, "'handoff' names unknown channel 'support-mail' (did you mean 'support-email'?)"),
    ("unknown key", VALID_REGISTRY.replace("response_time: within 3", "respone_time: within 3"), 16, "unknown channel field 'respone_time' (did you mean 'response_time'?)"),
    ("bad region", VALID_REGISTRY.replace("region: SI", "region: Slovenia"), 2, "'region' must be a two-letter country code"),
    ("duplicate key", VALID_REGISTRY.replace("    label: Support e-mail\n", "    label: Support e-mail\n    label: Again\n"), 9, "duplicate key 'label' (first at line 8)"),
    ("broken YAML", VALID_REGISTRY.replace("    hours: Monday to Friday\n", "    hours: [Monday to Friday\n"), None, "invalid YAML"),
    ("not a mapping", "- just\n- a list\n", 1, "the registry must be a mapping"),
    ("no channels", "organization: X\nregion: SI\nchannels: []\n", 3, "'channels' must be a non-empty list"),
    ("bad chat URL", VALID_REGISTRY.replace("https://example.com/bot", "example.com/bot"), 20, "value must be an http(s) URL"),
]


@pytest.mark.parametrize("name,text,line,expected", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_names_file_line_and_problem(write, name, text, line, expected):
    message, path = error_for(write, text)
    assert expected in message
    if line is not None:
        assert message.startswith(f"{path}:{line}: "), message
    else:
        assert message.startswith(f"{path}:") and message.split(":")[1].isdigit()


def test_bot_handoff_must_reach_a_person(write):
    text = VALID_REGISTRY + """  - id: bot2
    type: chat
    purpose: sales
    value: https://example.com/bot2
    human: false
    handoff: bot
"""
    message, path = error_for(write, text)
    assert "'handoff' must name a human channel, but 'bot' is automated" in message
    assert message.startswith(f"{path}:30:")


def test_non_utf8_file_names_the_line(write):
    data = VALID_REGISTRY.replace("Monday to Friday, 8", "Ponedeljek–petek, 8").encode("cp1250")
    path = write("contacts.yml", data)
    with pytest.raises(InputError) as info:
        load_registry(path)
    assert str(info.value).startswith(f"{path}:15: not valid UTF-8")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        load_registry(tmp_path / "nope.yml")


def test_localised_fields(write):
    text = VALID_REGISTRY.replace("    label: Support e-mail\n", "    label:\n      en: Support e-mail\n      sl: E-pošta podpore\n")
    registry = load_registry(write("contacts.yml", text, dedent=False))
    channel = registry.get("support-email")
    assert channel.text("label", "sl") == "E-pošta podpore"
    assert channel.text("label", "en") == "Support e-mail"
    assert channel.text("label", "fa") == "Support e-mail"  # first given, when no translation


def test_national_format_only_for_the_registrys_own_numbers(write):
    text = VALID_REGISTRY.replace("region: SI", "region: SI\nphone_format: national") + """  - id: london
    type: phone
    purpose: sales
    value: "+44 20 7946 0018"
"""
    registry = load_registry(write("contacts.yml", text, dedent=False))
    assert registry.get("support-phone").display == "(01) 620 44 80"  # phonenumbers' national style for SI
    assert registry.get("london").display == "+44 20 7946 0018"


def test_region_is_needed_only_for_phone_numbers(write):
    text = "organization: X\nchannels:\n  - id: mail\n    type: email\n    value: a@b.example\n"
    assert load_registry(write("contacts.yml", text, dedent=False)).region == ""
    message, path = error_for(write, text + "  - id: tel\n    type: phone\n    value: '01 620 44 80'\n")
    assert message.startswith(f"{path}:1: 'region' must be a two-letter country code") and "it is missing" in message


def test_a_channel_that_is_not_a_mapping_names_the_channels_line(write):
    message, path = error_for(write, "organization: X\nregion: SI\nchannels:\n  - just a string\n")
    assert message == f"{path}:3: channel 1 must be a mapping with 'id', 'type' and 'value'"


def test_handoff_hint_never_suggests_the_channel_itself(write):
    message, _ = error_for(write, VALID_REGISTRY.replace("handoff: support-email", "handoff: bot"))
    assert "must name a human channel" in message
    message, _ = error_for(write, VALID_REGISTRY.replace("handoff: support-email", "handoff: bots"))
    assert "did you mean 'bot'" not in message
