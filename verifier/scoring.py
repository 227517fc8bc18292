"""From rule hits (and, once a model is trained, class probabilities) to
``label``, ``risk`` and ``level``: one documented function, :func:`decide`.

Decision table (rules only; rows are tried in order, the first that matches
wins; ``n`` is the number of distinct flag ids that fired):

=====  ==============================================================  ===========  ======  ========================
row    condition                                                       label        level   risk
=====  ==============================================================  ===========  ======  ========================
1      a high-severity scam flag (personal_account_transfer,           scam         high    0.90 + 0.02·(n−1), ≤0.99
       credit_repair, verbal_only_waiver, intermediary_fee,
       credential_request)
2      a medium scam flag (impersonation, off_platform_contact,        scam         high    0.75 + 0.04·(n−1), ≤0.89
       suspicious_link, too_good_offer)
3      threat_or_harassment                                            abusive      high    0.80 + 0.03·(n−1), ≤0.95
4      false_legal_threat or borrow_to_repay                           abusive      medium  0.55 + 0.05·(n−1), ≤0.69
5      urgent_pressure only, in a message about a debt                 collection   low     0.30
6      no flag, about a debt or with the official_channel signal       collection   low     0.10
7      anything else                                                   normal       low     0.02 (0.20 with a flag)
=====  ==============================================================  ===========  ======  ========================

``risk`` is monotone with ``level``: high ≥ 0.70 > medium ≥ 0.40 > low.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HIGH_SCAM = frozenset({
    "personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee", "credential_request",
})
MEDIUM_SCAM = frozenset({"impersonation", "off_platform_contact", "suspicious_link", "too_good_offer"})
THREAT = frozenset({"threat_or_harassment"})
PRESSURE = frozenset({"false_legal_threat", "borrow_to_repay"})

DEBT_CONTEXT_RE = re.compile(
    "逾期|欠款|欠费|欠钱|还款|应还|账单|借款|贷款|网贷|花呗|借呗|信用卡|催收|协商|分期|本金|罚息|结清|还清|最低还"
)


@dataclass(frozen=True)
class Decision:
    label: str
    level: str
    risk: float
    row: int


def decide(flag_ids: set[str] | frozenset[str], signals: set[str] | frozenset[str], about_debt: bool) -> Decision:
    """Apply the decision table of this module's docstring."""
    n = len(flag_ids)
    if flag_ids & HIGH_SCAM:
        return Decision("scam", "high", min(0.99, 0.90 + 0.02 * (n - 1)), 1)
    if flag_ids & MEDIUM_SCAM:
        return Decision("scam", "high", min(0.89, 0.75 + 0.04 * (n - 1)), 2)
    if flag_ids & THREAT:
        return Decision("abusive", "high", min(0.95, 0.80 + 0.03 * (n - 1)), 3)
    if flag_ids & PRESSURE:
        return Decision("abusive", "medium", min(0.69, 0.55 + 0.05 * (n - 1)), 4)
    if flag_ids and about_debt:
        return Decision("collection", "low", 0.30, 5)
    if not flag_ids and (about_debt or "official_channel" in signals):
        return Decision("collection", "low", 0.10, 6)
    return Decision("normal", "low", 0.20 if flag_ids else 0.02, 7)


def about_debt(folded_text: str) -> bool:
    return DEBT_CONTEXT_RE.search(folded_text) is not None
