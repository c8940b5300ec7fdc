"""Topics of a corpus: a topic model fitted on the words its stories use (`doc_terms`), with a
fixed seed, as two tidy tables.

    terms, doc_topics = fit(doc_terms, copied)     # topic_terms, doc_topics

The model is scikit-learn's NMF on the stories' TF-IDF (chosen over scikit-learn's LDA and
tomotopy's LDA by coherence, purity and speed: `benchmarks/bench_copies.py`, the figures in
benchmarks/README.md). It is fitted on the stories, each once (its first article: a copy is
left out, so that a story carried ten times weighs as one), at most `FIT_AT_MOST` of them
drawn with the seed; then every article, copies included, gets its topics from it.

The words: content words of three letters or more (no stopword, number, reporting verb or
calendar word: `STEADY_WORDS`), in two stories or more and in no more than half of them; the
`MAX_TERMS` most frequent of those. The number of topics: of a few numbers that grow with the
corpus (`candidates`), the one whose topics are the most coherent (`choose_k`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import schemas

SEED = 20
FIT_AT_MOST = 50_000  # stories the model is fitted on, at most (drawn with SEED)
MAX_TERMS = 5_000  # words the model reads, the most frequent
TOP_TERMS = 10  # words written per topic in topic_terms
MIN_SHARE = 0.05  # a topic's share of an article below which doc_topics leaves it out
MIN_STORIES = 20  # fewer stories get no topics
CHOOSE_ON = 3_000  # stories the number of topics is chosen on, at most
MIN_TRIED = 4  # numbers of topics tried before the search may stop (coherence is not monotone
# at the first few: 2 topics can score above 3 and 4 and far below 6)
CANDIDATES = ("nmf", "lda", "tomotopy")


def candidates(n_stories: int) -> list[int]:
    """The numbers of topics tried for a corpus of `n_stories`: 2, 3, 4, 6, 8, 11, 16, 22 and
    30, up to about the square root of half the stories (4 for 30 stories, 7 for 100, 22 for
    1,000, 30 from 1,800): a small corpus cannot show many themes twice each."""
    most = max(2, min(30, round((n_stories / 2) ** 0.5)))
    return [k for k in (2, 3, 4, 6, 8, 11, 16, 22, 30) if k <= most]


def choose_k(counts: pd.DataFrame, terms: list[str], stories: list[str]) -> int:
    """The number of topics: of `candidates`, the one whose NMF topics are the most coherent
    (`coherence`, NPMI of each topic's top ten words over the stories), fitted on at most
    `CHOOSE_ON` stories; the search stops after two in a row less coherent than the best, once
    `MIN_TRIED` numbers are tried. Too
    many topics split a theme into topics whose words seldom meet in one story; too few merge
    two themes; either way the coherence drops."""
    if len(stories) > CHOOSE_ON:
        rng = np.random.default_rng(SEED)
        stories = sorted(rng.choice(stories, CHOOSE_ON, replace=False).tolist())
        counts = counts.loc[counts["doc_id"].isin(set(stories))]
    x = matrix(counts, terms, stories)
    scores: dict[int, float] = {}
    for k in candidates(len(stories)):
        if (
            len(terms) < 2 * k
            or len(scores) >= MIN_TRIED
            and max(scores.values()) > max(list(scores.values())[-2:])
        ):  # two in a row less coherent than the best: more topics only split themes further
            break
        components, _ = _nmf(x, k, tol=1e-3)
        scores[k] = coherence(topic_terms(Model(terms, components, None)), counts)
    return max(scores, key=lambda k: (scores[k], -k)) if scores else 2


def vocabulary(counts: pd.DataFrame) -> list[str]:
    """The words the model reads (see the module's docstring), most frequent first."""
    from ..constants import STEADY_WORDS
    from ..reading.text import stopwords

    n_docs = counts["doc_id"].nunique()
    df = counts.groupby("term")["doc_id"].nunique()
    total = counts.groupby("term")["count"].sum()
    terms = df.index.to_series()
    keep = (
        terms.str.fullmatch(r"[^\W\d_]{3,}").fillna(False).astype(bool)
        & ~terms.isin(stopwords()) & ~terms.isin(STEADY_WORDS)
        & (df >= 2) & (df <= max(2, n_docs // 2))
    )  # fmt: skip
    kept = total[keep].sort_values(ascending=False, kind="stable")
    return kept.index[:MAX_TERMS].tolist()


def matrix(counts: pd.DataFrame, terms: list[str], ids: list[str]):
    """The articles `ids` by `terms`: a SciPy sparse matrix of counts."""
    from scipy.sparse import csr_matrix

    col = pd.Index(terms)
    row = pd.Index(ids)
    c = counts.loc[counts["term"].isin(col) & counts["doc_id"].isin(row)]
    return csr_matrix(
        (c["count"].to_numpy(dtype=float), (row.get_indexer(c["doc_id"]), col.get_indexer(c["term"]))),
        shape=(len(row), len(col)),
    )  # fmt: skip


@dataclass(frozen=True)
class Model:
    """A fitted topic model: the words it reads (`terms`), each topic's weight on them
    (`components`, a row per topic, in the topics' order: 1 the largest share of the stories it
    was fitted on) and `infer`, which gives the articles of a count matrix (articles by `terms`)
    their topics' weights (a column per topic, in the same order)."""

    terms: list[str]
    components: np.ndarray
    infer: Callable


def sample(ids: list[str], copied: set[str]) -> list[str]:
    """The stories a model is fitted on: the articles of `ids` that are no copy, `FIT_AT_MOST`
    of them at most, drawn with the seed; in the order of `ids`."""
    stories = [d for d in ids if d not in copied]
    if len(stories) > FIT_AT_MOST:
        rng = np.random.default_rng(SEED)
        chosen = set(rng.choice(stories, FIT_AT_MOST, replace=False).tolist())
        stories = [d for d in stories if d in chosen]
    return stories


def train(counts: pd.DataFrame, stories: list[str], *, method: str = "nmf", k: int | None = None):
    """The model `method` (`MODELS`) fitted on the `stories` of `counts` (doc_id, term, count),
    with `k` topics or as many as `choose_k` finds best; None when there are fewer than
    `MIN_STORIES` stories or too few words."""
    counts = _typed(counts)
    counts = counts.loc[counts["doc_id"].isin(set(stories))]
    terms = vocabulary(counts)
    if len(stories) < MIN_STORIES or len(terms) < 4:
        return None
    k = k or choose_k(counts, terms, stories)
    x = matrix(counts, terms, stories)
    components, infer = MODELS[method](x, k)
    order = np.argsort(-_shares(infer(x)).sum(axis=0), kind="stable")
    return Model(terms, components[order], lambda m: infer(m)[:, order])


def topic_terms(model: Model) -> pd.DataFrame:
    """topic_id, term, weight, rank: each topic's `TOP_TERMS` heaviest words."""
    rows = []
    for t, weights in enumerate(model.components, start=1):
        top = np.argsort(-weights, kind="stable")[:TOP_TERMS]
        w = weights[top] / max(weights[top].sum(), 1e-12)
        rows += [(t, model.terms[j], float(v), r + 1) for r, (j, v) in enumerate(zip(top, w))]
    return schemas.conform_corpus(
        pd.DataFrame(rows, columns=["topic_id", "term", "weight", "rank"]), "topic_terms"
    )


def doc_topics(model: Model, counts: pd.DataFrame) -> pd.DataFrame:
    """doc_id, topic_id, weight: the topics of the articles of `counts` (doc_id, term, count),
    their shares summing to 1, those under `MIN_SHARE` left out; by doc_id, the heaviest
    first."""
    counts = _typed(counts)
    ids = list(dict.fromkeys(counts["doc_id"]))
    if not ids:
        return schemas.empty("doc_topics")
    shares = _shares(model.infer(matrix(counts, model.terms, ids)))
    doc, topic = np.nonzero(shares >= MIN_SHARE)
    df = pd.DataFrame({
        "doc_id": np.asarray(ids, dtype=object)[doc], "topic_id": topic + 1,
        "weight": shares[doc, topic],
    }).sort_values(["doc_id", "weight"], ascending=[True, False], kind="stable")  # fmt: skip
    return schemas.conform_corpus(df, "doc_topics")


def fit(
    doc_terms: pd.DataFrame, copied: set[str], *, method: str = "nmf", k: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """topic_terms and doc_topics of the articles of `doc_terms` (doc_id, term, count), the
    model fitted on those that are no copy (`copied`: `sample`); `k` topics, or as many as
    `choose_k` finds best. Empty tables when fewer than `MIN_STORIES` stories or too few
    words. (A corpus's output is read a partition at a time: `wholes.topics_of_corpus`.)"""
    counts = _typed(doc_terms)
    model = train(counts, sample(list(dict.fromkeys(counts["doc_id"])), copied), method=method, k=k)
    if model is None:
        return schemas.empty("topic_terms"), schemas.empty("doc_topics")
    return topic_terms(model), doc_topics(model, counts)


def _typed(counts: pd.DataFrame) -> pd.DataFrame:
    return counts[["doc_id", "term", "count"]].astype({"doc_id": str, "term": str})


def _shares(weights: np.ndarray) -> np.ndarray:
    return weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-12)


def _nmf(x, k: int, *, tol: float = 1e-4):
    import warnings

    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfTransformer

    tfidf = TfidfTransformer(sublinear_tf=True).fit(x)
    model = NMF(n_components=k, init="nndsvda", random_state=SEED, max_iter=300, tol=tol)
    with warnings.catch_warnings():  # a model still moving after 300 rounds is kept as it is
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(tfidf.transform(x))
    return model.components_, lambda m: model.transform(tfidf.transform(m))


def _lda(x, k: int):
    from sklearn.decomposition import LatentDirichletAllocation

    model = LatentDirichletAllocation(n_components=k, random_state=SEED, learning_method="online",
                                      batch_size=512, max_iter=10)  # fmt: skip
    model.fit(x)
    return model.components_, model.transform


def _tomotopy(x, k: int):
    import tomotopy as tp

    def words(row) -> list[str]:
        return np.repeat(row.indices, row.data.astype(int)).astype(str).tolist() or ["-"]

    model = tp.LDAModel(k=k, seed=SEED)
    for row in x:
        model.add_doc(words(row))
    model.train(200, workers=1)
    components = np.zeros((k, x.shape[1]))
    for t in range(k):
        for w, p in zip(model.used_vocabs, model.get_topic_word_dist(t)):
            if w != "-":
                components[t, int(w)] = p

    def infer(m):
        dists, _ = model.infer([model.make_doc(words(r)) for r in m], workers=1)
        return np.asarray(dists)

    return components, infer


MODELS = {"nmf": _nmf, "lda": _lda, "tomotopy": _tomotopy}


def main_topic(doc_topics: pd.DataFrame) -> pd.Series:
    """Each article's heaviest topic (doc_id -> topic_id)."""
    top = doc_topics.sort_values(["doc_id", "weight"], ascending=[True, False], kind="stable")
    return top.drop_duplicates("doc_id").set_index("doc_id")["topic_id"]


def coherence(topic_terms: pd.DataFrame, doc_terms: pd.DataFrame, *, n: int = 10) -> float:
    """The topics' mean NPMI coherence: for each pair of a topic's top `n` words, how much more
    often than by chance the stories of `doc_terms` hold both (normalised pointwise mutual
    information, -1 to 1; 0 for independence), averaged over pairs and topics."""
    top = topic_terms.loc[topic_terms["rank"] <= n]
    words = sorted(set(top["term"]))
    present = doc_terms.loc[doc_terms["term"].isin(words)]
    x = matrix(present.assign(count=1), words, list(dict.fromkeys(doc_terms["doc_id"]))).tocsc()
    n_docs = x.shape[0]
    p = np.asarray(x.sum(axis=0)).ravel() / n_docs
    joint = (x.T @ x).toarray() / n_docs
    index = {w: i for i, w in enumerate(words)}
    scores = []
    for _, group in top.groupby("topic_id"):
        idx = [index[w] for w in group["term"]]
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                pij = joint[i, j]
                if pij <= 0:
                    scores.append(-1.0)
                    continue
                scores.append(np.log(pij / (p[i] * p[j])) / -np.log(pij))
    return float(np.mean(scores)) if scores else 0.0


def quality(topic_terms, doc_topics, doc_terms, theme: dict[str, str]) -> dict:
    """Coherence (NPMI), and purity on known themes (doc_id -> theme): each theme's share of
    its articles whose main topic is the theme's commonest (averaged over articles), and each
    topic's share of its articles of its commonest theme."""
    main = main_topic(doc_topics)
    pairs = pd.DataFrame({"theme": pd.Series(theme)}).join(main.rename("topic"), how="inner")
    by_theme = pairs.groupby("theme")["topic"].agg(lambda s: s.value_counts().iloc[0]).sum()
    by_topic = pairs.groupby("topic")["theme"].agg(lambda s: s.value_counts().iloc[0]).sum()
    return {
        "topics": int(topic_terms["topic_id"].nunique()),
        "coherence_npmi": round(coherence(topic_terms, doc_terms), 4),
        "theme_purity": round(by_theme / len(pairs), 4),
        "topic_purity": round(by_topic / len(pairs), 4),
    }
