"""Which amount plays which role: the families of wording of ``verifier.agreement.amounts``."""

from __future__ import annotations

import pytest

from verifier.agreement.amounts import find_amounts

ROLE_ROWS = [
    # --- a role word in front, simplified and traditional
    ("截至2026年1月1日，欠款总额9,500元，其中本金8,000元、利息1,000元、罚息500元。",
     {"total_debt": 9500.0, "principal": 8000.0, "interest": 1000.0, "penalty": 500.0}),
    ("欠款總額12,480元，減免2,480元，須於2026/04/15前還款10,000元。",
     {"total_debt": 12480.0, "waived": 2480.0, "payable": 10000.0}),
    ("分期手續費：共計人民幣壹萬零捌佰元整。", {"fees": 10800.0}),
    ("Outstanding balance 欠款总额：RMB 45,600.00\nAmount payable 应还金额：RMB 44,000.00",
     {"total_debt": 45600.0, "payable": 44000.0}),
    # --- 应还本金X / 仅需偿还本金X: principal and payable at once
    ("请于月底前应还本金6,500元。", {"principal": 6500.0, "payable": 6500.0}),
    ("乙方仅需偿还本金人民币叁万元整。", {"principal": 30000.0, "payable": 30000.0}),
    ("乙方僅需歸還本金壹萬元整。", {"principal": 10000.0, "payable": 10000.0}),
    ("你本金是9800，只还本金就是9800。", {"principal": 9800.0, "payable": 9800.0}),
    ("贵方需于2026年5月1日前将本金贰万元整汇入对公账户。", {"principal": 20000.0, "payable": 20000.0}),
    ("本次结清借款本金8,400元。", {"principal": 8400.0}),
    # --- 应还总额: the total as of a date or before a waiver, else the payable
    ("截至2026年4月1日应还总额：RMB 7,200.00", {"total_debt": 7200.0}),
    ("应还总额¥6,000.00，减免¥1,000.00，实际应还¥5,000.00",
     {"total_debt": 6000.0, "waived": 1000.0, "payable": 5000.0}),
    ("延期后到期应还总额人民币8,960.00元。", {"payable": 8960.0}),
    ("届时应还本息合计一万零三百元。", {"payable": 10300.0}),
    # --- waivers keep what they waive; 合计减免 restates the parts
    ("甲方同意减免罚息及违约金共计1,200.00元。", {"waived": 1200.0}),
    ("甲方同意免除全部利息及罚息，计人民币肆仟元整。", {"waived": 4000.0}),
    ("减免全部罚息800元及部分利息300元，合计减免1,100元。减免后应还9,000元。",
     {"waived": 1100.0, "payable": 9000.0}),
    ("其余利息及罚息共计人民币1,500.00元予以免除。", {"waived": 1500.0}),
    ("剩下的两千三不用还了。", {"waived": 2300.0}),
    ("你那两万的卡债给你分10期，每期一千六，省了四千。",
     {"total_debt": 20000.0, "waived": 4000.0, "installment_count": 10, "installment_amount": 1600.0}),
    # --- instalments
    ("每期應還1,180.00元（含本金1,000.00元、手續費180.00元）。", {"installment_amount": 1180.0}),
    ("分6期，每期¥2,333.33（末期¥2,333.35）", {"installment_count": 6, "installment_amount": 2333.33}),
    ("每个月还一千二，分12期。", {"installment_amount": 1200.0, "installment_count": 12}),
    ("分10期每期一千六。\n我：那总共是一万六？", {"installment_count": 10, "installment_amount": 1600.0,
                                        "payable": 16000.0}),
    # --- payment verbs mark the payable; a noun after them wins
    ("请于2026年4月8日前一次性存入本卡¥6,000.00。", {"payable": 6000.0}),
    ("被申请人一次性向申请人支付31,200元。", {"payable": 31200.0}),
    ("乙方另向丙方支付协商服务费人民币2,760元。", {"fees": 2760.0}),
    ("先转两千手续费到我工行卡。", {"fees": 2000.0}),
    ("先交1980的服务费。", {"fees": 1980.0}),
    ("在App上把4500一次性还完。", {"payable": 4500.0}),
    # --- a part paid first: the payable only when the rest is waived outright
    ("借呗欠的一万八先还八千，剩下的一万帮我申请全免。", {"total_debt": 18000.0, "payable": 8000.0, "waived": 10000.0}),
    ("一共12,300，你先还3000进去，剩下的再走减免申请。", {"total_debt": 12300.0}),
    ("须先支付首期保证还款金4,500元，其余款项到期后还清。", {}),
    # --- sums across roles and vague sums are nobody's
    ("请将应还款及服务费合计¥35,960转入账户。", {}),
    ("你那笔还剩8k多，每个月七百多，欠了一万左右。", {}),
    ("服务费是总额的8%，2560。", {"fees": 2560.0}),
    # --- an unmarked number needs its role word right in front
    ("你的欠款14,560，尾号3308，工号AH****17。", {"total_debt": 14560.0}),
    ("App里还显示逾期2,300.00。", {"total_debt": 2300.0}),
    ("加起来四万六，分五年。", {"total_debt": 46000.0}),
    # --- reduced to: the payable, not the waiver
    ("您的债务总额为65,000元，经协商可减免至40,000元。", {"total_debt": 65000.0, "payable": 40000.0}),
    ("最低给你打八折，一万六，这周五前到App里还掉。", {"payable": 16000.0}),
    # --- a breakdown of one instalment is not the plan's principal or fee
    ("分期本金50000元，期数24期，每期本金2083.33元，每期手续费150元。", {"principal": 50000.0, "installment_count": 24}),
    # --- two fee items are two fees, not a contradiction
    ("服务费用：人民币陆仟元整，签约时付3,000元定金。", {"fees": 6000.0}),
]


@pytest.mark.parametrize("text,expected", ROLE_ROWS, ids=[r[0][:22] for r in ROLE_ROWS])
def test_agreement_roles(text: str, expected: dict) -> None:
    a = find_amounts(text)
    got = {k: v for k, v in a.values.items() if v is not None}
    assert got == pytest.approx(expected, abs=0.005)
    assert not a.conflicts


def test_agreement_roles_conflict_is_kept() -> None:
    a = find_amounts("欠款总额10,000元。……本协议所称欠款总额为12,000元。")
    assert a.values["total_debt"] == 10000.0
    assert a.conflicts == {"total_debt": [12000.0]}


def test_agreement_roles_spans_index_the_original() -> None:
    text = "應還金額：２０，０００．００元，每期應還１，０００元"
    a = find_amounts(text)
    s, e = a.spans["payable"]
    assert text[s:e] == "２０，０００．００元"
