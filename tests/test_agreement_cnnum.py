"""Our Chinese-numeral parser against cn2an, the maintained converter, as an oracle."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.agreement.cnnum import cn_integer, cn_to_number

NUMBERS = st.one_of(st.integers(0, 99), st.integers(0, 10**4), st.integers(0, 10**8), st.integers(0, 10**12))


@settings(max_examples=3000, deadline=None)
@given(NUMBERS, st.sampled_from(["low", "up"]))
def test_cnnum_round_trips_what_cn2an_writes(n: int, mode: str) -> None:
    assert cn_integer(cn2an.an2cn(n, mode)) == n


@pytest.mark.parametrize("text", ["三千五百", "两万", "一万二", "十二", "十万零五百", "壹万贰仟叁佰肆拾伍", "三千五",
                                  "两千", "一千零五十", "二万七千零五十", "一亿二千万", "3万5千", "12万3千"])
def test_cnnum_agrees_with_cn2an_smart_mode(text: str) -> None:
    assert cn_integer(text) == cn2an.cn2an(text, "smart")


@pytest.mark.parametrize("text,value", [
    ("二〇二六", 2026), ("一万零二", 10002), ("两百五", 250), ("1万零5百", 10500), ("3万5", 35000), ("零", 0),
    ("貳仟參佰", 2300), ("兩萬", 20000),
])
def test_cnnum_forms_people_write(text: str, value: int) -> None:
    assert cn_integer(text) == value


@pytest.mark.parametrize("text", ["", "三四千", "万", "元", "一二三四五万", "abc"])
def test_cnnum_refuses_what_is_not_one_numeral(text: str) -> None:
    assert cn_integer(text) is None


def test_cnnum_decimals() -> None:
    assert cn_to_number("三点五") == 3.5 and cn_to_number("十二点零五") == 12.05 and cn_to_number("三点") is None
