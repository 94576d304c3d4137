from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CategoriesConfig(Config):
    enabled = c.Type(bool, default=True)
    auto_list = c.Type(bool, default=True)
    """Append the article list to a category page that does not write ``{{ articles }}``."""
