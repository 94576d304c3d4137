from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ContactsConfig(Config):
    enabled = c.Type(bool, default=True)
    file = c.Type(str, default="contacts.yml")
    """The registry, relative to docs_dir."""
    contact_page = c.Type(str, default="contact.md")
    """Created from the registry when the docs do not have it."""
    contact_title = c.Type(str, default="Contact us")
