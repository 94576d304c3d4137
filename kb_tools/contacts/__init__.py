"""The contact registry: one file (``contacts.yml``) that every contact detail comes from.

No MkDocs import here: the CLI, the linter and the MkDocs plugins all use this package.
"""

from kb_tools.contacts.load import load_registry
from kb_tools.contacts.model import CHANNEL_TYPES, Channel, Registry

__all__ = ["CHANNEL_TYPES", "Channel", "Registry", "load_registry"]
