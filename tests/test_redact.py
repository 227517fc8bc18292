"""Redaction's quick check: a text it lets through unsearched has nothing any mask pattern would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.scan.redact import _ANY_RE, _spans, redact

PIECES = ["1", "3", "9", "０", "５", "７", " ", "-", "－", "@", "a", "x", "X", ":", "：", "号", "號", "还款", "元",
          "微信", "薇信", "vx", "ＶＸ", "wx", "WeChat", "QQ", "qq", "ＱＱ", "扣扣", "企鹅", "q号", "Q号",
          "13912345678", "139 1234 5678", "010-", "12345678", "6222", "0212", "11010119900307123", "example.com"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_redact_quick_check_lets_through_only_texts_with_nothing_to_mask(text: str) -> None:
    masked = list(text)
    for s, e, mask in _spans(text):
        masked[s:e] = mask
    assert redact(text) == "".join(masked)
    if _spans(text):
        assert _ANY_RE.search(text) is not None


def test_redact_quick_check_passes_amounts_and_dates_unsearched() -> None:
    for text in ("还款3000元", "2024年3月5日 09:12", "金额12,345.00元", "本金5万分12期", "验证码 482913"):
        assert _ANY_RE.search(text) is None and redact(text) == text
    assert _ANY_RE.search("2024-03-05") is not None and redact("2024-03-05") == "2024-03-05"   # searched, kept
    for text in ("电话139 1234 5678", "座机010-12345678", "扣扣123456", "邮箱zhang@b.cn", "加我vx zhangsan_01"):
        assert _ANY_RE.search(text) is not None and redact(text) != text
