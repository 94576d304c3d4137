from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CategoriesConfig(Config):
    enabled = c.Type(bool, default=True)
    auto_list = c.Type(bool, default=True)
    """Append the article list to a category page (a folder without sub-categories) that does not write ``{{ articles }}``."""
