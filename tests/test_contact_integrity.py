"""Contact addresses written into pages (KB302, KB303) on a fixture project of realistic pages.

The expectations were read off the pages by hand: every address a customer can see, at its
line and column, and nothing from code, comments or look-alikes (IBAN, VAT id, invoice and
order numbers, dates, times, prices, versions, status and API URLs)."""

import json

from kb_tools.cli import main
from tests.conftest import ROOT

FIXTURE = ROOT / "tests/fixtures/contact-pages"

EXPECTED = [
    ("billing.md", 6, 10, "KB302", "Billing@ACME.example"),              # mixed-case e-mail
    ("billing.md", 7, 19, "KB302", "+386 (0)1 620-44-80"),               # international, trunk prefix, dashes
    ("billing.md", 8, 17, "KB303", "billing-old@acme.example"),          # an undeclared address
    ("billing.md", 12, 16, "KB302", "mailto:billing@acme.example?subject=Invoice%20ZR-104233"),
    ("billing.md", 14, 2, "KB302", "billing@acme.example"),              # [addr](mailto:addr) counts once
    ("support.md", 4, 21, "KB302", "https://acme.example/chat/"),        # inside an admonition
    ("support.md", 6, 10, "KB302", "00386 1 620 44 80"),                 # 00 international prefix, in a list
    ("support.md", 7, 24, "KB303", "01 234 56 78"),                      # a national number not in the registry
    ("support.md", 12, 12, "KB303", "helpdesk@acme.example"),            # in a table
    ("support.md", 15, 8, "KB302", "@acme@social.acme.example"),         # a handle
    ("support.md", 15, 37, "KB302", "https://social.acme.example/@acme/"),  # its profile URL
    ("support.md", 16, 16, "KB303", "https://x.com/acme_help"),          # a social profile not in the registry
    ("support.md", 17, 9, "KB303", "https://acme.example/contact-form"),  # a contact form, as an autolink
    ("support.md", 21, 14, "KB303", "+44 20 7946 0018"),                 # a foreign number
    ("support.md", 22, 14, "KB302", "tel:+38616204480"),                 # a tel: link
]


def lint_fixture(capsys, monkeypatch):
    monkeypatch.chdir(FIXTURE)
    code = main(["lint", "docs", "--format", "json", "--select", "KB3"])
    return code, json.loads(capsys.readouterr().out)


def test_every_address_at_its_place_and_nothing_else(capsys, monkeypatch):
    code, report = lint_fixture(capsys, monkeypatch)
    found = [(d["path"].removeprefix("docs/"), d["line"], d["column"], d["code"]) for d in report["diagnostics"]]
    assert found == [e[:4] for e in EXPECTED]
    assert code == 1


def test_findings_quote_the_address_and_offer_a_fix_outside_links(capsys, monkeypatch):
    _, report = lint_fixture(capsys, monkeypatch)
    for d, (_, _, _, code, text) in zip(report["diagnostics"], EXPECTED):
        assert f"'{text}'" in d["message"]
    by_place = {(d["path"], d["line"], d["column"]): d for d in report["diagnostics"]}
    assert by_place[("docs/billing.md", 6, 10)]["fix"] == "{{ contact.billing-email }}"
    assert by_place[("docs/support.md", 15, 8)]["fix"] == "{{ contact.mastodon }}"
    assert "fix" not in by_place[("docs/billing.md", 12, 16)]  # a link target: the whole link must go
    assert "fix" not in by_place[("docs/support.md", 7, 24)]  # not in the registry: nothing to point to


def test_end_columns_cover_the_address(capsys, monkeypatch):
    _, report = lint_fixture(capsys, monkeypatch)
    for d, expected in zip(report["diagnostics"], EXPECTED):
        line = (FIXTURE / d["path"]).read_text(encoding="utf-8").split("\n")[d["line"] - 1]
        assert line[d["column"] - 1:d["end_column"] - 1] == expected[4]


REGISTRY_PROBLEMS = """\
organization: Example
region: SI
channels:
  - id: mail
    type: email
    value: help@example.com
    hours: every day
    response_time: within a day
  - id: mail-again
    type: email
    purpose: billing
    value: HELP@example.com
    hours: every day
    response_time: within a day
  - id: second-support-mail
    type: email
    value: support@example.com
    response_time: within a day
  - id: phone
    type: phone
    value: "01 620 44 80"
    hours: weekdays
"""


def test_registry_quality_is_reported_at_its_lines(capsys, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("docs/contacts.yml", REGISTRY_PROBLEMS, dedent=False)
    write("docs/a.md", "Hello.\n")
    code = main(["lint", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]]
    assert found == [
        ("docs/contacts.yml", 12, 5, "KB301"),   # the same address as 'mail', in another case
        ("docs/contacts.yml", 15, 5, "KB301"),   # a second e-mail address for support
        ("docs/contacts.yml", 15, 5, "KB305"),   # no hours
        ("docs/contacts.yml", 19, 5, "KB306"),   # no response time
    ]
    assert "also the address of channel 'mail' (line 4)" in report["diagnostics"][0]["message"]
    assert code == 1


def test_demo_registry_has_no_quality_problems(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["lint", "--select", "KB30", "docs/index.md"]) == 0
