"""The message corpus: built files current, split by group, the coverage the issue asks for."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from verifier import corpus
from verifier.contract import FLAG_IDS, LABELS

ROWS = corpus.load()
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_corpus_built_files_are_current() -> None:
    assert corpus.stale_files() == [], "the built corpus is out of date: run `verifier corpus`"


def test_corpus_build_is_deterministic() -> None:
    paths = corpus.Paths(corpus.default_root())
    assert corpus.render(paths) == corpus.render(paths)


def test_corpus_splits_are_by_group() -> None:
    split_of: dict[str, set[str]] = {}
    for r in ROWS:
        split_of.setdefault(r["group"], set()).add(r["split"])
    straddling = {g: s for g, s in split_of.items() if len(s) > 1}
    assert not straddling


def test_corpus_every_label_is_in_every_split() -> None:
    seen = Counter((r["split"], r["label"]) for r in ROWS)
    for split in corpus.SPLITS:
        for label in LABELS:
            assert seen[(split, label)] >= 50, (split, label)


def test_corpus_size_and_coverage() -> None:
    sources = Counter(r["source"] for r in ROWS)
    tags = Counter(t for r in ROWS for t in r["tags"])
    flags = Counter(f for r in ROWS for f in r["flags"])
    assert len(ROWS) >= 5000
    assert sources["handwritten"] >= 2000
    assert tags["hard_negative"] >= 1000
    assert tags["traditional"] >= 0.08 * len(ROWS)
    assert tags["obfuscated"] > 0 and tags["mixed_en"] > 0 and tags["typo"] > 0
    for flag in FLAG_IDS:
        assert flags[flag] >= 80, flag
    lengths = [len(r["text"]) for r in ROWS]
    assert min(lengths) >= 5 and max(lengths) <= 400 and max(lengths) >= 300


def test_corpus_rows_are_well_formed() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(set(ids)) == len(ids)
    texts = [r["text"] for r in ROWS]
    assert len(set(texts)) == len(texts)
    for r in ROWS:
        assert list(r) == list(corpus.ROW_KEYS)
        assert r["label"] in LABELS and set(r["flags"]) <= set(FLAG_IDS)
        assert r["source"] in corpus.SOURCES and r["split"] in corpus.SPLITS


def test_corpus_manifest_hashes_match_files() -> None:
    manifest = corpus.read_manifest()
    root = corpus.default_root()
    for name, entry in manifest["files"].items():
        data = (root / name).read_bytes()
        assert corpus._sha256(data) == entry["sha256"] and data.count(b"\n") == entry["rows"]


def test_corpus_augmentations_keep_the_source_group() -> None:
    rng = random.Random(0)
    rows = [{"text": "把验证码发给我，我帮你办理注销", "label": "scam", "flags": ["credential_request"], "group": "g",
             "tags": [], "source": "handwritten", "_origin": "x"}] * 40
    out = corpus.augment(rows, rng)
    assert out and all(r["group"] == "g" and r["source"] == "augmented" for r in out)


@pytest.mark.parametrize("kind", sorted(set(corpus.AUGMENTATIONS) - {"pasted"}))
def test_corpus_each_augmentation_changes_the_text(kind: str) -> None:
    rng = random.Random(1)
    text = "今天加我微信，把征信修复的定金800转到我卡上"
    out = corpus.augment_text(text, kind, rng, corpus._key_words(), corpus._variants_of())
    assert out is not None and out != text


def test_corpus_slot_filling_pairs_official_links() -> None:
    slots = corpus.read_slots(corpus.Paths(corpus.default_root()))
    for seed in range(20):
        text = corpus.fill("【中国联通】流量包详情见{official_link}", slots, random.Random(seed))
        assert "10010" in text


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="the evaluation data is not beside this checkout")
def test_corpus_holds_no_row_of_the_evaluation_data() -> None:
    import csv

    ours = "\n".join(r["text"] for r in ROWS)
    leaked = []
    for path in SHARED_DATA.glob("*.csv"):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                t = row["text"].strip()
                if len(t) >= 20 and t[:40] in ours:
                    leaked.append((path.name, t[:20]))
    assert not leaked, leaked[:5]


def test_corpus_sources_are_json_lines() -> None:
    for path in sorted((corpus.default_root() / "messages" / "handwritten").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert set(json.loads(line)) == {"text", "label", "flags", "voice", "group", "tags"}, path.name
