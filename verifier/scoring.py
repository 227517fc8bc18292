"""From rule flags and the classifier's probabilities to ``label``, ``risk``
and ``level``: one documented function, :func:`decide`.

Two evidence scores combine the model with the explainable rules in log-odds:
each fired flag adds :data:`WEIGHT` (by its severity) to the model's log-odds,

- ``scam  = σ(logit P(scam)    + Σ w(f))`` over fired scam flags
  (personal_account_transfer, credit_repair, verbal_only_waiver,
  intermediary_fee, credential_request, impersonation, off_platform_contact,
  suspicious_link, too_good_offer);
- ``abuse = σ(logit P(abusive) + Σ w(f))`` over fired abuse flags
  (threat_or_harassment, false_legal_threat, borrow_to_repay).

So a flag lifts a doubtful model over the threshold, and a model that is
confident a message is ordinary (an anti-fraud notice that quotes a scam, a
debtor asking whether an offer is real) can still outweigh a rule that fired
on quoted words. Without a model the probabilities are the neutral
:data:`PRIOR`, and the rules decide alone: one medium flag gives 0.83, one
high flag 0.97. ``urgent_pressure`` (low) is left to the model: scammers and
lawful reminders both set deadlines.

Decision table (rows are tried in order; the first that matches wins; τ are
the thresholds, chosen on the dev split and recorded in the model manifest):

===  =====================================================  ==========  ======  =======================================
row  condition                                              label       level   risk
===  =====================================================  ==========  ======  =======================================
1    scam ≥ τ_scam, and a scam flag fired or scam ≥ abuse   scam        high    0.70 + 0.30 · (scam − τ)/(1 − τ)
2    abuse ≥ τ_abuse and threat_or_harassment fired         abusive     high    0.70 + 0.30 · (abuse − τ)/(1 − τ)
3    abuse ≥ τ_abuse                                        abusive     medium  0.40 + 0.29 · (abuse − τ)/(1 − τ)
4    model: P(collection) ≥ P(normal); rules only: the      collection  low     0.39 · max(scam/τ_scam, abuse/τ_abuse)
     message is about a debt or has ``official_channel``
5    anything else                                          normal      low     0.39 · max(scam/τ_scam, abuse/τ_abuse)
===  =====================================================  ==========  ======  =======================================

``risk`` is monotone with ``level`` (high ≥ 0.70 > medium ≥ 0.40 > low) and,
inside a level, with the evidence. ``scam`` is also what the external
evaluation ranks by (scam vs. not).
"""

from __future__ import annotations

from .lazyre import lazy
import math
import re
from typing import NamedTuple

from .contract import ABUSE_FLAGS, FLAG_SEVERITY, SCAM_FLAGS

WEIGHT = {"high": 5.0, "medium": 3.0, "low": 0.0}    # log-odds added by a fired flag
PRIOR = 0.2                                          # P(scam), P(abusive) when there is no model
THRESHOLDS = {"scam": 0.5, "abusive": 0.5}
_EPS = 1e-9

DEBT_CONTEXT_RE = lazy(
    "逾期|欠款|欠费|欠钱|还款|应还|账单|借款|贷款|网贷|花呗|借呗|信用卡|催收|协商|分期|本金|罚息|结清|还清|最低还"
)


class Decision(NamedTuple):
    label: str
    level: str
    risk: float
    row: int
    scam: float          # the combined scam evidence
    abuse: float         # the combined abuse evidence


def _combine(p: float, flags, family: frozenset[str]) -> float:
    p = min(1.0 - _EPS, max(_EPS, p))
    z = math.log(p / (1.0 - p))
    if flags:   # (most messages fire none: no sum to build)
        z += sum(WEIGHT[FLAG_SEVERITY[f]] for f in flags if f in family)
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def _band(x: float, tau: float, lo: float, width: float) -> float:
    return lo + width * max(0.0, min(1.0, (x - tau) / (1.0 - tau)))


def decide(flag_ids, signals, about_debt: bool, probabilities: dict[str, float] | None = None,
           thresholds: dict[str, float] = THRESHOLDS) -> Decision:
    """Apply the decision table of this module's docstring."""
    p = probabilities if probabilities is not None else {"scam": PRIOR, "abusive": PRIOR}
    scam = _combine(p.get("scam", 0.0), flag_ids, SCAM_FLAGS)
    abuse = _combine(p.get("abusive", 0.0), flag_ids, ABUSE_FLAGS)
    t_scam, t_abuse = thresholds["scam"], thresholds["abusive"]
    if scam >= t_scam and (flag_ids & SCAM_FLAGS or scam >= abuse):
        return Decision("scam", "high", round(_band(scam, t_scam, 0.70, 0.30), 4), 1, scam, abuse)
    if abuse >= t_abuse and "threat_or_harassment" in flag_ids:
        return Decision("abusive", "high", round(_band(abuse, t_abuse, 0.70, 0.30), 4), 2, scam, abuse)
    if abuse >= t_abuse:
        return Decision("abusive", "medium", round(_band(abuse, t_abuse, 0.40, 0.29), 4), 3, scam, abuse)
    low = round(0.39 * min(1.0, max(scam / t_scam, abuse / t_abuse)), 4)
    if probabilities is not None:
        debt = probabilities.get("collection", 0.0) >= probabilities.get("normal", 0.0)
    else:
        debt = about_debt or "official_channel" in signals
    if debt:
        return Decision("collection", "low", low, 4, scam, abuse)
    return Decision("normal", "low", low, 5, scam, abuse)


def about_debt(folded_text: str) -> bool:
    return DEBT_CONTEXT_RE.search(folded_text) is not None
