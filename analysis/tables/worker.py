"""The second process of `Tables.frames()`: extracts the facts of one article.

Run as `python -m analysis.tables.worker` by `bundle.Tables`. It loads the extractor at once, reads
the pickled article from stdin and finds its words (while the parent splits the sentences),
then reads the pickled sentences and writes one pickled ("ok", facts, warnings) or ("error",
exception) to stdout. Anything a library prints goes to stderr, so that stdout carries the
answer alone.
"""

from __future__ import annotations

import os
import pickle
import sys
import warnings


def main() -> None:
    answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints go to stderr
    from ..facts import extract
    from ..reading.scan import WordIndex

    extract.gazetteer()
    extract.scans()
    article = pickle.load(sys.stdin.buffer)
    index = WordIndex(article.text).build()
    sentences = pickle.load(sys.stdin.buffer)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            facts = extract.extract_facts(article, sentences, index)
        result = ("ok", facts, [(str(w.message), w.category) for w in caught])
    except Exception as exc:  # handed to the parent, which raises it
        result = ("error", exc)
    pickle.dump(result, answer, protocol=pickle.HIGHEST_PROTOCOL)
    answer.close()


if __name__ == "__main__":
    main()
