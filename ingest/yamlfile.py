"""Read YAML while keeping the line of every mapping and key, for error messages."""
from __future__ import annotations

from pathlib import Path

import yaml
from kg.ingest.textfile import read_text

from kg.errors import DataError, Problem


class Mapping(dict):
    """A dict that remembers the line of itself and of each of its keys (1-based)."""

    line: int | None = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def as_mapping(value):
    """``value`` with every dict made a :class:`Mapping` without lines: a document built in memory.

    >>> doc = as_mapping({"statements": [{"speaker": "Turkey"}]})
    >>> isinstance(doc["statements"][0], Mapping), doc.line_of("statements")
    (True, None)
    """
    if isinstance(value, dict):
        out = Mapping((k, as_mapping(v)) for k, v in value.items())
        out.line, out.key_lines = None, {}
        return out
    if isinstance(value, list | tuple):
        return [as_mapping(v) for v in value]
    return value


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    out = Mapping()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text here; the reader parses them so that a bad one is reported with its field.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_yaml(path: Path):
    """Parse ``path``; malformed YAML or bad encoding raises ``DataError`` with file and line."""
    text = read_text(path, "a YAML file")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(Problem(f"malformed YAML: {e.problem or e.context}", str(path), line)) from None
    except yaml.YAMLError as e:
        raise DataError(Problem(f"malformed YAML: {e}", str(path))) from None
