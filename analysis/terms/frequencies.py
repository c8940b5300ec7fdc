"""Term tables built from the `tokens` table: frequencies, n-grams, keyness, dispersion, KWIC.

Every function takes tidy tables and returns a new tidy table; none changes its input.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from .. import schemas

REFERENCE_FLOOR = 1e-8
"""Rate given to words general English lacks (names, numbers): wordfreq's own lower limit."""


def words(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens that are words (punctuation left out)."""
    return tokens.loc[~tokens["is_punct"]]


def content(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens that are content words: neither punctuation nor stopwords."""
    return tokens.loc[~tokens["is_punct"] & ~tokens["is_stopword"]]


def _column(tokens: pd.DataFrame, name: str, mask: np.ndarray, dtype=object) -> np.ndarray:
    """A column of the tokens where `mask` holds, as a numpy array (no frame is cut: a corpus
    builds these tables for every article, and cutting a frame costs more than they do)."""
    return tokens[name].to_numpy(dtype=dtype)[mask]


def _is_word(tokens: pd.DataFrame) -> np.ndarray:
    return ~tokens["is_punct"].to_numpy(dtype=bool)


def _is_content(tokens: pd.DataFrame) -> np.ndarray:
    return ~(tokens["is_punct"].to_numpy(dtype=bool) | tokens["is_stopword"].to_numpy(dtype=bool))


def terms(tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per term (lemma): count, per_1k, rank, n_sentences, first_sentence, is_stopword.

    Sorted by count (highest first), then alphabetically.
    """
    word = _is_word(tokens)
    total = int(word.sum())
    # counted with numpy over the lemmas' codes: the same rows as a pandas group-by, for a
    # tenth of its fixed cost (a corpus builds this table for every article)
    codes, names = pd.factorize(_column(tokens, "lemma", word))
    k = len(names)
    sid = _column(tokens, "sentence_id", word, np.int64)
    count = np.bincount(codes, minlength=k)
    first = np.full(k, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, codes, sid)
    pairs = np.unique(codes * (int(sid.max(initial=0)) + 1) + sid)
    n_sentences = np.bincount(pairs // (int(sid.max(initial=0)) + 1), minlength=k)
    all_stop = (
        np.bincount(codes, weights=_column(tokens, "is_stopword", word, bool), minlength=k) == count
    )
    names = names.tolist()
    order = sorted(range(k), key=lambda i: (-count[i], names[i]))
    ranked = count[order]
    out = pd.DataFrame({
        "term": [names[i] for i in order], "count": ranked,
        "per_1k": 1000 * ranked / total if total else 0.0,
        "rank": np.searchsorted(-ranked, -ranked, side="left") + 1,
        "n_sentences": n_sentences[order], "first_sentence": first[order],
        "is_stopword": all_stop[order],
    })  # fmt: skip
    return schemas.conform(out, "terms")


def _segments(tokens: pd.DataFrame) -> list[list[str]]:
    """Runs of lower-case words between sentence ends and punctuation marks."""
    if tokens.empty:
        return []
    sid = tokens["sentence_id"].to_numpy(dtype=np.int64)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    starts_run = punct.copy()  # a punctuation mark or a new sentence starts a new run
    starts_run[1:] |= sid[1:] != sid[:-1]
    run = np.cumsum(starts_run)[~punct]
    words = tokens["lower"].to_numpy(dtype=object)[~punct].tolist()
    cuts = [0, *(np.flatnonzero(np.diff(run)) + 1).tolist(), len(words)]
    return [words[i:j] for i, j in zip(cuts[:-1], cuts[1:]) if j > i]


def _finders(segs: list[list[str]], sizes: tuple[int, ...] = (2, 3)) -> dict:
    """NLTK's collocation finders (bigrams: 2, trigrams: 3) over the runs, counted in C.

    The same frequency distributions as `BigramCollocationFinder.from_documents(segs)` and
    its trigram sibling build word by word (a test holds them equal), from `collections.Counter`
    over zipped runs.
    """
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
    from nltk.probability import FreqDist

    def fd(grams) -> FreqDist:
        return FreqDist(Counter(chain.from_iterable(grams)))

    words = fd(segs)
    pairs = fd(zip(s, s[1:]) for s in segs)
    finders = {}
    if 2 in sizes:
        finders[2] = BigramCollocationFinder(words, pairs)
    if 3 in sizes:
        finders[3] = TrigramCollocationFinder(
            words, pairs, fd(zip(s, s[2:]) for s in segs), fd(zip(s, s[1:], s[2:]) for s in segs)
        )
    return finders


def ngrams(
    tokens: pd.DataFrame, *, sizes: tuple[int, ...] = (2, 3), min_count: int = 1
) -> pd.DataFrame:
    """One row per n-gram of 2 or 3 words: ngram, n, count, pmi, log_likelihood.

    N-grams never cross a sentence end or a punctuation mark; n-grams made only of stopwords
    are left out. Scores are NLTK's association measures (pointwise mutual information and
    the likelihood ratio) from its collocation finders, to the last bit (`_scores`). Sorted by
    n, then log_likelihood.
    """
    from ..reading.text import import_nltk, stopwords

    import_nltk()
    stop = stopwords()
    finders = _finders(_segments(tokens), sizes)
    rows = []
    for n in sizes:
        finder = finders[n]
        finder.apply_ngram_filter(lambda *ws: all(w in stop for w in ws))
        if min_count > 1:
            finder.apply_freq_filter(min_count)
        if not finder.ngram_fd:
            continue
        keys = list(finder.ngram_fd)
        pmi, llr = _scores(finder, n, keys)
        fd = finder.ngram_fd
        rows += [(" ".join(k), n, fd[k], p, g) for k, p, g in zip(keys, pmi, llr)]
    if not rows:
        return schemas.empty("ngrams")
    # n, then log_likelihood highest first (a score that is not a number last), then ngram
    rows.sort(key=lambda r: (r[1], r[4] != r[4], -r[4], r[0]))
    cols = dict(zip(("ngram", "n", "count", "pmi", "log_likelihood"), map(list, zip(*rows))))
    return schemas.conform(pd.DataFrame(cols, dtype=object), "ngrams")


_EXACT = 2**53  # integers up to here are exact as floats


def _scores(finder, n: int, keys: list[tuple]) -> tuple[list[float], list[float]]:
    """NLTK's `pmi` and `likelihood_ratio` of each n-gram of `keys` (n = 2 or 3), the same
    floats as `finder.score_ngrams` gives, counted with numpy over every n-gram at once.

    NLTK's formulas one n-gram at a time (`nltk.metrics.association`), column by column: the
    contingency table and the expected counts are integers, exact as floats while the words
    counted, to the power n, stay below 2**53 (some 200,000 words for trigrams); the divisions
    are correctly rounded either way; the logarithms (`math.log`, `math.log2`) and each n-gram's
    sum (`sum`) are Python's own, in NLTK's order. Past that size, NLTK's own code scores them.
    """
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

    total = finder.N
    if total**n >= _EXACT:
        measures = {2: BigramAssocMeasures, 3: TrigramAssocMeasures}[n]
        pmi = dict(finder.score_ngrams(measures.pmi))
        llr = dict(finder.score_ngrams(measures.likelihood_ratio))
        return [pmi[k] for k in keys], [llr[k] for k in keys]

    def counts(fd, at) -> np.ndarray:
        return np.array([fd[at(k)] for k in keys], dtype=np.float64)

    word = finder.word_fd
    if n == 2:
        # BigramCollocationFinder.score_ngram: the count over (window_size - 1.0)
        n_ii = counts(finder.ngram_fd, lambda k: k) / (finder.window_size - 1.0)
        n_ix, n_xi = counts(word, lambda k: k[0]), counts(word, lambda k: k[1])
        n_oi, n_io = n_xi - n_ii, n_ix - n_ii
        cont = [n_ii, n_oi, n_io, total - n_ii - n_oi - n_io]
        n_xx = cont[0] + cont[1] + cont[2] + cont[3]
        expected = [(cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / n_xx for i in range(4)]
        pmi_of, pmi_by = n_ii * total, n_ix * n_xi
    else:
        n_iii = counts(finder.ngram_fd, lambda k: k)
        n_iix = counts(finder.bigram_fd, lambda k: (k[0], k[1]))
        n_ixi = counts(finder.wildcard_fd, lambda k: (k[0], k[2]))
        n_xii = counts(finder.bigram_fd, lambda k: (k[1], k[2]))
        n_ixx, n_xix, n_xxi = (counts(word, lambda k, i=i: k[i]) for i in range(3))
        n_oii, n_ioi, n_iio = n_xii - n_iii, n_ixi - n_iii, n_iix - n_iii
        n_ooi = n_xxi - n_iii - n_oii - n_ioi
        n_oio = n_xix - n_iii - n_oii - n_iio
        n_ioo = n_ixx - n_iii - n_ioi - n_iio
        n_ooo = total - n_iii - n_oii - n_ioi - n_iio - n_ooi - n_oio - n_ioo
        cont = [n_iii, n_oii, n_ioi, n_ooi, n_iio, n_oio, n_ioo, n_ooo]
        n_all = sum(cont[1:], cont[0])
        cells = range(len(cont))

        def margin(i: int, j: int) -> np.ndarray:  # the cells that agree with cell i on bit j
            picked = [cont[x] for x in cells if (x & j) == (i & j)]
            return sum(picked[1:], picked[0])

        expected = [margin(i, 1) * margin(i, 2) * margin(i, 4) / (n_all * n_all) for i in cells]
        pmi_of, pmi_by = n_iii * (total * total), n_ixx * n_xix * n_xxi
    pmi = [math.log2(a) - math.log2(b) for a, b in zip(pmi_of.tolist(), pmi_by.tolist())]
    small = 1e-20  # nltk.metrics.association._SMALL
    terms = [
        [o * math.log(r) for o, r in zip(obs.tolist(), (obs / (exp + small) + small).tolist())]
        for obs, exp in zip(cont, expected)
    ]
    llr = [2 * sum(row) for row in zip(*terms)]
    return pmi, llr


@lru_cache(maxsize=100_000)
def reference_rate(term: str, lang: str = "en") -> float:
    """How often `term` occurs in general English, per word (wordfreq's 'best' list)."""
    from wordfreq import word_frequency

    return word_frequency(term, lang)


def keyness(terms_table: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """What sets the article apart from general English, one row per term.

    Columns: term, count, per_1k, reference_per_1k, log_likelihood, log_ratio.

    The reference is wordfreq's word frequency list for `lang`, a blend of large corpora
    (subtitles, news, books, web, Wikipedia...) shipped inside the package. As it is a rate
    rather than a corpus of known size, Dunning's G2 is the goodness-of-fit form against that
    rate: G2 = 2 [a ln(a/E) + (N-a) ln((N-a)/(N-E))], with a the count, N the article's word
    tokens and E = N * rate. Words the reference lacks (names such as Shaymagambetov, web
    addresses) get the reference's floor of 1e-8 per word (`REFERENCE_FLOOR`, the rarest rate
    wordfreq reports) instead of 0, so nothing is divided by zero and their scores are a
    conservative lower bound. log_ratio is Hardie's log ratio: log2(per_1k / reference_per_1k).
    Sorted by log_likelihood, highest first.
    """
    counts = terms_table["count"].to_numpy(dtype="float64")
    n = counts.sum()
    rate = np.array(
        [max(reference_rate(t, lang), REFERENCE_FLOOR) for t in terms_table["term"]],
        dtype="float64",
    )
    expected = n * rate
    rest, rest_expected = n - counts, n - expected
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (
            counts * np.log(counts / expected)
            + np.where(rest > 0, rest * np.log(rest / np.maximum(rest_expected, 1e-300)), 0.0)
        )
    per_1k = 1000 * counts / n if n else counts
    g2 = np.maximum(g2, 0.0)
    term = terms_table["term"].to_numpy(dtype=object)
    # highest log_likelihood first (one that is not a number last), then by term
    scores, names = g2.tolist(), term.tolist()
    order = sorted(range(len(names)), key=lambda i: (scores[i] != scores[i], -scores[i], names[i]))
    out = pd.DataFrame(
        {
            "term": term[order],
            "count": terms_table["count"].to_numpy(dtype=np.int64)[order],
            "per_1k": per_1k[order],
            "reference_per_1k": (1000 * rate)[order],
            "log_likelihood": g2[order],
            "log_ratio": np.log2(per_1k / (1000 * rate))[order],
        }
    )
    return schemas.conform(out, "keyness")


def dispersion(tokens: pd.DataFrame) -> pd.DataFrame:
    """Where each content term occurs: term, token_index, sentence_id (one row per occurrence)."""
    keep = _is_content(tokens)
    out = pd.DataFrame({
        "term": _column(tokens, "lemma", keep),
        "token_index": _column(tokens, "token_index", keep, np.int64),
        "sentence_id": _column(tokens, "sentence_id", keep, np.int64),
    })  # fmt: skip
    return schemas.conform(out, "dispersion")


def _one_space(text: str) -> tuple[str, np.ndarray]:
    """The text with each run of white space made one space, and where each character went.

    `at[i]` is the offset in the new text of character i of the old (of the space a run became,
    for a character inside a run); `at[len(text)]` is the new length.
    """
    from ..reading.scan import char_mask, code_points

    space = char_mask(code_points(text), "space")
    kept = np.ones(len(text) + 1, dtype=np.int64)
    kept[1 : len(text)] = ~(space[1:] & space[:-1])  # the 2nd, 3rd ... character of a run goes
    at = np.cumsum(kept) - 1
    return re.sub(r"\s+", " ", text), at


def kwic(
    tokens: pd.DataFrame, text: str, *, window: int = 5, terms: list[str] | None = None
) -> pd.DataFrame:
    """Keyword in context: one row per occurrence of each content term (or of `terms`).

    Columns: term, sentence_id, token_index, left, keyword, right. `left` and `right` hold up to
    `window` tokens on each side within the same sentence, as written in the text (white space
    runs shown as one space).
    """
    if window < 0:
        raise ValueError("window must be 0 or more tokens")
    keep = _is_content(tokens)
    lemmas = tokens["lemma"].to_numpy(dtype=object)
    if terms is not None:
        wanted = set(terms)
        keep &= np.fromiter((t in wanted for t in lemmas.tolist()), dtype=bool, count=len(lemmas))
    sids = tokens["sentence_id"].to_numpy(dtype=np.int64)
    starts = tokens["start"].to_numpy(dtype=np.int64)
    ends = tokens["end"].to_numpy(dtype=np.int64)
    n = len(sids)
    rows = np.flatnonzero(keep)  # the rows of the content tokens
    # the first and the last row of each row's sentence
    at = np.arange(n)
    new = np.ones(n, dtype=bool)
    new[1:] = sids[1:] != sids[:-1]
    first = np.maximum.accumulate(np.where(new, at, 0))
    last_flag = np.ones(n, dtype=bool)
    last_flag[:-1] = new[1:]
    last = np.minimum.accumulate(np.where(last_flag, at, n)[::-1])[::-1]
    lo = np.maximum(rows - window, first[rows])
    hi = np.minimum(rows + window, last[rows])
    # contexts are cut from the text with each run of white space made one space, once, instead
    # of splitting and joining every context: `at[i]` is where character i went
    flat, at = _one_space(text)
    left_spans = zip(at[starts[lo]].tolist(), at[starts[rows]].tolist())
    right_spans = zip(at[ends[rows]].tolist(), at[ends[hi]].tolist())
    out = pd.DataFrame(
        {
            "term": lemmas[rows],
            "sentence_id": sids[rows],
            "token_index": _column(tokens, "token_index", keep, np.int64),
            "left": [flat[a:b].rstrip(" ") for a, b in left_spans],
            "keyword": _column(tokens, "token", keep),
            "right": [flat[a:b].lstrip(" ") for a, b in right_spans],
        }
    )
    return schemas.conform(out, "kwic")
