"""``registry_quality``: problems of the contact registry itself, reported at its file and line.

Options: ``problem``, one of
  duplicate      two channels share an address, or one type and purpose has two addresses
  hours          a channel does not say when someone is there
  response_time  a channel does not say how soon customers hear back
  channel_types  fewer than two kinds of channel (customers need a second way in)
A bot without a hand-off to a person is refused when the registry is loaded, and so, as a
consequence, is a registry in which no channel reaches a person.
"""

from __future__ import annotations

from kb_tools.lint.checks import Check

PROBLEMS = ("duplicate", "hours", "response_time", "channel_types")


class RegistryQuality(Check):
    name = "registry_quality"
    options = ("problem",)

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.problem = self.choice(options, "problem", PROBLEMS)

    def check_registry(self, registry):
        """(line, message fields) for each problem of this kind in ``registry``."""
        return getattr(self, f"_{self.problem}")(registry)

    def _duplicate(self, registry):
        seen, purposes = {}, {}
        for c in registry.channels:
            first = seen.setdefault(c.normalized, c)
            if first is not c:
                yield c.line_of("value"), {"problem": f"'{c.value}' is also the address of channel '{first.id}' "
                                                      f"(line {first.line}): one address, one channel"}
                continue
            other = purposes.setdefault((c.type, c.purpose), c)
            if other is not c:
                yield c.line, {"problem": f"channel '{c.id}' is a second {c.type} address for '{c.purpose}' besides "
                                          f"'{other.id}' (line {other.line}): customers cannot tell which to use"}

    def _hours(self, registry):
        for c in registry.channels:
            if not c.text("hours"):
                yield c.line, {"problem": f"channel '{c.id}' does not say when someone is there: add 'hours'"}

    def _response_time(self, registry):
        for c in registry.channels:
            if not c.text("response_time"):
                yield c.line, {"problem": f"channel '{c.id}' does not say how soon customers hear back: add 'response_time'"}

    def _channel_types(self, registry):
        types = sorted({c.type for c in registry.channels})
        if len(types) < 2:
            yield registry.channels[0].line, {"problem": f"every channel is of type '{types[0]}': offer a second way to "
                                                         "reach you (a phone line, a chat or a form)"}
