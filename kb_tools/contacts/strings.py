"""Words the generated contact blocks use, per language. English is the fallback."""

from __future__ import annotations

STRINGS = {
    "en": {
        "hours": "Hours",
        "response_time": "Response time",
        "human": "A person answers",
        "automated": "Automated; hands over to {handoff}",
        "need_help": "Need help?",
        "all_channels": "All ways to contact us",
        "still_stuck": "Still stuck?",
        "open_chat": "Start a chat",
        "open_form": "Open the form",
        "open_page": "Open the page",
        "self_help": "Browse all help topics",
        "purposes": {"support": "Customer support", "billing": "Billing and invoices", "returns": "Returns and repairs",
                     "privacy": "Privacy and personal data", "self-service": "Self-service", "news": "Service news",
                     "sales": "Sales"},
    },
}


def strings_for(lang: str | None) -> dict:
    return STRINGS.get(lang or "en", STRINGS["en"])


def purpose_title(purpose: str, lang: str | None) -> str:
    titles = strings_for(lang)["purposes"]
    return titles.get(purpose) or STRINGS["en"]["purposes"].get(purpose) or purpose.replace("-", " ").capitalize()
