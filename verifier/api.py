"""The library entry points behind the CLI."""

from __future__ import annotations

from .errors import InputError
from .messages import LABEL_ADVICE, check_lang, flag_text
from .results import Flag, ScoreResult
from .rules import evaluate
from .scoring import about_debt, decide

MAX_CHARS = 1_048_576   # one message; whole chat exports go through ``verifier scan``


def score(text: str, *, lang: str = "zh") -> ScoreResult:
    """Score one message: label, risk, level, flags with evidence, signals, advice.

    Empty or blank text is an honest ``normal``/``low`` result. Text longer than
    :data:`MAX_CHARS` raises :class:`~verifier.errors.InputError`.
    """
    if not isinstance(text, str):
        raise TypeError(f"score() takes a str, not {type(text).__name__}")
    check_lang(lang)
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the message has {len(text):,} characters; one message may have at most {MAX_CHARS:,} "
            "(use `verifier scan` for whole chat exports)", code="E203",
        )
    hits, signals, doc = evaluate(text)
    flags = []
    for h in hits:
        explanation, advice = flag_text(h.rule, lang)
        flags.append(Flag(h.rule.id, h.rule.severity, text[h.start:h.end], h.start, h.end, explanation, advice))
    decision = decide({f.id for f in flags}, set(signals), about_debt(doc.norm.text))
    advice = list(dict.fromkeys(f.advice for f in flags))
    advice.append(LABEL_ADVICE[lang][decision.label])
    return ScoreResult(
        label=decision.label, risk=decision.risk, level=decision.level, probabilities=None,
        flags=tuple(flags), signals=tuple(signals), advice=tuple(dict.fromkeys(advice)),
    )
