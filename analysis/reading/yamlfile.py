"""YAML reading that remembers where each mapping starts, for errors that name the line.

A file is read as a regular file of at most `MAX_BYTES`, and its aliases (`*name`, which
repeat what `&name` marks) may repeat at most `MAX_REPEATED` values in all: a few lines of
aliases of aliases can stand for billions of strings.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import InputError
from .files import MIB, read_bounded

LINE = "__line__"
MAX_BYTES = 20 * MIB
MAX_REPEATED = 10_000

_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SAFE):
    """Safe loader (libyaml's where PyYAML has it: ten times faster) that records the 1-based
    line of every mapping under the key `__line__`."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping

    def construct_yaml_timestamp(self, node):
        """A date; one that is not (2015-02-30) stays text, for the checks to name."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


def load_yaml(path: Path):
    """Parse a YAML file; a syntax error becomes an InputError naming the file and line."""
    data = read_bounded(path, MAX_BYTES, "a YAML file", "keep it to the facts of one article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "re-save it as UTF-8"
        ) from None  # fmt: skip
    try:
        if "*" in text:
            _check_aliases(path, text)
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(path, f"{where}invalid YAML ({problem}); fix the syntax") from None


def _check_aliases(path: Path, text: str) -> None:
    """Refuse a file whose aliases repeat more than `MAX_REPEATED` values, counted on the
    parser's events (nothing is built): each alias repeats every value under its anchor."""
    sizes: dict[str, int] = {}  # anchor -> values under it, aliases expanded
    open_: list[list] = [[None, 0]]  # the collections being read: [anchor, values so far]
    repeated = 0
    for event in yaml.parse(text, Loader=_SAFE):
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append([event.anchor, 1])
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, n = open_.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, n = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            anchor, n = None, sizes.get(event.anchor, 1)
            repeated += n
            if repeated > MAX_REPEATED:
                line = event.start_mark.line + 1
                raise InputError(
                    path,
                    f"line {line}: the alias *{event.anchor} makes the file repeat more than "
                    f"{MAX_REPEATED:,} values; write the values out instead of aliases",
                )
        else:
            continue
        if anchor is not None:
            sizes[anchor] = n
        open_[-1][1] += n
