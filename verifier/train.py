"""``verifier train``: rebuild ``models/message_clf/`` from ``corpora/``.

1. hyper-parameters by grouped 5-fold cross-validation on the ``train`` split;
2. fit on ``train``, measure on ``dev`` (a sanity check of the decision);
3. refit on ``train`` + ``dev`` with the chosen parameters — the shipped model;
4. measure the shipped model on the untouched ``test`` split (whole groups the
   model never saw), and, with ``--external DIR``, on real text nobody here
   wrote (scored only; it never takes part in fitting or selection);
5. save the Pipeline, its runtime export, ``manifest.json`` and ``MODEL_CARD.md``.
"""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

from . import corpus, model
from .evaluation import figure
from .scoring import THRESHOLDS


def run(corpus_root: Path | None = None, out_dir: Path | None = None, external: Path | None = None,
        select: bool = True, log=print) -> dict:
    out_dir = out_dir or model.default_dir()
    started = time.perf_counter()
    rows = corpus.load(corpus_root)
    train_rows = [r for r in rows if r["split"] == "train"]
    dev_rows = [r for r in rows if r["split"] == "dev"]
    test_rows = [r for r in rows if r["split"] == "test"]
    log(f"corpus: {len(train_rows)} train, {len(dev_rows)} dev, {len(test_rows)} test rows")
    if select:
        log("grouped cross-validation on train:")
        params, cv = model.select(train_rows, log=log)
    else:
        params, cv = dict(model.DEFAULTS), []
    log(f"chosen: {params}")

    from .evaluation import corpus_report, external_report

    dev_fit = model.fit(train_rows, params)
    # Thresholds are chosen on dev with a model fitted on train only (saved to a scratch directory).
    scratch = out_dir.parent / f".{out_dir.name}.dev"
    model.save(dev_fit, scratch, {"thresholds": THRESHOLDS})
    thresholds, threshold_table = choose_thresholds(dev_rows, model_dir=scratch)
    _remove(scratch)
    dev_f1 = next(row["macro_f1"] for row in threshold_table if row["thresholds"] == thresholds)
    log(f"dev (fitted on train): shipped macro-F1 {dev_f1:.4f} with thresholds {thresholds}")

    shipped = model.fit(train_rows + dev_rows, params)
    info = {
        "corpus_hash": corpus.corpus_hash(corpus_root),
        "training_command": _command(),
        "hyperparameters": params,
        "selection": {"method": "grouped 5-fold cross-validation on the train split, macro-F1", "grid": model.GRID,
                      "table": cv},
        "thresholds": thresholds,
        "threshold_selection": {"method": "dev split, model fitted on train: at most 1% of normal rows at level "
                                          "high and within 0.005 of the best macro-F1, the highest scam threshold; "
                                          "then the abuse threshold with the best macro-F1",
                                "table": threshold_table},
        "trained_on": {"splits": ["train", "dev"], "rows": len(train_rows) + len(dev_rows)},
    }
    manifest = model.save(shipped, out_dir, info)
    model.shared.cache_clear()
    test_report = corpus_report(test_rows, model_dir=out_dir)
    metrics = {"test": test_report, "dev": {"shipped_macro_f1": dev_f1}}
    log(f"test (held-out groups): shipped macro-F1 {test_report['shipped']['macro_f1']:.4f}")
    if external is not None:
        metrics["external"] = external_report(external, model_dir=out_dir)
        metrics["external_source"] = str(external)
    manifest = _update(out_dir, {"metrics": metrics, "training_seconds": round(time.perf_counter() - started, 1)})
    (out_dir / model.CARD).write_text(render_card(manifest), encoding="utf-8")
    log(f"wrote {out_dir} in {manifest['training_seconds']} s")
    return manifest


CANDIDATE_THRESHOLDS = (0.5, 0.6, 0.7)   # below 0.5 the model finds the label less likely than not
MAX_NORMAL_HIGH = 0.01     # at most 1% of ordinary messages may be told "high risk"
F1_TOLERANCE = 0.005       # macro-F1 differences below this are noise on a dev split of this size


