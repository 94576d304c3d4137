"""What ``kb lint`` and ``kb report`` set up alike from the command line and ``mkdocs.yml``:
the project, the ``kb/lint`` options, the registry and the Linter (DESIGN §3.1)."""

from __future__ import annotations

import os
import re
import sys

from kb_tools.contacts import load_registry
from kb_tools.errors import InputError
from kb_tools.lint.engine import Linter
from kb_tools.lint.options import LintOptions
from kb_tools.lint.select import parse_codes
from kb_tools.project_config import ProjectConfig, load_project


def project(args) -> ProjectConfig:
    if args.config_file and not os.path.exists(args.config_file):
        raise InputError(args.config_file, None, "no such configuration file")
    return load_project(args.config_file or "mkdocs.yml")


def options(args, project: ProjectConfig) -> LintOptions:
    """The plugin's options from ``mkdocs.yml``, overridden by ``--select``/``--ignore``/``--fail-on`` where given."""
    try:
        found = LintOptions.from_mapping(project.lint)
        if getattr(args, "select", None):
            found.select = parse_codes(args.select, "--select")
        if getattr(args, "ignore", None):
            found.ignore = parse_codes(args.ignore, "--ignore")
    except ValueError as exc:
        raise InputError(project.path or "command line", None, str(exc)) from None
    if getattr(args, "fail_on", None):
        found.fail_on = args.fail_on
    return found


def linter(args, project: ProjectConfig, options: LintOptions) -> Linter:
    """A Linter for the project's language and registry (``--contacts``, the plugin's ``file``,
    or ``contacts.yml`` in the docs folder; without one, contact checks are skipped, said on stderr)."""
    if args.lang and not re.fullmatch(r"[a-z]{2,3}", args.lang):
        raise InputError("--lang", None, f"'{args.lang}' is not a language code such as en, ru, hr, sl, he or fa")
    contacts = args.contacts or project.contacts_file or os.path.join(project.docs_dir, "contacts.yml")
    registry = None
    if args.contacts or os.path.exists(contacts):
        registry = load_registry(contacts)
    else:
        print(f"kb: no contact registry at {contacts}; contact checks skipped", file=sys.stderr)
    return Linter(options.settings(project.language or args.lang), registry)
