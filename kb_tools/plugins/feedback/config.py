from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FeedbackConfig(Config):
    enabled = c.Type(bool, default=True)
    endpoint = c.Optional(c.Type(str))
    """Where each answer is POSTed as JSON: an https:// address, or a path on the site's own host
    (``/api/feedback``). Without one, nothing is rendered."""
