from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    separate = c.ListOfItems(c.Type(str), default=[])
    """Top folders searched apart (the writers' docs): their pages get their own index, and
    the customers' index never lists them."""
    related = c.Type(bool, default=True)
    """Related articles at the end of each article, chosen at build time (kb_tools.search.suggest)."""
    synonyms = c.Type(str, default="synonyms.yml")
    """Synonym groups per language, in the docs folder (kb_tools.search.synonyms); optional."""
