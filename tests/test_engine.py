"""The rule engine's mechanisms: suppression scopes, direct instructions, vetoes, limits."""

from __future__ import annotations

import pytest

from verifier import score
from verifier.rules import CATALOGUE, MAX_HITS_PER_RULE
from verifier.rules.base import Pat, Rule, Suppressor


def ids(text: str) -> set[str]:
    return set(score(text).flag_ids)


def test_engine_warning_in_one_sentence_does_not_cancel_an_instruction_in_another() -> None:
    text = "警方提醒：征信修复都是骗局。不过我们是正规的，加我微信，我帮你把逾期处理掉。"
    assert "off_platform_contact" in ids(text)


def test_engine_message_frame_is_overridden_by_a_direct_instruction() -> None:
    framed = "温馨提示：征信修复可以找专业团队，逾期记录能消除。"
    assert "credit_repair" not in ids(framed)
    assert "credit_repair" in ids(framed + "欠款的话加我微信细聊。")


def test_engine_negation_only_reaches_its_own_clause() -> None:
    assert "credential_request" in ids("我们不会害你的，你把验证码报给我就行")
    assert "credential_request" not in ids("请勿把验证码报给我或任何人")


def test_engine_official_channel_is_vetoed_by_an_off_channel_flag() -> None:
    assert "official_channel" in score("逾期了请登录支付宝App还款").signals
    assert "official_channel" not in score("逾期了别登录支付宝App还款，加我微信转我卡上").signals


def test_engine_reports_at_most_a_few_hits_per_rule() -> None:
    result = score("欠款加我微信。" * 200)
    assert 1 <= sum(f.id == "off_platform_contact" for f in result.flags) <= MAX_HITS_PER_RULE


def test_engine_rule_ids_are_checked_against_the_contract() -> None:
    with pytest.raises(ValueError):
        Rule(id="no_such_flag", patterns=(Pat("p", "x"),), explanation="", advice="")


def test_engine_pattern_names_are_unique_per_rule() -> None:
    for rule in CATALOGUE:
        names = [p.name for p in rule.patterns]
        assert len(names) == len(set(names)), rule.id


def test_engine_every_rule_has_chinese_texts_and_known_suppressors() -> None:
    for rule in CATALOGUE:
        assert rule.explanation and rule.advice, rule.id
        assert any("\u4e00" <= c <= "\u9fff" for c in rule.explanation), rule.id
        for sup in rule.suppress:   # named predicates with a scope and a one-line doc
            assert isinstance(sup, Suppressor) and sup.doc and sup.scope in ("clause", "sentence", "message")
