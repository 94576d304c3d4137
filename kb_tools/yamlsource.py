"""YAML loading that remembers where each mapping and key came from.

PyYAML's safe loader throws positions away; registry and front-matter errors must name
the line, so mappings are loaded as :class:`SourceDict` carrying their line numbers.
Duplicate keys, which PyYAML silently lets the last one win, are an error here.
"""

from __future__ import annotations

import os

import yaml

from kb_tools.errors import InputError


class SourceDict(dict):
    """A dict from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when the wheel has it: 5x faster
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> SourceDict:
    loader.flatten_mapping(node)
    result = SourceDict()
    result.line = node.start_mark.line + 1 + loader.line_offset
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        try:
            hash(key)
        except TypeError:  # "{{ x }}: y" or "? [a, b]": YAML allows it, a settings key cannot be one
            raise InputError(loader.source_path, line, "a key must be a plain value, not a list or a mapping "
                             "(template braces such as {{ … }} need quotes in YAML)") from None
        if key in result:
            raise InputError(loader.source_path, line, f"duplicate key '{key}' (first at line {result.key_lines[key]})")
        try:
            result[key] = loader.construct_object(value_node, deep=True)
        except ValueError as exc:  # YAML reads it, Python refuses it: the date 2027-02-30
            value_line = value_node.start_mark.line + 1 + loader.line_offset
            raise InputError(loader.source_path, value_line, f"invalid value for '{key}': {exc}") from None
        result.key_lines[key] = line
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text: str, path: str, line_offset: int = 0):
    """Parse YAML ``text`` from ``path``; ``line_offset`` shifts lines (front matter after ``---``)."""
    loader = _Loader(text)
    loader.source_path = str(path)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, None, f"invalid YAML: {exc}") from None
    except ValueError as exc:  # a value YAML reads but Python refuses, outside any mapping
        raise InputError(path, None, f"invalid value: {exc}") from None
    finally:
        loader.dispose()


def read_text(path, limit: int | None = None) -> str:
    """Read a UTF-8 file, naming the line of the first undecodable byte on failure; a file over
    ``limit`` bytes is refused before it is read."""
    try:
        size = os.path.getsize(path) if limit is not None else 0
        if limit is not None and size > limit:
            raise InputError(path, None, f"too large to check ({size / 1_048_576:.1f} MB; pages over {limit // 1_048_576} MB are not "
                                         "checked, which keeps kb lint's time and memory bounded): split the page")
        data = open(path, "rb").read()
    except OSError as exc:
        raise InputError(path, None, f"cannot read file: {exc.strerror}") from None
    nul = data.find(b"\0")
    if nul != -1:  # valid UTF-8 may hold NUL bytes, but no text file does: an image, an archive, a database
        line = data[:nul].count(b"\n") + 1
        raise InputError(path, line, f"a binary file, not text (a NUL byte at offset {nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8") from None
