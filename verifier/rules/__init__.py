"""The rule catalogue: every flag and signal, listed once, in SPEC order.

``CATALOGUE`` is the single registration point (no import-time decorators).
A golden-list test compares it with the contract.
"""

from __future__ import annotations

from ..normalise import normalise, normalise_many
from .base import Doc, Hit, Prefilter, Rule, raw_hits
from .contact import IMPERSONATION, OFF_PLATFORM_CONTACT
from .credentials import CREDENTIAL_REQUEST
from .credit import CREDIT_REPAIR
from .fees import INTERMEDIARY_FEE
from .legal import FALSE_LEGAL_THREAT, THREAT_OR_HARASSMENT
from .links import SUSPICIOUS_LINK
from .offers import TOO_GOOD_OFFER, VERBAL_ONLY_WAIVER
from .payment import PERSONAL_ACCOUNT_TRANSFER
from .pressure import BORROW_TO_REPAY, URGENT_PRESSURE
from .signals import OFFICIAL_CHANNEL, WRITTEN_CONFIRMATION

CATALOGUE: tuple[Rule, ...] = (
    PERSONAL_ACCOUNT_TRANSFER,
    CREDIT_REPAIR,
    VERBAL_ONLY_WAIVER,
    INTERMEDIARY_FEE,
    CREDENTIAL_REQUEST,
    THREAT_OR_HARASSMENT,
    FALSE_LEGAL_THREAT,
    IMPERSONATION,
    OFF_PLATFORM_CONTACT,
    SUSPICIOUS_LINK,
    TOO_GOOD_OFFER,
    BORROW_TO_REPAY,
    URGENT_PRESSURE,
    OFFICIAL_CHANNEL,
    WRITTEN_CONFIRMATION,
)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in CATALOGUE}
PREFILTER = Prefilter(CATALOGUE)
MAX_HITS_PER_RULE = 8


_FLAG_INDEX = tuple(i for i, rule in enumerate(CATALOGUE) if not rule.is_signal)
_SIGNAL_INDEX = tuple(i for i, rule in enumerate(CATALOGUE) if rule.is_signal)
# flag id → (the signals that cancel it, the flags that keep it): Rule.yields_to / yields_unless. Such a
# flag never vetoes a signal, so the signals need not be worked out again once it is dropped.
_YIELDS = {rule.id: (frozenset(rule.yields_to), frozenset(rule.yields_unless)) for rule in CATALOGUE if rule.yields_to}
if any(set(_YIELDS) & set(CATALOGUE[i].veto) for i in _SIGNAL_INDEX):
    raise ValueError("a flag that yields to a signal may not veto a signal")


def _cancelled_here(h: Hit) -> bool:
    """A clause or sentence cue cancels ``h`` (message-scope ones may yield to a direct instruction)."""
    return any(s.scope != "message" for s in h.suppressed_by)


def _kept(hits: list[Hit], direct_live: bool) -> list[Hit]:
    out = []
    for h in hits:
        if h.suppressed_by and (_cancelled_here(h) or not direct_live):
            continue
        out.append(h)
    return out


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Per rule: drop hits that overlap an earlier (or longer) one."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.rule.id, h.start, -(h.end - h.start))):
        if out and out[-1].rule.id == h.rule.id and h.start < out[-1].end:
            continue
        out.append(h)
    per_rule: dict[str, int] = {}
    final = []
    for h in out:
        per_rule[h.rule.id] = per_rule.get(h.rule.id, 0) + 1
        if per_rule[h.rule.id] <= MAX_HITS_PER_RULE:
            final.append(h)
    return final


def batch_prefilter():
    """The prefilter for batches: Hyperscan when it can be used here (see ``hsfilter``), else the needles."""
    from .hsfilter import shared

    return shared(CATALOGUE) or PREFILTER


def evaluate(text: str, prefilter=None) -> tuple[list[Hit], list[str], Doc]:
    """Run the catalogue on ``text``: (flag hits in text order, signals, doc).

    ``prefilter`` picks the candidate patterns (default: the needle prefilter;
    batches pass :func:`batch_prefilter`); the result never depends on it.
    """
    return _evaluate_doc(Doc(normalise(text)), prefilter or PREFILTER)


def evaluate_many(texts: list[str], prefilter=None) -> list[tuple[list[Hit], list[str], Doc]]:
    """:func:`evaluate` of each text (the same results), normalised as one batch."""
    prefilter = prefilter or PREFILTER
    return [_evaluate_doc(Doc(norm), prefilter) for norm in normalise_many(texts)]


def _evaluate_doc(doc: Doc, prefilter) -> tuple[list[Hit], list[str], Doc]:
    candidates = doc.candidates = prefilter.candidates(doc)
    # only the rules with a candidate pattern run, and only those that hit go further (most messages:
    # none, and nothing else to do); the rest keeps the catalogue's order
    raw = {}
    for i, patterns in candidates.items():
        hits = raw_hits(CATALOGUE[i], doc, patterns)
        if hits:
            raw[i] = hits
    if not raw:
        return [], [], doc
    direct_live = any(h.direct and not _cancelled_here(h) for i in _FLAG_INDEX if i in raw for h in raw[i])
    flags: list[Hit] = []
    for i in _FLAG_INDEX:
        if i in raw:
            flags.extend(_kept(raw[i], direct_live))
    flags = sorted(_dedupe(flags), key=lambda h: (h.start, h.end, h.rule.id))
    fired = {h.rule.id for h in flags}
    signals = [
        CATALOGUE[i].id for i in _SIGNAL_INDEX
        if i in raw and _kept(raw[i], direct_live) and not fired.intersection(CATALOGUE[i].veto)
    ]
    if signals and _YIELDS:
        gone = {f for f, (by, unless) in _YIELDS.items()
                if f in fired and by.intersection(signals) and not unless.intersection(fired)}
        if gone:
            flags = [h for h in flags if h.rule.id not in gone]
    return flags, signals, doc
