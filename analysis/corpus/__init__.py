"""Many articles at once: a folder's tables stacked with `doc_id` (`folder`), and the
automatic facts scored against hand-checked ones (`evaluate`).
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
