from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from kb_tools.lint.options import FAIL_ON


class LintConfig(Config):
    enabled = c.Type(bool, default=True)
    fail_on = c.Choice(FAIL_ON, default="warning")
    """Findings at or above this severity are logged as warnings (so `--strict` fails); the rest as info."""
    select = c.ListOfItems(c.Type(str), default=[])
    ignore = c.ListOfItems(c.Type(str), default=[])
    per_file_ignores = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    vocabulary = c.ListOfItems(c.Type(str), default=[])
    """Words the rare-words rule (KB203) accepts: product names, the project's own terms."""
    serve_panel = c.Type(bool, default=True)
    """In `mkdocs serve` only, show each page's findings in a panel on the page."""
