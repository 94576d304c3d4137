from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FreshnessConfig(Config):
    enabled = c.Type(bool, default=True)
    last_reviewed = c.Type(bool, default=True)
    """"Last reviewed <date>" at the end of each page whose front matter has ``reviewed``."""
    review_notice = c.Type(bool, default=True)
    """A notice at the top of each page past its ``review_by`` date, with a link to the contact page."""
