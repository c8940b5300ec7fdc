"""Reading an article: the file checked and decoded, its dateline and credits, its metadata,
the gazetteer, and its sentences and tokens with character offsets.
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
