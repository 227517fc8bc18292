"""Honest figures: the grouped held-out split, and real text nobody here wrote.

``corpus_report`` scores a split of our corpus with the shipped decision
(rules + model) and with the model alone, and gives per-label precision,
recall and F1, macro-F1, the confusion matrix, and macro-F1 per source.

It also gives, per flag id, the rules' precision and recall against the
flags each corpus row is labelled with (the flags are the rules' alone: the
model does not raise any).

``external_report`` reads every CSV (``text,label,…``) in a folder such as
``../shared/data/`` and measures scam vs. not: ROC AUC of the shipped scam
evidence (see :mod:`verifier.scoring`), of the model's P(scam), of the rules
alone and of a length-only baseline; precision and recall of ``label ==
scam`` at the shipped thresholds; and the share of non-scam messages that get
``level: high`` (the false-alarm rate; the headline for ``cold_chat``).

Metrics are computed here in plain Python so that evaluating needs no
scikit-learn; the AUC is the Mann-Whitney statistic with ties counted half.
"""

from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from collections import Counter
from pathlib import Path

from .contract import FLAG_IDS, LABELS


# ------------------------------------------------------------------ metrics
def classification(y_true: list[str], y_pred: list[str], labels=LABELS) -> dict:
    cm = {t: {p: 0 for p in labels} for t in labels}
    for t, p in zip(y_true, y_pred):
        cm[t][p] += 1
    per_label = {}
    for label in labels:
        tp = cm[label][label]
        pred = sum(cm[t][label] for t in labels)
        true = sum(cm[label].values())
        precision = tp / pred if pred else 0.0
        recall = tp / true if true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "support": true}
    present = [label for label in labels if per_label[label]["support"]]
    macro = sum(per_label[label]["f1"] for label in present) / len(present) if present else 0.0
    accuracy = sum(cm[label][label] for label in labels) / len(y_true) if y_true else 0.0
    return {"per_label": per_label, "macro_f1": round(macro, 4), "accuracy": round(accuracy, 4),
            "confusion": {t: [cm[t][p] for p in labels] for t in labels}, "n": len(y_true)}


def roc_auc(y: list[bool], scores: list[float]) -> float | None:
    pos = [s for s, t in zip(scores, y) if t]
    neg = sorted(s for s, t in zip(scores, y) if not t)
    if not pos or not neg:
        return None
    total = 0.0
    for s in pos:
        lo, hi = bisect_left(neg, s), bisect_right(neg, s)
        total += lo + (hi - lo) / 2
    return round(total / (len(pos) * len(neg)), 4)


def precision_recall(y: list[bool], pred: list[bool]) -> tuple[float, float]:
    tp = sum(1 for t, p in zip(y, pred) if t and p)
    fp = sum(1 for t, p in zip(y, pred) if not t and p)
    fn = sum(1 for t, p in zip(y, pred) if t and not p)
    return (round(tp / (tp + fp), 4) if tp + fp else 0.0), (round(tp / (tp + fn), 4) if tp + fn else 0.0)


# ----------------------------------------------------------------- scoring
def _scored(texts: list[str], use_model: bool = True, model_dir=None) -> list[dict]:
    """Per text: the shipped label/level, the scam evidence, the model's and the rules' own scores."""
    from .api import score_many
    from .scoring import decide

    out = []
    for text, r in zip(texts, score_many(texts, use_model=use_model, model_dir=model_dir)):
        flags = {f.id for f in r.flags}
        shipped = decide(flags, set(r.signals), False, r.probabilities)
        rules = decide(flags, set(r.signals), False, None)
        p = r.probabilities or {}
        out.append({
            "flags": flags, "label": r.label, "level": r.level, "scam": shipped.scam, "rules_scam": rules.scam,
            "model_scam": p.get("scam"), "model_label": max(p, key=p.get) if p else None,
        })
    return out


