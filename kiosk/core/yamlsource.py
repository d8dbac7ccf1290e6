"""YAML source files read with their line numbers, so every error can say file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kiosk.core.errors import SourceError


class LinedDict(dict[str, Any]):
    """A mapping read from YAML that remembers where it and each of its keys start (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` if present, else the line of the mapping itself."""
        return self.key_lines.get(key, self.line)


class LinedList(list[Any]):
    """A sequence read from YAML that remembers the line of each element (1-based)."""

    line: int
    item_lines: list[int]


class _LinedLoader(yaml.SafeLoader):
    """Safe loader that builds ``LinedDict``/``LinedList`` (never arbitrary objects)."""


def _construct_mapping(loader: _LinedLoader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    result = LinedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain scalars", key_node.start_mark
            )
        skey = str(key)
        if skey in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{skey}'", key_node.start_mark
            )
        result[skey] = loader.construct_object(value_node, deep=True)
        result.key_lines[skey] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LinedLoader, node: yaml.SequenceNode) -> LinedList:
    result = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml_text(text: str, path: str) -> Any:
    """Parse YAML text; syntax errors become ``SourceError`` naming ``path`` and the line.

    Raises:
        SourceError: the text is not valid YAML.
    """
    try:
        return yaml.load(text, Loader=_LinedLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise SourceError(path, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, None, f"invalid YAML: {exc}") from None


def load_yaml_file(path: Path) -> Any:
    """Read and parse a UTF-8 YAML file.

    Raises:
        SourceError: unreadable file, bad encoding or invalid YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError(str(path), None, "not UTF-8 text") from None
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read: {exc.strerror}") from None
    return load_yaml_text(text, str(path))


def line_of(value: Any, default: int | None = None) -> int | None:
    """Line where a parsed YAML mapping or list starts, if known."""
    return getattr(value, "line", default)
