"""The message classifier: build, select, fit, save and load.

``build_pipeline()`` holds no fitted state: TF-IDF over jieba words (1–2
grams) joined with TF-IDF over characters (1–n grams), both on the folded
text, then a multinomial ``LogisticRegression``. ``select()`` picks the few
hyper-parameters by grouped cross-validation (whole groups per fold, the
corpus's rule). ``save()`` writes ``models/message_clf/``: the joblib
Pipeline, its runtime export (:mod:`verifier.runtime`) and ``manifest.json``
with sha256 of both files, the label order, library versions, the corpus
hash, the training command and the metrics.

Loading checks the sha256 of the file it is about to read and the versions
that file depends on *before* reading it (pickle runs code; the runtime form
depends on the segmenter), and refuses a mismatch with a one-line error that
says to run ``verifier train``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .contract import LABELS
from .errors import VerifierError

ARTIFACT = "model.joblib"
RUNTIME = "runtime.bin"
MANIFEST = "manifest.json"
CARD = "MODEL_CARD.md"

DEFAULTS = {"C": 16.0, "char_max": 3, "min_df": 2}
GRID = {"C": (4.0, 16.0, 64.0), "char_max": (2, 3)}


class ModelError(VerifierError):
    """The saved model cannot be used (tampered, stale or from other library versions)."""

    exit_code = 1
    code = "E400"


def default_dir() -> Path:
    """``$VERIFIER_MODEL_DIR``, else ``models/message_clf`` of the source checkout."""
    env = os.environ.get("VERIFIER_MODEL_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models" / "message_clf"


# ------------------------------------------------------------------ building
def build_pipeline(C: float = DEFAULTS["C"], char_max: int = DEFAULTS["char_max"], min_df: int = DEFAULTS["min_df"]):
    """A fresh, unfitted Pipeline (scikit-learn is imported here, never at ``import verifier``)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from .features import fold, words

    union = FeatureUnion([
        ("words", TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False, ngram_range=(1, 2),
                                  min_df=min_df, sublinear_tf=True, dtype=np.float64)),
        ("chars", TfidfVectorizer(analyzer="char", preprocessor=fold, lowercase=False, ngram_range=(1, char_max),
                                  min_df=min_df, sublinear_tf=True, dtype=np.float64)),
    ])
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=0)
    return Pipeline([("features", union), ("clf", clf)])


def _xy(rows: list[dict]) -> tuple[list[str], list[str]]:
    return [r["text"] for r in rows], [r["label"] for r in rows]


def fit(rows: list[dict], params: dict | None = None):
    texts, labels = _xy(rows)
    return build_pipeline(**{**DEFAULTS, **(params or {})}).fit(texts, labels)


def select(rows: list[dict], grid: dict = GRID, folds: int = 5, log=None) -> tuple[dict, list[dict]]:
    """Grid search by grouped k-fold macro-F1: (best parameters, one row per candidate)."""
    from itertools import product

    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    texts, labels = _xy(rows)
    groups = [r["group"] for r in rows]
    splits = list(GroupKFold(n_splits=folds).split(texts, labels, groups))
    table = []
    for values in product(*grid.values()):
        params = {**DEFAULTS, **dict(zip(grid, values))}
        scores = []
        for train_idx, test_idx in splits:
            pipe = build_pipeline(**params).fit([texts[i] for i in train_idx], [labels[i] for i in train_idx])
            pred = pipe.predict([texts[i] for i in test_idx])
            scores.append(f1_score([labels[i] for i in test_idx], pred, average="macro"))
        mean = sum(scores) / len(scores)
        table.append({"params": params, "macro_f1": round(mean, 4), "folds": [round(s, 4) for s in scores]})
        if log:
            log(f"  {params}: grouped {folds}-fold macro-F1 {mean:.4f}")
    best = max(table, key=lambda row: row["macro_f1"])
    return best["params"], table


# ------------------------------------------------------------------ versions
def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def training_versions() -> dict[str, str | None]:
    """Versions a saved Pipeline depends on (checked before unpickling it)."""
    from .segment import engine_version

    return {
        "python": platform.python_version(), "numpy": _version("numpy"), "scipy": _version("scipy"),
        "scikit-learn": _version("scikit-learn"), "joblib": _version("joblib"), "segmenter": engine_version(),
    }


