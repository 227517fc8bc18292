"""The library entry points behind the CLI: :func:`score` and :func:`score_many`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import InputError
from .messages import LABEL_ADVICE, check_lang, flag_text
from .results import Flag, ScoreResult
from .rules import batch_prefilter, evaluate, evaluate_many
from .scoring import THRESHOLDS, about_debt, decide

MAX_CHARS = 1_048_576   # one message; whole chat exports go through ``verifier scan``
CHUNK = 1000            # messages a worker scores per task in score_many


def _model(use_model: bool, model_dir: str | None = None):
    """The trained runtime model, or None (not trained, or not wanted)."""
    if not use_model:
        return None
    from .model import shared

    return shared(str(model_dir) if model_dir else None)


def _check(text: str, where: str = "the message") -> None:
    if not isinstance(text, str):
        raise TypeError(f"score() takes a str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{where} has {len(text):,} characters; one message may have at most {MAX_CHARS:,} "
            "(use `verifier scan` for whole chat exports)", code="E203",
        )


def _result(text: str, hits, signals, doc, probabilities, thresholds, lang: str) -> ScoreResult:
    flags = []
    for h in hits:
        explanation, advice = flag_text(h.rule, lang)
        flags.append(Flag.build(id=h.rule.id, severity=h.rule.severity, evidence=text[h.start:h.end], start=h.start,
                                end=h.end, explanation=explanation, advice=advice))
    # only the rules-alone decision reads whether the text is about a debt
    debt = probabilities is None and about_debt(doc.norm.text)
    decision = decide({f.id for f in flags}, set(signals), debt, probabilities, thresholds)
    advice = [f.advice for f in flags]
    advice.append(LABEL_ADVICE[lang][decision.label])
    return ScoreResult.build(
        label=decision.label, risk=decision.risk, level=decision.level, probabilities=probabilities,
        flags=tuple(flags), signals=tuple(signals), advice=tuple(dict.fromkeys(advice)),
    )


def score(text: str, *, lang: str = "zh", use_model: bool = True, model_dir: str | None = None) -> ScoreResult:
    """Score one message: label, risk, level, probabilities, flags with evidence, signals, advice.

    Empty or blank text is an honest low-risk result. Text longer than
    :data:`MAX_CHARS` raises :class:`~verifier.errors.InputError`. Without a
    trained model (or with ``use_model=False``) the rules decide alone and
    ``probabilities`` is None. ``model_dir`` overrides where the model is read.
    """
    _check(text)
    check_lang(lang)
    hits, signals, doc = evaluate(text)
    loaded = _model(use_model, model_dir)
    probabilities, thresholds = None, THRESHOLDS
    if loaded is not None and not _blank(doc):
        from .segment import cut

        folded = doc.norm.text
        probabilities = loaded.runtime.proba_one(folded, cut(folded))
        thresholds = loaded.manifest.get("thresholds", THRESHOLDS)
    return _result(text, hits, signals, doc, probabilities, thresholds, lang)


# --------------------------------------------------------------------- batch
def _evaluate_chunk(texts: list[str], use_model: bool, model_dir: str | None) -> tuple[list, list, dict]:
    """Rules on each text, the model on all of them in one sparse product: (evaluated, probabilities, thresholds)."""
    loaded = _model(use_model, model_dir)
    prefilter = batch_prefilter()
    evaluated = evaluate_many(texts, prefilter)
    if loaded is None:
        return evaluated, [None] * len(texts), THRESHOLDS
    from .segment import cut_flat

    folded = [d.norm.text for _, _, d in evaluated]
    matrix = loaded.runtime.proba_flat(folded, *cut_flat(folded))
    labels = loaded.runtime.labels
    probabilities = [None if _blank(d) else dict(zip(labels, row))
                     for (_, _, d), row in zip(evaluated, matrix.tolist())]
    return evaluated, probabilities, loaded.manifest.get("thresholds", THRESHOLDS)


def _score_chunk(args: tuple[list[str], str, bool, str | None]) -> list[ScoreResult]:
    """Score distinct texts: rules one by one, the model in one sparse product."""
    texts, lang, use_model, model_dir = args
    evaluated, probabilities, thresholds = _evaluate_chunk(texts, use_model, model_dir)
    # a blank text has no probabilities: the rules decide alone, with their own thresholds (as in score())
    return [_result(t, h, s, d, p, thresholds if p is not None else THRESHOLDS, lang)
            for t, (h, s, d), p in zip(texts, evaluated, probabilities)]


def decide_many(texts: list[str], use_model: bool = True, model_dir: str | None = None) -> list[tuple]:
    """The decision on each text without the texts a person reads: ``(label, risk, level, flags)`` with
    ``flags`` as ``((id, severity, start, end), ...)`` — what a batch scan keeps of a :class:`ScoreResult`
    (the same decision as :func:`score`, with none of the explanations built)."""
    evaluated, probabilities, thresholds = _evaluate_chunk(texts, use_model, model_dir)
    out = []
    for (hits, signals, doc), p in zip(evaluated, probabilities):
        decision = decide({h.rule.id for h in hits}, set(signals), p is None and about_debt(doc.norm.text), p,
                          thresholds if p is not None else THRESHOLDS)
        out.append((decision.label, round(float(decision.risk), 4), decision.level,
                     tuple((h.rule.id, h.rule.severity, h.start, h.end) for h in hits)))
    return out


def warm(use_model: bool = True, model_dir: str | None = None) -> None:
    """Load everything batch scoring uses — the model and numpy/scipy, the Hyperscan databases, the
    segmenter's dictionary, every compiled pattern — so that forked workers share it (copy-on-write)
    instead of each loading its own."""
    from . import lazyre
    from .normalise import BATCH_MIN
    from .rules import CATALOGUE

    decide_many(["预热：加我微信，本金转我卡上，逾期要上门", ""] * BATCH_MIN, use_model, model_dir)
    for pattern in list(lazyre.REGISTRY):
        pattern.compiled()
    for rule in CATALOGUE:
        for pat in rule.patterns:
            pat.rx  # noqa: B018 - compiled here, shared by the workers


def _blank(doc) -> bool:
    """Nothing for the model to read (empty, spaces, zero-width characters): the rules answer alone."""
    return not doc.norm.text.strip()


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while chunk := list(islice(it, size)):
        yield chunk


def score_iter(texts: Iterable[str], *, lang: str = "zh", workers: int = 1, use_model: bool = True,
               model_dir: str | None = None, chunk: int = CHUNK) -> Iterator[ScoreResult]:
    """Score many messages lazily, in input order.

    A text repeated inside a chunk is scored once. With ``workers > 1`` chunks
    are scored in that many processes; the results are the same, in the same
    order, for any number of workers.
    """
    from .parallel import ordered_map

    check_lang(lang)
    _model(use_model, model_dir)   # a broken model fails here, before any work
    batch_prefilter()              # built (or loaded from the cache) once, before workers fork

    def tasks():
        for n, block in enumerate(_chunks(texts, chunk)):
            for i, t in enumerate(block):
                if t.__class__ is not str or len(t) > MAX_CHARS:   # (the message's number only for an error)
                    _check(t, f"message {n * chunk + i + 1}")
            distinct = list(dict.fromkeys(block))
            yield (distinct, lang, use_model, model_dir), (block, distinct)

    for (block, distinct), results in ordered_map(_score_chunk, tasks(), workers,
                                                   lambda: warm(use_model, model_dir)):
        by_text = dict(zip(distinct, results))
        for t in block:
            yield by_text[t]


def score_many(texts: Iterable[str], *, lang: str = "zh", workers: int = 1, use_model: bool = True,
               model_dir: str | None = None) -> list[ScoreResult]:
    """Score many messages (see :func:`score_iter`); returns a list in input order.

    The cyclic garbage collector is paused meanwhile: the growing list of results would otherwise be
    walked again and again by collections that find nothing (results hold no cycles).
    """
    from .parallel import collector_paused

    with collector_paused():
        return list(score_iter(texts, lang=lang, workers=workers, use_model=use_model, model_dir=model_dir))
