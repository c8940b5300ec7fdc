"""Every table of one article as a `Tables` bundle (`bundle`), built on first use, and
written as CSV files (`output`).
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