def choose_thresholds(rows: list[dict], model_dir: Path) -> tuple[dict, list[dict]]:
    """(τ_scam, τ_abuse) on ``rows`` (the dev split).

    Among the pairs that tell at most :data:`MAX_NORMAL_HIGH` of the ``normal``
    rows "high" and whose shipped macro-F1 is within :data:`F1_TOLERANCE` of
    the best, the highest τ_scam (a false "high" costs the user's trust, and
    smaller F1 differences are noise), then the τ_abuse with the best macro-F1
    for it (a message the model alone calls abusive is only "medium").
    """
    from .api import score_many
    from .evaluation import classification
    from .scoring import about_debt, decide

    results = score_many([r["text"] for r in rows], model_dir=model_dir)
    truth = [r["label"] for r in rows]
    normal = [i for i, r in enumerate(rows) if r["label"] == "normal"]
    table = []
    for t_scam in CANDIDATE_THRESHOLDS:
        for t_abuse in CANDIDATE_THRESHOLDS:
            th = {"scam": t_scam, "abusive": t_abuse}
            decisions = [decide({f.id for f in r.flags}, set(r.signals), about_debt(row["text"]), r.probabilities, th)
                         for r, row in zip(results, rows)]
            high = sum(decisions[i].level == "high" for i in normal) / len(normal) if normal else 0.0
            table.append({"thresholds": th, "macro_f1": classification(truth, [d.label for d in decisions])["macro_f1"],
                          "normal_high_rate": round(high, 4)})
    allowed = [row for row in table if row["normal_high_rate"] <= MAX_NORMAL_HIGH] or table
    best = max(row["macro_f1"] for row in allowed)
    near = [row for row in allowed if row["macro_f1"] >= best - F1_TOLERANCE]
    t_scam = max(row["thresholds"]["scam"] for row in near)
    chosen = max((row for row in allowed if row["thresholds"]["scam"] == t_scam),
                 key=lambda row: (row["macro_f1"], row["thresholds"]["abusive"]))
    return chosen["thresholds"], table


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder)
    model.shared.cache_clear()


def _update(out_dir: Path, extra: dict) -> dict:
    manifest = {**model.read_manifest(out_dir), **extra}
    model.write_manifest(out_dir, manifest)
    return manifest


def _command() -> str:
    args = sys.argv[1:]
    return "verifier " + " ".join(shlex.quote(a) for a in args) if args else "verifier train"


# --------------------------------------------------------------- model card
def _pct(x) -> str:
    return f"{100 * x:.2f}%" if isinstance(x, float) else "–"


