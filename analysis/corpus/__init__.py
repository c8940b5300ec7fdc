"""Many articles at once: a folder's tables stacked with `doc_id` (`folder`); a corpus on Dask,
as Parquet (`run`, in `dask_run`: batches, store, aggregate; over the whole corpus, `wholes`:
its `copies` and its `topics`), its statistics for the corpus notebook (`stats`) and stories of
our own to try it on (`generate`; `planted`, with copies, near-misses and themes planted); and
the automatic facts scored against hand-checked ones (`evaluate`).

    from analysis import corpus
    corpus.run("news/", "out/")              # every table of every article, as Parquet
    corpus.read("out/", "events")            # one table of all of them, as a DataFrame

A batch is skipped on a rerun only when the same package wrote it (the same code, data,
libraries and options: `analysis.fingerprint`); otherwise it is built again, and the run says
what changed.
"""

from ..submodules import lazy
from .dask_run import run
from .store import read

__all__ = ["read", "run"]

__getattr__ = lazy(__name__)
