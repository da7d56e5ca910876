"""A tree as plain JSON data: what the build packs into the wheel, so the browser needs no
YAML parser. `to_data` and `from_data` round-trip, field by field as the model defines them
(decision_tree.model), so a new field needs no change here."""

from __future__ import annotations

import dataclasses
from typing import Any, get_args, get_origin, get_type_hints

from decision_tree.model import Tree, Verdict, data_fields

FORMAT = 3


def to_data(tree: Tree) -> dict[str, Any]:
    return {"format": FORMAT, **_plain(tree)}


def _plain(node: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in data_fields(type(node)):
        value = getattr(node, f.name)
        # An outcome names its verdict; the tree's `verdicts` define each one once.
        data[f.name] = value.id if isinstance(value, Verdict) else _value(value)
    return data


def _value(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return _plain(value)
    if isinstance(value, dict):
        return [_value(item) for item in value.values()]  # keyed by id: a list keeps order
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    return value


def from_data(data: dict[str, Any]) -> Tree:
    if data.get("format") != FORMAT:
        raise ValueError(
            f"compiled tree format {data.get('format')!r}, expected {FORMAT}; rebuild the site"
        )
    tree: Tree = _Builder().node(Tree, data)
    return tree


class _Builder:
    """Rebuilds each dataclass from its fields' type hints; verdicts come first in a tree,
    so the outcomes that name them get the same objects."""

    def __init__(self) -> None:
        self.verdicts: dict[str, Verdict] = {}

    def node(self, cls: Any, data: dict[str, Any]) -> Any:
        hints = get_type_hints(cls)
        values = {}
        for f in data_fields(cls):
            values[f.name] = self.value(hints[f.name], data[f.name])
            if f.name == "verdicts":
                self.verdicts = values[f.name]
        return cls(**values)

    def value(self, hint: Any, data: Any) -> Any:
        if hint is Verdict and isinstance(data, str):
            return self.verdicts[data]
        origin = get_origin(hint)
        if origin is tuple:
            return tuple(self.value(get_args(hint)[0], item) for item in data)
        if origin is dict:
            items = [self.value(get_args(hint)[1], item) for item in data]
            return {item.id: item for item in items}
        if dataclasses.is_dataclass(hint):
            return self.node(hint, data)
        return data
