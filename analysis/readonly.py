"""Read-only copies of plain data (an article's metadata): a dict and a list that refuse every
change, and still compare, print, pickle and serialise to JSON as the dict and list they copy."""

from __future__ import annotations

from typing import Any, NoReturn

_WHY = "is read-only: an Article never changes once built; make a new one with a changed copy "
_HOW = "(dataclasses.replace(article, meta={**article.meta, ...}))"


def _refuse(self, *args, **kwargs) -> NoReturn:
    raise TypeError(f"this {type(self).__name__} {_WHY}{_HOW}")


class ReadOnlyDict(dict):
    """A dict that refuses changes. `dict(d)` gives a changeable copy."""

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self):
        return (ReadOnlyDict, (dict(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReadOnlyList(list):
    """A list that refuses changes. `list(x)` gives a changeable copy."""

    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __reduce__(self):
        return (ReadOnlyList, (list(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def frozen(value: Any) -> Any:
    """A read-only copy of `value`: dicts and lists (and tuples of them) at any depth made
    read-only; anything else (str, int, a date, None) as it is."""
    if isinstance(value, dict):
        return ReadOnlyDict({k: frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return ReadOnlyList(frozen(v) for v in value)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(frozen(v) for v in value)
    return value
