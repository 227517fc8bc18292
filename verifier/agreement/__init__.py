"""``verifier agreement``: what a proposed or signed repayment agreement really says.

:func:`check_agreement` reads the text through one folded view (:mod:`.view`:
traditional → simplified, full-width → ASCII, OCR blanks squeezed, offsets kept):
amounts and their roles (:mod:`.amounts`, :mod:`.numbers`), dates
(:mod:`.dates`), then plan type, status, payee, the seven SPEC checks, the
verdict and what is missing (:mod:`.judge`). The message rules of
:mod:`verifier.rules` run on the text too, so a scammer's "agreement" carries
the same flags, with evidence, as his chat messages.
"""

from __future__ import annotations

from ..errors import InputError
from ..messages import check_lang, flag_text
from ..results import AgreementResult, Flag
from ..rules import evaluate
from . import judge
from .amounts import find_amounts
from .dates import date_roles, dates_in_view
from .view import make_view

MAX_CHARS = 2_000_000   # a long agreement pasted with its annexes still fits; beyond that it is not an agreement


def check_agreement(text: str, *, lang: str = "zh") -> AgreementResult:
    """Check one agreement, confirmation screen, SMS or chat proposal (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"check_agreement() takes a str, not {type(text).__name__}")
    check_lang(lang)
    if len(text) > MAX_CHARS:
        raise InputError(f"the agreement has {len(text):,} characters; at most {MAX_CHARS:,} are read",
                         code="E203")
    hits, _signals, doc = evaluate(text)
    view = make_view(text, doc.plain)
    t = view.text
    dates_found = dates_in_view(view)
    amounts = find_amounts(view, dates_found)
    values = amounts.values
    plan = judge.plan_type(t, values)
    dates = date_roles(view, dates_found, installment=plan == "installment" or values["installment_count"] is not None)
    # A payment-rule hit inside a negated or warning sentence of an agreement ("乙方向任何个人账户付款的，
    # 不视为向甲方还款", "甲方不授权任何个人代收") is a clause protecting the debtor, not an instruction.
    hits = [h for h in hits if h.rule.id != "personal_account_transfer"
            or not judge.negated_sentence(t, view.at(h.start), view.at(h.end))]
    rule_flags = {h.rule.id for h in hits}
    risk_text = judge.without_warnings(t)      # a creditor's anti-fraud notice is no scam
    third = judge.third_party_issuer(risk_text)
    status = judge.status(t, rule_flags, values, dates, plan, third)
    payee = judge.payee(view, rule_flags, third, risk_text)
    flags = []
    for h in hits:
        explanation, advice = flag_text(h.rule, lang)
        flags.append(Flag(h.rule.id, h.rule.severity, text[h.start:h.end], h.start, h.end, explanation, advice))
    signals = judge.risk_signals(risk_text, status, values, plan, [m.vstart for m in amounts.money])
    checks = judge.checks(t, rule_flags, values, amounts.conflicts, dates, payee, status, third, risk_text)
    missing = judge.missing(values, checks, status)
    return AgreementResult(
        status=status, verdict=judge.verdict(rule_flags | signals, payee, checks, missing), plan_type=plan,
        amounts=dict(values), dates=dates, payee=payee, checks=tuple(checks), flags=tuple(flags),
        missing=tuple(missing),
    )