def corpus_report(rows: list[dict], use_model: bool = True, model_dir=None) -> dict:
    """Per-label metrics of the shipped decision and of the model alone on ``rows``."""
    scored = _scored([r["text"] for r in rows], use_model, model_dir)
    truth = [r["label"] for r in rows]
    report = {"shipped": classification(truth, [s["label"] for s in scored])}
    if scored and scored[0]["model_label"] is not None:
        report["model"] = classification(truth, [s["model_label"] for s in scored])
    by_source: dict[str, dict] = {}
    for source in sorted({r["source"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["source"] == source]
        by_source[source] = classification([truth[i] for i in idx], [scored[i]["label"] for i in idx])
    report["by_source"] = {k: {"macro_f1": v["macro_f1"], "n": v["n"]} for k, v in by_source.items()}
    report["flags"] = flag_metrics([set(r["flags"]) for r in rows], [s["flags"] for s in scored])
    return report


def flag_metrics(truth: list[set[str]], found: list[set[str]]) -> dict:
    """Per flag id (SPEC order): precision and recall of the flags ``found`` against the labelled ``truth``,
    with the counts (support: rows labelled with the flag; raised: rows it was found in)."""
    out = {}
    for flag in FLAG_IDS:
        tp = sum(1 for t, f in zip(truth, found) if flag in t and flag in f)
        support = sum(1 for t in truth if flag in t)
        raised = sum(1 for f in found if flag in f)
        out[flag] = {"precision": round(tp / raised, 4) if raised else None,
                     "recall": round(tp / support, 4) if support else None, "support": support, "raised": raised}
    return out


def read_external(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("text"):
                texts.append(row["text"])
                labels.append(row.get("label", ""))
    return texts, labels


def external_report(folder: Path, use_model: bool = True, model_dir=None) -> dict:
    """Scam vs. not on every CSV in ``folder`` (see the module docstring)."""
    out = {}
    for path in sorted(folder.glob("*.csv")):
        texts, labels = read_external(path)
        scored = _scored(texts, use_model, model_dir)
        y = [label == "scam" for label in labels]
        negatives = [s for s, t in zip(scored, y) if not t]
        entry: dict = {
            "rows": len(texts), "scam_rows": sum(y),
            "high_rate_non_scam": round(sum(s["level"] == "high" for s in negatives) / len(negatives), 4)
            if negatives else None,
        }
        if any(y) and not all(y):
            precision, recall = precision_recall(y, [s["label"] == "scam" for s in scored])
            entry.update({
                "auc_shipped": roc_auc(y, [s["scam"] for s in scored]),
                "auc_model": roc_auc(y, [s["model_scam"] for s in scored]) if use_model and scored
                and scored[0]["model_scam"] is not None else None,
                "auc_rules": roc_auc(y, [s["rules_scam"] for s in scored]),
                "auc_length": roc_auc(y, [float(len(t)) for t in texts]),
                "precision": precision, "recall": recall,
            })
        entry["labels"] = dict(Counter(s["label"] for s in scored))
        out[path.name] = entry
    return out


# ----------------------------------------------------------------- printing
def figure(x) -> str:
    """A metric as the reports print it: four decimals, or "–" when there is none."""
    return f"{x:.4f}" if isinstance(x, float) else "–"


def format_classification(name: str, m: dict) -> str:
    lines = [f"{name}: macro-F1 {m['macro_f1']:.4f}, accuracy {m['accuracy']:.4f}, n={m['n']}",
             f"  {'label':<11} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}"]
    for label, v in m["per_label"].items():
        lines.append(f"  {label:<11} {v['precision']:>9.4f} {v['recall']:>7.4f} {v['f1']:>7.4f} {v['support']:>8}")
    lines.append("  confusion (rows: truth; columns: " + " ".join(LABELS) + ")")
    for label, counts in m["confusion"].items():
        lines.append(f"  {label:<11} " + " ".join(f"{c:>5}" for c in counts))
    return "\n".join(lines)


def format_flags(flags: dict) -> str:
    lines = [f"  {'flag':<26} {'precision':>9} {'recall':>7} {'support':>8} {'raised':>7}"]
    for flag, v in flags.items():
        lines.append(f"  {flag:<26} {figure(v['precision']):>9} {figure(v['recall']):>7} {v['support']:>8} "
                     f"{v['raised']:>7}")
    return "\n".join(lines)


def format_external(report: dict) -> str:
    lines = [f"  {'file':<24} {'rows':>5} {'scam':>5} {'AUC':>6} {'model':>6} {'rules':>6} {'length':>6} "
             f"{'prec':>6} {'recall':>6} {'high% non-scam':>14}"]
    for name, e in report.items():
        high = f"{100 * e['high_rate_non_scam']:.2f}%" if e["high_rate_non_scam"] is not None else "–"
        lines.append(f"  {name:<24} {e['rows']:>5} {e['scam_rows']:>5} {figure(e.get('auc_shipped')):>6} "
                     f"{figure(e.get('auc_model')):>6} {figure(e.get('auc_rules')):>6} {figure(e.get('auc_length')):>6} "
                     f"{figure(e.get('precision')):>6} {figure(e.get('recall')):>6} {high:>14}")
    return "\n".join(lines)