def render_card(m: dict) -> str:
    test = m["metrics"]["test"]
    lines = [
        "# Model card — verifier message classifier",
        "",
        "Generated by `verifier train` from `manifest.json`; do not edit by hand.",
        "",
        "## Intended use",
        "",
        "Triage of single messages (SMS, chat, e-mail text) that people in debt in China receive: `scam`, "
        "`abusive` (illegal collection practice), `collection` (lawful reminders and notices) or `normal`. "
        "It ranks and explains risk for the person, a volunteer or a compliance team. **It is not legal "
        "advice** and it does not decide anything on its own: the rule flags, with their evidence, say why.",
        "",
        "Out of scope: voice calls, images and screenshots, dialects written phonetically, languages other than "
        "Chinese (a little English is mixed in the corpus), whole conversations (see `verifier scan`), and any "
        "decision about a person's creditworthiness.",
        "",
        "## Model",
        "",
        f"- scikit-learn Pipeline: TF-IDF over jieba words (1–2 grams, `{m['versions']['segmenter']}`) joined "
        f"with TF-IDF over characters (1–{m['hyperparameters']['char_max']} grams), both on the folded text of "
        "`verifier.normalise`, then multinomial `LogisticRegression` "
        f"(C={m['hyperparameters']['C']}, balanced class weights).",
        f"- features: {m['features']}; labels in artefact order: {m['labels']}.",
        "- At inference the runtime export (`runtime.bin`) recomputes the Pipeline's probabilities without "
        "importing scikit-learn (equal to 1e-9, checked by a test on the whole corpus).",
        f"- label, level and risk: the decision table of `verifier/scoring.py` combines these probabilities with "
        f"the rule flags; thresholds {m['thresholds']}.",
        "- artefacts: " + ", ".join(f"`{k}` sha256 `{v['sha256'][:16]}…`" for k, v in m["artifacts"].items()),
        "- versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- corpus hash: `{m['corpus_hash']}`; training command: `{m['training_command']}`; "
        f"{m.get('training_seconds', '–')} s.",
        "",
        "## Training data",
        "",
        "`corpora/messages/` — every message written by the project (hand-written, template-generated and "
        "augmented rows), split by group so that no template or scenario straddles train and test. See "
        "`corpora/DATA_CARD.md`.",
        "",
        "## Selection",
        "",
        "Grouped 5-fold cross-validation on the train split (macro-F1):",
        "",
        "| parameters | macro-F1 | folds |",
        "|---|---|---|",
    ]
    for row in m["selection"]["table"]:
        lines.append(f"| {row['params']} | {row['macro_f1']:.4f} | {row['folds']} |")
    lines += [
        "",
        "## Held-out test split (groups the model never saw)",
        "",
        f"Shipped decision (rules + model): macro-F1 **{test['shipped']['macro_f1']:.4f}**, accuracy "
        f"{test['shipped']['accuracy']:.4f}, {test['shipped']['n']} messages. "
        + (f"Model alone: macro-F1 {test['model']['macro_f1']:.4f}." if "model" in test else ""),
        "",
        "| label | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for label, v in test["shipped"]["per_label"].items():
        lines.append(f"| {label} | {v['precision']:.4f} | {v['recall']:.4f} | {v['f1']:.4f} | {v['support']} |")
    lines += ["", "Confusion matrix (rows: truth; columns: " + ", ".join(test["shipped"]["confusion"]) + "):", ""]
    lines.append("| truth \\ predicted | " + " | ".join(test["shipped"]["confusion"]) + " |")
    lines.append("|---" * (len(test["shipped"]["confusion"]) + 1) + "|")
    for label, counts in test["shipped"]["confusion"].items():
        lines.append(f"| {label} | " + " | ".join(str(c) for c in counts) + " |")
    lines += ["", "By source (macro-F1): " + ", ".join(
        f"{k} {v['macro_f1']:.4f} (n={v['n']})" for k, v in test["by_source"].items()), ""]
    if "flags" in test:
        lines += ["### Rule flags on the test split", "",
                  "The flags are the rules' (the model raises none), measured against the flags each test row is "
                  "labelled with: precision of a raised flag, recall of a labelled one. The rules are written for "
                  "precision; what they miss the model can still catch in the label, but without evidence.", "",
                  "| flag | precision | recall | labelled | raised |", "|---|---|---|---|---|"]
        for flag, v in test["flags"].items():
            lines.append(f"| `{flag}` | {figure(v['precision'])} | {figure(v['recall'])} | {v['support']} | {v['raised']} |")
        lines.append("")
    ext = m["metrics"].get("external")
    lines += ["## Real text nobody here wrote", ""]
    if ext:
        lines += [
            f"Evaluation-only public samples (`{m['metrics'].get('external_source')}`; never used for fitting, "
            "selection or thresholds). Scam vs. not. AUC of the shipped scam evidence, of the model's P(scam) "
            "alone, of the rules alone, and of a length-only baseline; precision and recall of `label == scam`; "
            "share of non-scam messages at `level: high`.",
            "",
            "| file | rows | scam | AUC shipped | AUC model | AUC rules | AUC length | precision | recall | "
            "high on non-scam |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, e in ext.items():
            lines.append(
                f"| {name} | {e['rows']} | {e['scam_rows']} | {figure(e.get('auc_shipped'))} | {figure(e.get('auc_model'))} "
                f"| {figure(e.get('auc_rules'))} | {figure(e.get('auc_length'))} | {figure(e.get('precision'))} | "
                f"{figure(e.get('recall'))} | {_pct(e.get('high_rate_non_scam'))} |")
    else:
        lines.append("Not measured in this training run (`verifier train --external DIR`).")
    lines += [
        "",
        "## Known failure modes",
        "",
        "- The corpus is written by a small team: phrasings, names and platforms repeat more than in life; "
        "a message in a voice nobody wrote (a new scam script, heavy dialect) can be missed by the model.",
        "- Fraud unrelated to debt (fake shops, investment scams) is only partly covered; the classifier was "
        "trained to find debt-related fraud and generic phishing.",
        "- Marketing that mimics urgency (限时, 最后机会) with a link scores higher than it should; the rules, "
        "not the model, decide whether a link is official.",
        "- Very short messages (加v详聊, 在吗) carry little evidence; their label leans on the few characters there.",
        "- Everyday money talk with no debt in it (你先转两千过来，车我帮你提回来; 押金你先转过来) can come out `scam` "
        "at `high` from the model alone, with no flag: the corpus has few ordinary messages that ask for a transfer. "
        "Candidate rows for this wait in `corpora/messages/candidates/` (see its README for what they did).",
        "- Probabilities are not calibrated to real-world base rates (the corpus is balanced by design); use the "
        "level and the flags, not the raw probability, to act.",
        "",
        "## How to retrain",
        "",
        "```bash",
        "make corpus          # rebuild corpora/messages/processed/ from the written sources (deterministic)",
        ".venv/bin/verifier train --external ../shared/data   # about a minute or two on 2 cores",
        "make test            # checks the manifest against the artefact and the corpus hash",
        "```",
        "",
    ]
    return "\n".join(lines)
