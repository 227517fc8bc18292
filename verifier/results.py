"""Result types. ``to_dict()`` gives exactly the SPEC JSON shape, in SPEC key order."""

from __future__ import annotations

from dataclasses import dataclass, field

from .contract import AMOUNT_KEYS, DATE_KEYS, LABELS


class _Built:
    """``build(**fields)``: the instance ``cls(**fields)`` would be, without the frozen dataclass's
    generated ``__init__`` (which sets each field through ``object.__setattr__``, three times the cost),
    the way ``pickle`` and ``copy`` rebuild one. For the batch path, which builds one a message; every
    field must be given (a test checks equality with the constructor's)."""

    __slots__ = ()

    @classmethod
    def build(cls, **fields):
        obj = object.__new__(cls)
        obj.__dict__.update(fields)
        return obj


@dataclass(frozen=True)
class Flag(_Built):
    """One rule hit. ``evidence == text[start:end]`` of the original text."""

    id: str
    severity: str
    evidence: str
    start: int
    end: int
    explanation: str
    advice: str

    def to_dict(self) -> dict:
        return {
            "id": self.id, "severity": self.severity, "evidence": self.evidence,
            "start": self.start, "end": self.end,
            "explanation": self.explanation, "advice": self.advice,
        }


@dataclass(frozen=True)
class ScoreResult(_Built):
    """The verdict on one message (``verifier score``)."""

    label: str
    risk: float
    level: str
    probabilities: dict[str, float] | None
    flags: tuple[Flag, ...]
    signals: tuple[str, ...]
    advice: tuple[str, ...]

    @property
    def flag_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.id for f in self.flags))

    def to_dict(self) -> dict:
        probs = None
        if self.probabilities is not None:
            probs = {k: round(float(self.probabilities[k]), 4) for k in LABELS}
        return {
            "label": self.label,
            "risk": round(float(self.risk), 4),
            "level": self.level,
            "probabilities": probs,
            "flags": [f.to_dict() for f in self.flags],
            "signals": list(self.signals),
            "advice": list(self.advice),
        }


@dataclass(frozen=True)
class Check:
    id: str
    passed: bool
    detail: str

    def to_dict(self) -> dict:
        return {"id": self.id, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Payee:
    kind: str
    detail: str | None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "detail": self.detail}


@dataclass(frozen=True)
class AgreementResult:
    """The verdict on an agreement (``verifier agreement``)."""

    status: str
    verdict: str
    plan_type: str
    amounts: dict[str, float | int | None]
    dates: dict[str, str | None]
    payee: Payee
    checks: tuple[Check, ...]
    flags: tuple[Flag, ...]
    missing: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "verdict": self.verdict,
            "plan_type": self.plan_type,
            "amounts": {k: self.amounts.get(k) for k in AMOUNT_KEYS},
            "dates": {k: self.dates.get(k) for k in DATE_KEYS},
            "payee": self.payee.to_dict(),
            "checks": [c.to_dict() for c in self.checks],
            "flags": [f.to_dict() for f in self.flags],
            "missing": list(self.missing),
        }
