"""The article's facts: curated by hand (`curated`, the facts file beside the article) or
extracted automatically (`extract`).
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
