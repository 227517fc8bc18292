"""Money and instalment counts as people write them: one pytest case per row (cn2an/JioNLP style)."""

from __future__ import annotations

import pytest

from verifier.agreement.numbers import find_money, parse_count, parse_money

MONEY_ROWS = [
    # --- Arabic digits with thousands separators and decimals
    ("12,345.67元", 12345.67),
    ("1,000元", 1000.0),
    ("0.5元", 0.5),
    ("123,456,789.01元", 123456789.01),
    ("3500.00元", 3500.0),
    ("借款1,234.5元", 1234.5),
    ("2,000块", 2000.0),
    ("50元整", 50.0),
    # --- ¥ / ￥ / RMB / CNY / 人民币 in front
    ("¥8,640.00", 8640.0),
    ("￥3,285.60", 3285.6),
    ("¥ 720", 720.0),
    ("RMB 45,600.00", 45600.0),
    ("rmb1200", 1200.0),
    ("CNY 4,688.20", 4688.2),
    ("人民币36,180.00元", 36180.0),
    ("人民幣5000元", 5000.0),
    # --- full-width digits and separators
    ("１２，３４５．６７元", 12345.67),
    ("２０，０００元", 20000.0),
    ("￥１，５００", 1500.0),
    ("５００元", 500.0),
    ("人民币３，０００．５０元", 3000.5),
    # --- Chinese numerals
    ("三千五百元", 3500.0),
    ("两万", 20000.0),
    ("一万二", 12000.0),
    ("兩萬八", 28000.0),
    ("二万七千零五十元", 27050.0),
    ("一千三百五", 1350.0),
    ("十万元", 100000.0),
    ("五百块", 500.0),
    ("一万零八百元", 10800.0),
    ("四萬二千元", 42000.0),
    # --- capital numerals with 元角分 and 整 (simplified and traditional)
    ("壹万贰仟叁佰肆拾伍元陆角整", 12345.6),
    ("人民币伍万叁仟贰佰壹拾陆元捌角整", 53216.8),
    ("叁仟伍佰元整", 3500.0),
    ("壹拾壹万元整", 110000.0),
    ("陆万元整", 60000.0),
    ("貳萬參仟元整", 23000.0),
    ("壹仟肆佰參拾參元參角參分", 1433.33),
    ("玖仟元整", 9000.0),
    ("伍佰元整", 500.0),
    ("柒萬元整", 70000.0),
    # --- 万 / 千 / k / w units
    ("1.2万元", 12000.0),
    ("3千", 3000.0),
    ("5k", 5000.0),
    ("2w", 20000.0),
    ("8.5万", 85000.0),
    ("10k元", 10000.0),
    ("2千元", 2000.0),
    ("1.5W", 15000.0),
    # --- mixed 3万5千
    ("3万5千元", 35000.0),
    ("3万2", 32000.0),
    ("1万2千5百元", 12500.0),
    ("2万3千元", 23000.0),
    ("4万5", 45000.0),
    ("1万零5百元", 10500.0),
    ("12万3千", 123000.0),
    # --- inside a sentence
    ("应还人民币伍仟元整，请于月底前还清", 5000.0),
    ("您需还款8,000.00元至本卡", 8000.0),
    ("每期应还1,180.00元（含手续费）", 1180.0),
    ("对方说只要还一万五就行", 15000.0),
    ("请将￥6,000.00存入本卡账户", 6000.0),
    ("本次减免：2千元", 2000.0),
    ("結清金額：人民幣壹仟貳佰元整。", 1200.0),
    ("OCR：应 还 金 额 ： 8 , 2 0 0 . 0 0 元", 8200.0),
]

NOT_MONEY_ROWS = [
    # --- dates and times
    "2026年3月15日",
    "2026-03-15",
    "签署时间 14:26",
    # --- percentages and ranks
    "年化利率7.2%",
    "减免30%的利息",
    "第3期",
    "第1至47期",
    # --- phone, card and other identifiers
    "手机号138****5621",
    "卡号6222 **** **** 1034",
    "尾号0716的信用卡",
    "工号AH****17",
    "拨打95188",
    "协议编号HX2026-0314-0057",
    # --- counts of other things
    "3条逾期记录",
    "48小时内",
    "5个工作日",
    # --- vague sums and cut-off numbers
    "七百多",
    "8k多",
    "一万左右",
    "四五千",
    "大概三千块",
    "每月还款 ¥ 1,0",
]

COUNT_ROWS = [
    # --- 分N期 with Arabic or Chinese numerals
    ("分24期", 24),
    ("分贰拾肆期", 24),
    ("分 12 期偿还", 12),
    ("分十期", 10),
    ("分伍拾期", 50),
    ("分陸期", 6),
    # --- N期, 共N期, 期数 N, 分N个月
    ("24期", 24),
    ("共12期", 12),
    ("分期期数：12期", 12),
    ("期数 6", 6),
    ("（36期）", 36),
    ("分12个月", 12),
    ("延期60期还款", 60),
]

NOT_COUNT_ROWS = [
    # --- ranks, spans and "任一期 / 连续两期" are not the plan's count
    "第3期",
    "第1至47期每期1,020.83元",
    "任一期逾期超过30日",
    "如連續兩期未還",
    "逾期3期以上",
    "分期还款",
    "分五年",
]


@pytest.mark.parametrize("text,expected", MONEY_ROWS, ids=[r[0] for r in MONEY_ROWS])
def test_agreement_numbers_money(text: str, expected: float) -> None:
    assert parse_money(text) == pytest.approx(expected, abs=0.001)


@pytest.mark.parametrize("text", NOT_MONEY_ROWS, ids=NOT_MONEY_ROWS)
def test_agreement_numbers_not_money(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize("text,expected", COUNT_ROWS, ids=[r[0] for r in COUNT_ROWS])
def test_agreement_numbers_count(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", NOT_COUNT_ROWS, ids=NOT_COUNT_ROWS)
def test_agreement_numbers_not_count(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize("text", ["应还：２０，０００．００元", "結清金額人民幣壹拾壹萬元整（¥110,000.00）", "应 还 8 , 2 0 0 元"])
def test_agreement_numbers_spans_index_the_original(text: str) -> None:
    for m in find_money(text):
        assert text[m.start:m.end] == m.text
        assert m.text.strip()
