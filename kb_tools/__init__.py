"""kb_tools: a help-centre generator (MkDocs plugins) and `kb lint`, a prose linter for support writing."""

__version__ = "0.1.0"
