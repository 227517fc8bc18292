"""verifier.score(): labels and levels of whole messages, and API edge cases."""

from __future__ import annotations

import pytest

from conftest import DATA, load_jsonl
from verifier import score
from verifier.api import MAX_CHARS
from verifier.errors import InputError

SCENARIOS = load_jsonl(DATA / "scenarios.jsonl")


@pytest.mark.parametrize("case", SCENARIOS, ids=[c["text"][:14] for c in SCENARIOS])
def test_score_scenario_label_level_flags(case: dict) -> None:
    result = score(case["text"])
    fired = set(result.flag_ids)
    assert (result.label, result.level) == (case["label"], case["level"]), sorted(fired)
    if case.get("exact"):
        assert fired == set(case["flags"])
    else:
        assert set(case["flags"]) <= fired, sorted(fired)
    assert set(case.get("signals", [])) <= set(result.signals)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\u200b\u200b"])
def test_score_blank_text_is_an_honest_low_result(text: str) -> None:
    result = score(text)
    assert (result.label, result.level, result.flags) == ("normal", "low", ())


def test_score_rejects_an_oversized_message() -> None:
    with pytest.raises(InputError):
        score("啊" * (MAX_CHARS + 1))


def test_score_many_names_the_message_that_is_too_long_or_not_text() -> None:
    from verifier import score_many

    with pytest.raises(InputError, match="message 3 has"):
        score_many(["好的", "收到", "啊" * (MAX_CHARS + 1)])
    with pytest.raises(TypeError):
        score_many(["好的", 42])
    class Text(str):
        pass
    assert score_many([Text("收到")])[0].label == "normal"   # a str subclass is text


def test_score_one_megabyte_is_scored() -> None:
    text = ("【花呗】账单已逾期，请登录支付宝App还款。加我微信，本金转我卡上。" * 40000)[: 1024 * 1024]
    result = score(text)
    assert result.label == "scam"
    assert all(text[f.start:f.end] == f.evidence for f in result.flags)


def test_score_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        score(b"bytes")  # type: ignore[arg-type]


def test_score_lang_en_changes_the_words_not_the_verdict() -> None:
    text = "专业征信修复，逾期记录可以删除"
    zh, en = score(text), score(text, lang="en")
    assert (zh.label, zh.flag_ids) == (en.label, en.flag_ids)
    assert en.flags[0].explanation != zh.flags[0].explanation
    assert en.flags[0].explanation.isascii()


def test_score_results_built_for_batches_equal_constructed_ones() -> None:
    """``build`` (no dataclass __init__) gives the same object as the constructor: equal, same hash
    and repr, every field set, picklable; the API's results are built that way."""
    import dataclasses
    import pickle

    from verifier.results import Flag, ScoreResult

    flag = dict(id="impersonation", severity="high", evidence="客服", start=0, end=2, explanation="e", advice="a")
    result = dict(label="scam", risk=0.9, level="high", probabilities={"scam": 0.9}, flags=(Flag(**flag),),
                  signals=(), advice=("a",))
    for cls, fields in ((Flag, flag), (ScoreResult, result)):
        built, made = cls.build(**fields), cls(**fields)
        assert built == made and repr(built) == repr(made) and vars(built) == vars(made)
        assert {f.name for f in dataclasses.fields(cls)} == set(fields)
        assert pickle.loads(pickle.dumps(built)) == made
        with pytest.raises(dataclasses.FrozenInstanceError):
            built.start = 1
    assert hash(Flag.build(**flag)) == hash(Flag(**flag))
    got = score("加我微信，本金转我卡上")
    assert got == ScoreResult(**{f.name: getattr(got, f.name) for f in dataclasses.fields(ScoreResult)})
