import os
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

VALID_REGISTRY = """\
organization: Example d.o.o.
region: SI
channels:
  - id: support-email
    type: email
    purpose: support
    value: support@example.com
    label: Support e-mail
    hours: Monday to Friday
    response_time: within 1 working day
  - id: support-phone
    type: phone
    purpose: support
    value: "01 620 44 80"
    hours: Monday to Friday, 8:00–16:00
    response_time: within 3 minutes
  - id: bot
    type: chat
    purpose: self-service
    value: https://example.com/bot
    human: false
    handoff: support-email
"""


@pytest.fixture
def write(tmp_path):
    """write("name.md", text) → Path, dedented, in a fresh temporary folder."""

    def _write(name: str, text: str | bytes, dedent: bool = True) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def registry_file(write):
    return write("contacts.yml", VALID_REGISTRY, dedent=False)
