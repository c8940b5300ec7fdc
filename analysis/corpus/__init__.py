"""Many articles at once: a folder's tables stacked with `doc_id` (`folder`); a corpus on Dask,
as Parquet (`run`, in `dask_run`: batches, store, aggregate), its statistics for the corpus
notebook (`stats`) and stories of our own to try it on (`generate`); and the automatic facts
scored against hand-checked ones (`evaluate`).
"""

from ..submodules import lazy
from .dask_run import run
from .store import read

__all__ = ["read", "run"]

__getattr__ = lazy(__name__)