def runtime_versions() -> dict[str, str | None]:
    """Versions the runtime form depends on: only the segmenter (tokens must match training)."""
    from .segment import engine_version

    return {"segmenter": engine_version()}


def _artifact_entry(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ------------------------------------------------------------------- saving
def save(pipeline, out_dir: Path, info: dict) -> dict:
    """Write the artifact, its runtime export and the manifest; return the manifest."""
    import joblib

    from .runtime import RuntimeModel

    out_dir.mkdir(parents=True, exist_ok=True)
    artifact = out_dir / ARTIFACT
    joblib.dump(pipeline, artifact, compress=3)
    rt = RuntimeModel.from_pipeline(pipeline)
    runtime_bytes = rt.to_bytes()
    (out_dir / RUNTIME).write_bytes(runtime_bytes)
    manifest = {
        "model": "verifier message classifier",
        "labels": list(rt.labels),
        "artifacts": {ARTIFACT: _artifact_entry(artifact.read_bytes()), RUNTIME: _artifact_entry(runtime_bytes)},
        "versions": training_versions(),
        "features": {"words": len(rt.word_vocab), "chars": len(rt.char_vocab)},
        **info,
    }
    write_manifest(out_dir, manifest)
    return manifest


def write_manifest(out_dir: Path, manifest: dict) -> None:
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ------------------------------------------------------------------ loading
def read_manifest(model_dir: Path | None = None) -> dict | None:
    path = (model_dir or default_dir()) / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} cannot be read ({exc}); run `verifier train` to rebuild the model") from None


def _verified(model_dir: Path, manifest: dict, name: str, wanted: dict) -> tuple[Path, bytes]:
    """The path and the bytes of ``name``, read once: the bytes checked are the bytes loaded."""
    path = model_dir / name
    if not path.exists():
        raise ModelError(f"{path} is missing; run `verifier train` to rebuild the model")
    data = path.read_bytes()
    expected = manifest.get("artifacts", {}).get(name, {}).get("sha256")
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ModelError(f"{path} does not match the sha256 in {MANIFEST} (got {actual[:12]}…, expected "
                         f"{str(expected)[:12]}…); refusing to load it: run `verifier train`")
    recorded = manifest.get("versions", {})
    for key, version in wanted.items():
        if recorded.get(key) != version:
            raise ModelError(f"{path} was made with {key} {recorded.get(key)}, but {version} is installed; "
                             "run `verifier train` to rebuild the model")
    return path, data


@dataclass(frozen=True)
class Loaded:
    manifest: dict
    runtime: object          # verifier.runtime.RuntimeModel


def load_runtime(model_dir: Path | None = None) -> Loaded | None:
    """The runtime model, or None when no model has been trained (rules still work)."""
    model_dir = model_dir or default_dir()
    manifest = read_manifest(model_dir)
    if manifest is None:
        return None
    path, data = _verified(model_dir, manifest, RUNTIME, runtime_versions())
    from .runtime import RuntimeModel

    try:
        model = RuntimeModel.from_bytes(data)
    except ValueError as exc:
        raise ModelError(f"{path}: {exc}; run `verifier train`") from None
    if set(model.labels) != set(LABELS):
        raise ModelError(f"{path} predicts {model.labels}, not the contract's labels; run `verifier train`")
    return Loaded(manifest, model)


def load_pipeline(model_dir: Path | None = None):
    """The scikit-learn Pipeline, unpickled only after its sha256 and versions check out."""
    model_dir = model_dir or default_dir()
    manifest = read_manifest(model_dir)
    if manifest is None:
        raise ModelError(f"no model in {model_dir}; run `verifier train`")
    wanted = {k: v for k, v in training_versions().items() if k != "python"}
    _, data = _verified(model_dir, manifest, ARTIFACT, wanted)
    import io

    import joblib

    return joblib.load(io.BytesIO(data))


@lru_cache(maxsize=4)
def shared(model_dir: str | None = None) -> Loaded | None:
    """The process-wide runtime model (loaded once)."""
    return load_runtime(Path(model_dir) if model_dir else None)
