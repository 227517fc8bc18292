# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 02 — Training and evaluation
#
# Fits the Pipeline of `verifier.model` on the train split and looks at the grouped held-out test split:
# the confusion matrix, precision–recall curves per label, a reliability (calibration) plot and the
# features that weigh most for each class. In SAMPLE mode (CI) it fits on a sample with the default
# parameters; otherwise it uses the parameters the shipped model was selected with.

# %%
import os
from pathlib import Path

SAMPLE = os.environ.get("SAMPLE", "1") == "1"
OUT = Path(os.environ.get("NOTEBOOK_OUT", "notebooks/_out"))
OUT.mkdir(parents=True, exist_ok=True)

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from verifier import corpus, model
from verifier.contract import LABELS
from verifier.evaluation import classification, format_classification

rows = corpus.load()
train = [r for r in rows if r["split"] == "train"]
test = [r for r in rows if r["split"] == "test"]
if SAMPLE:
    train, test = train[::6], test[::3]
manifest = model.read_manifest()
params = manifest["hyperparameters"] if manifest and not SAMPLE else model.DEFAULTS
pipeline = model.fit(train, params)
print(f"fitted on {len(train)} rows with {params}; testing on {len(test)}")

# %% per-label metrics and the confusion matrix (model alone)
texts = [r["text"] for r in test]
truth = [r["label"] for r in test]
proba = pipeline.predict_proba(texts)
classes = list(pipeline.classes_)
pred = [classes[i] for i in proba.argmax(axis=1)]
report = classification(truth, pred)
print(format_classification("model alone, test split", report))

fig, ax = plt.subplots(figsize=(4.5, 4))
cm = np.array([report["confusion"][t] for t in LABELS])
ax.imshow(cm, cmap="Blues")
ax.set_xticks(range(len(LABELS)), LABELS, rotation=30)
ax.set_yticks(range(len(LABELS)), LABELS)
for i in range(len(LABELS)):
    for j in range(len(LABELS)):
        ax.text(j, i, cm[i, j], ha="center", va="center")
ax.set_xlabel("predicted")
ax.set_ylabel("truth")
fig.tight_layout()
fig.savefig(OUT / "02_confusion.png", dpi=110)

# %% precision–recall curves, one label against the rest
from sklearn.metrics import average_precision_score, precision_recall_curve

fig, ax = plt.subplots(figsize=(5, 4))
for k, label in enumerate(classes):
    y = np.array([t == label for t in truth])
    if y.any():
        p, r, _ = precision_recall_curve(y, proba[:, k])
        ax.plot(r, p, label=f"{label} (AP {average_precision_score(y, proba[:, k]):.3f})")
ax.set_xlabel("recall")
ax.set_ylabel("precision")
ax.legend()
fig.tight_layout()
fig.savefig(OUT / "02_precision_recall.png", dpi=110)

# %% reliability plot: predicted probability of the top class against how often it is right
top = proba.max(axis=1)
right = np.array([p == t for p, t in zip(pred, truth)])
bins = np.linspace(0, 1, 11)
which = np.clip(np.digitize(top, bins) - 1, 0, 9)
centres, freq = [], []
for b in range(10):
    if (which == b).any():
        centres.append(top[which == b].mean())
        freq.append(right[which == b].mean())
fig, ax = plt.subplots(figsize=(4, 4))
ax.plot([0, 1], [0, 1], "--", color="grey")
ax.plot(centres, freq, "o-")
ax.set_xlabel("mean predicted probability (top class)")
ax.set_ylabel("share correct")
fig.tight_layout()
fig.savefig(OUT / "02_reliability.png", dpi=110)

# %% the features that weigh most for each class
union = pipeline.named_steps["features"]
names = np.array([f"{block}:{term}" for block, t in union.transformer_list
                  for term in sorted(t.vocabulary_, key=t.vocabulary_.get)])
coef = pipeline.named_steps["clf"].coef_
for k, label in enumerate(classes):
    best = np.argsort(coef[k])[::-1][:12]
    print(f"{label:<11}", "  ".join(names[best]))
