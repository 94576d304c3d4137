"""Which pages each of mkdocs-static-i18n's language builds can do without.

mkdocs-static-i18n runs one build per language, and each build makes a new ``File`` for
every file of the docs folder before choosing that language's pages: with six languages
and 5,000 articles, 30,000 files made to keep 5,000. Pages of other languages that no
page of this build has a translation of are never used (not as pages, not as language
alternates), so they can leave the file list before i18n sees it.

Only the suffix layout (``refund.ru.md``) is handled; with the folder layout, or a name
whose suffix is not a configured language, the files stay and i18n decides as before.
"""

from __future__ import annotations

from kb_tools.lint.language import split_suffix


def unused_pages(files, config) -> list:
    """The documentation pages of ``files`` that this language's build will not use."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.config.docs_structure != "suffix" or not i18n.current_language:
        return []
    languages = set(i18n.all_languages)
    used = {i18n.current_language}
    if i18n.config.fallback_to_default:
        used.add(i18n.default_language)
    pages = []
    for file in files.documentation_pages():
        norm, suffix = split_suffix(file.src_uri, languages)
        if suffix is None and file.name.count(".") > 0:
            continue  # "how.to.md": i18n may read "to" as a locale; leave it to i18n
        pages.append((file, norm, suffix or i18n.default_language))
    wanted = {norm for _, norm, locale in pages if locale in used}
    return [file for file, norm, locale in pages if locale not in used and norm not in wanted]
