"""The classifier: a tiny model trained in seconds, its save/load checks, the
runtime export's equality with the Pipeline, and the shipped model's manifest."""

from __future__ import annotations

import json
import math

import pytest

from conftest import DATA, load_jsonl
from verifier import corpus, model
from verifier.contract import LABELS
from verifier.normalise import normalise
from verifier.runtime import RuntimeModel, char_ngrams, word_ngrams
from verifier.segment import cut

TINY = load_jsonl(DATA / "tiny_corpus.jsonl")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A model trained on 48 rows, saved to a temporary directory."""
    pipeline = model.fit(TINY, {"C": 4.0, "char_max": 3, "min_df": 1})
    out = tmp_path_factory.mktemp("tiny_model")
    model.save(pipeline, out, {"corpus_hash": "tiny", "thresholds": {"scam": 0.5, "abusive": 0.5}})
    return pipeline, out


def _close(a: dict, b: dict, tol: float = 1e-9) -> bool:
    return all(abs(a[k] - b[k]) <= tol for k in LABELS)


def test_model_tiny_trains_and_predicts_every_label(tiny) -> None:
    pipeline, _ = tiny
    assert set(pipeline.classes_) == set(LABELS)
    pred = pipeline.predict([r["text"] for r in TINY])
    assert sum(p == r["label"] for p, r in zip(pred, TINY)) >= 44   # it fits its own training rows


def test_model_save_load_round_trip(tiny) -> None:
    pipeline, out = tiny
    loaded = model.load_runtime(out)
    again = model.load_pipeline(out)
    texts = [r["text"] for r in TINY]
    for text, p1, p2 in zip(texts, pipeline.predict_proba(texts), again.predict_proba(texts)):
        assert max(abs(a - b) for a, b in zip(p1, p2)) == 0.0
        folded = normalise(text).text
        runtime = loaded.runtime.proba_one(folded, cut(folded))
        assert _close(runtime, dict(zip(pipeline.classes_, p1)))


def test_model_runtime_batch_equals_single(tiny) -> None:
    _, out = tiny
    rt = model.load_runtime(out).runtime
    folded = [normalise(r["text"]).text for r in TINY] + ["", "   ", "a", "征"]
    batch = rt.proba_many(folded, [cut(f) for f in folded])
    for f, row in zip(folded, batch.tolist()):
        assert _close(rt.proba_one(f, cut(f)), dict(zip(rt.labels, row)))
        assert math.isclose(sum(row), 1.0)


def test_model_runtime_file_round_trip(tiny) -> None:
    pipeline, _ = tiny
    rt = RuntimeModel.from_pipeline(pipeline)
    again = RuntimeModel.from_bytes(rt.to_bytes())
    assert again.word_vocab == rt.word_vocab and again.char_vocab == rt.char_vocab
    assert list(again.coef[0]) == list(rt.coef[0]) and again.labels == rt.labels


def _copy(out, tmp_path):
    copy = tmp_path / "m"
    copy.mkdir()
    for p in out.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    return copy


@pytest.mark.parametrize("name", [model.RUNTIME, model.ARTIFACT])
def test_model_refuses_a_tampered_file(tiny, tmp_path, name: str) -> None:
    copy = _copy(tiny[1], tmp_path)
    data = bytearray((copy / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / name).write_bytes(bytes(data))
    loader = model.load_runtime if name == model.RUNTIME else model.load_pipeline
    with pytest.raises(model.ModelError, match="verifier train"):
        loader(copy)


@pytest.mark.parametrize("key,version,loader", [
    ("segmenter", "rjieba 0.0.1", model.load_runtime),
    ("segmenter", "rjieba 0.0.1", model.load_pipeline),
    ("scikit-learn", "0.1", model.load_pipeline),
])
def test_model_refuses_another_library_version(tiny, tmp_path, key: str, version: str, loader) -> None:
    copy = _copy(tiny[1], tmp_path)
    manifest = json.loads((copy / model.MANIFEST).read_text(encoding="utf-8"))
    manifest["versions"][key] = version
    (copy / model.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(model.ModelError, match=key):
        loader(copy)


@pytest.mark.parametrize("name", [model.RUNTIME, model.ARTIFACT])
def test_model_refuses_a_missing_file(tiny, tmp_path, name: str) -> None:
    copy = _copy(tiny[1], tmp_path)
    (copy / name).unlink()
    loader = model.load_runtime if name == model.RUNTIME else model.load_pipeline
    with pytest.raises(model.ModelError, match="missing"):
        loader(copy)


def test_model_absent_means_rules_only(tmp_path) -> None:
    assert model.load_runtime(tmp_path) is None


@pytest.mark.parametrize("tokens,expected", [
    (["a", "b", "c"], ["a", "b", "c", "a b", "b c"]),
    (["a"], ["a"]),
    ([], []),
])
def test_model_word_ngrams_match_scikit_learn(tokens, expected) -> None:
    assert word_ngrams(tokens, 1, 2) == expected


def test_model_char_ngrams_match_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), lowercase=False).build_analyzer()
    for text in ["征信修复", "a  b\n\nc", "", "x", "加 微 信 ok"]:
        assert sorted(char_ngrams(text, 1, 3)) == sorted(analyzer(text))


# ------------------------------------------------------------ shipped model
SHIPPED = model.default_dir()
needs_model = pytest.mark.skipif(not (SHIPPED / model.MANIFEST).exists(), reason="no shipped model")


@needs_model
def test_model_shipped_manifest_matches_artifacts_and_corpus() -> None:
    manifest = model.read_manifest(SHIPPED)
    for name, entry in manifest["artifacts"].items():
        assert model.sha256_file(SHIPPED / name) == entry["sha256"], name
    assert manifest["corpus_hash"] == corpus.corpus_hash(), "the model was trained on another corpus: retrain"
    assert set(manifest["labels"]) == set(LABELS)
    assert manifest["versions"]["segmenter"] == model.runtime_versions()["segmenter"]
    assert model.load_runtime(SHIPPED) is not None


@needs_model
def test_model_shipped_runtime_equals_pipeline_on_the_whole_corpus() -> None:
    pipeline = model.load_pipeline(SHIPPED)
    rt = model.load_runtime(SHIPPED).runtime
    texts = [r["text"] for r in corpus.load()]
    expected = pipeline.predict_proba(texts)
    folded = [normalise(t).text for t in texts]
    got = rt.proba_many(folded, [cut(f) for f in folded])
    worst = float(abs(got - expected).max())
    assert worst <= 1e-9, worst
    for i in range(0, len(texts), 97):    # and the one-message path on a sample
        one = rt.proba_one(folded[i], cut(folded[i]))
        assert _close(one, dict(zip(pipeline.classes_, expected[i]))), texts[i]


def test_model_runtime_hash_table_finds_exactly_its_keys() -> None:
    import numpy as np

    from verifier.runtime import _IntTable

    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(0, 2 ** 40, 5000, dtype=np.uint64))
    keys = np.concatenate([keys, np.arange(64, dtype=np.uint64) * 2 ** 58])   # many share their home slot
    cols = rng.permutation(len(keys)).astype(np.int64)
    table = _IntTable(keys, cols)
    wanted = np.concatenate([keys, rng.integers(0, 2 ** 40, 5000, dtype=np.uint64), [2 ** 64 - 1]]).astype(np.uint64)
    expected = dict(zip(keys.tolist(), cols.tolist()))
    assert table.find(wanted).tolist() == [expected.get(k, -1) for k in wanted.tolist()]
    assert table.find(np.zeros(0, dtype=np.uint64)).tolist() == []


@pytest.fixture(scope="module")
def tiny4():
    """The tiny corpus with character n-grams up to 4 (the one-by-one path for 4-grams)."""
    return RuntimeModel.from_pipeline(model.fit(TINY, {"C": 4.0, "char_max": 4, "min_df": 1}))


@pytest.mark.parametrize("odd", [
    [],                                             # only ordinary texts
    ["征信\x00修复", "\x00"],                        # a text holding the separator: the texts one by one
])
def test_model_runtime_batch_paths_equal_single(tiny, tiny4, odd) -> None:
    """Every path of the batch code gives :meth:`proba_one`'s probabilities: texts and tokens holding
    the separator, long tokens, empty messages, 4-character n-grams."""
    _, out = tiny
    folded = [normalise(r["text"]).text for r in TINY] + ["", "征信修复中心客服", "a  b\n\nc"] + odd
    for rt in (model.load_runtime(out).runtime, tiny4):
        tokens = [cut(f) for f in folded]
        batch = rt.proba_many(folded, tokens)
        for f, t, row in zip(folded, tokens, batch.tolist()):
            assert _close(rt.proba_one(f, t), dict(zip(rt.labels, row)))
    rt = tiny4
    tokens = [["征信", "修复"], ["征信\x00", "修复"], [], ["", "征信"]]    # a token holding the separator, an empty one
    texts = ["征信修复", "征信修复", "", "征信"]
    for f, t, row in zip(texts, tokens, rt.proba_many(texts, tokens).tolist()):
        assert _close(rt.proba_one(f, t), dict(zip(rt.labels, row)))


def test_model_runtime_batch_tokens_with_a_space_take_the_general_path(tiny) -> None:
    _, out = tiny
    rt = model.load_runtime(out).runtime
    texts = ["征信 修复", "本金 转我卡上"]
    tokens = [["征信 修复"], ["本金", "转我 卡上"]]
    for f, t, row in zip(texts, tokens, rt.proba_many(texts, tokens).tolist()):
        assert _close(rt.proba_one(f, t), dict(zip(rt.labels, row)))
