"""A reader's summary: the `stats` table (`stats`) and the key phrases (`keyphrases`)."""

from ..submodules import lazy

__getattr__ = lazy(__name__)
