"""Status, plan type, payee, the seven checks and the verdict of ``verifier.agreement.judge``."""

from __future__ import annotations

import pytest

from verifier.agreement import check_agreement, judge

OK_PLAN = (
    "【南湖金融】您的二次分期方案已生效：截至2026年5月1日欠款总额12,000.00元，其中本金10,000.00元、利息1,500.00元、"
    "罚息500.00元；同意减免罚息500.00元，应还11,500.00元，分23期，每期500.00元，首期还款日2026年6月1日，"
    "末期还款日2028年4月1日，每月1日由南湖金融App自动扣款。全部还清后出具结清证明。"
)


def _check(text: str, check_id: str):
    return {c.id: c for c in check_agreement(text).checks}[check_id]


# ------------------------------------------------------------------ amounts_consistent
def test_agreement_judge_amounts_consistent_passes_with_the_sums_in_detail() -> None:
    c = _check(OK_PLAN, "amounts_consistent")
    assert c.passed
    assert "12,000.00" in c.detail and "11,500.00" in c.detail and "23期" in c.detail


@pytest.mark.parametrize("values,needle", [
    ({"total_debt": 12000.0, "principal": 10000.0, "interest": 1500.0, "penalty": 600.0}, "12,100.00 ≠ 欠款总额 12,000.00"),
    ({"total_debt": 16830.0, "waived": 3830.0, "payable": 12500.0}, "= 13,000.00 ≠ 应还 12,500.00"),
    ({"payable": 11000.0, "installment_count": 24, "installment_amount": 500.0},
     "24期 × 500.00 = 12,000.00 ≠ 应还 11,000.00"),
], ids=["breakdown", "waiver", "instalments"])
def test_agreement_judge_amounts_consistent_fails_with_the_numbers_in_detail(values: dict, needle: str) -> None:
    full = {k: None for k in ("total_debt", "principal", "interest", "penalty", "fees", "waived", "payable",
                              "installment_count", "installment_amount")} | values
    c = judge.amounts_check(full, {})
    assert not c.passed
    assert needle in c.detail


def test_agreement_judge_amounts_consistent_allows_a_rounded_last_instalment() -> None:
    values = {"total_debt": None, "principal": None, "interest": None, "penalty": None, "fees": None, "waived": None,
              "payable": 14000.0, "installment_count": 6, "installment_amount": 2333.33}
    c = judge.amounts_check(values, {})
    assert c.passed and "6期 × 2,333.33 = 13,999.98" in c.detail


def test_agreement_judge_amounts_consistent_fails_on_a_role_stated_twice() -> None:
    c = judge.amounts_check({"total_debt": 10000.0, "payable": None, "installment_count": None,
                             "installment_amount": None}, {"total_debt": [12000.0]})
    assert not c.passed and "10,000.00" in c.detail and "12,000.00" in c.detail


# ------------------------------------------------------------------ payee_official
@pytest.mark.parametrize("text", [
    OK_PLAN,
    "请于2026年4月8日前一次性存入本卡账户¥6,000.00。",
    "還款請透過澄川金融App「還款」頁面操作。",
    "款项汇入甲方对公账户（户名：北溪网络小额贷款有限公司）。",
    "甲方不授权任何个人代收款项，乙方通过App还款页面还款。",
    "请于2026年10月10日前存入您的信用卡账户。",
    "Payment: auto-debit from your card account.",
], ids=["auto-debit", "card", "traditional-app-page", "corporate", "negated-warning", "your-card", "english"])
def test_agreement_judge_payee_official_passes(text: str) -> None:
    c = _check(text, "payee_official")
    assert c.passed and c.detail.startswith("收款方：")


@pytest.mark.parametrize("text,detail", [
    ("应还8,000元，请于3日内汇入李某某个人账户6222 ****。", "个人账户"),
    ("请转到我们财务的账户：6222 **** 1034　户名 陈某某", "户名 陈某某"),
    ("你轉到我微信，我幫你存進去。", "轉到我"),
    ("请扫描下方二维码支付￥4,000.00完成结清。", "二维码"),
    ("请于今日内将剩余借款转入资金监管账户进行冲正。", "监管账户"),
    ("请通过 hb-jianmian.vip 完成还款。", "hb-jianmian.vip"),
], ids=["personal-account", "named-person", "wechat-traditional", "qr", "supervision", "fake-site"])
def test_agreement_judge_payee_official_fails_on_a_private_payee(text: str, detail: str) -> None:
    r = check_agreement(text)
    c = {c.id: c for c in r.checks}["payee_official"]
    assert r.payee.kind == "personal" and not c.passed
    assert detail in c.detail


@pytest.mark.parametrize("text", [
    "您的申请正在审核中，结果将通过支付宝消息通知。请勿将钱款转入任何个人账户。",
    "结清金额3,120.00元。感谢您的信任。",
], ids=["warning-only", "silent"])
def test_agreement_judge_payee_unknown_when_not_said(text: str) -> None:
    r = check_agreement(text)
    assert r.payee.kind == "unknown"
    assert {c.id: c for c in r.checks}["payee_official"].detail == "未写明收款方"


# ------------------------------------------------------------------ has_deadline
def test_agreement_judge_has_deadline_passes_with_the_date() -> None:
    c = _check(OK_PLAN, "has_deadline")
    assert c.passed and "2028-04-01" in c.detail


# ------------------------------------------------------------------ the other checks, pass or fail
CHECK_ROWS = [
    ("has_deadline", "您的只还本金方案已审批通过：应还5,500元，请尽快在App还款页一次性还清。", False, "asap"),
    ("has_deadline", "首期4月28日，末期11月28日，每月28日在App还款。", False, "no-year"),
    ("has_written_confirmation", OK_PLAN, True, "creditor-sms"),
    ("has_written_confirmation", "催收员电话里跟我说的：可以分12期，每个月还一千二，不用签什么东西。", False, "phone"),
    ("has_written_confirmation", "还款确认函\n经我司与贵方协商，我司同意减免利息，贵方需于2026年4月15日前将本金叁万元整汇入"
     "我司账户。\n瑞丰债务管理有限公司", False, "agency-letter"),
    ("has_settlement_clause", OK_PLAN, True, "certificate"),
    ("has_settlement_clause", "还清后账户状态将更新为结清。", True, "status"),
    ("has_settlement_clause", "還清後賬單顯示「已結清」。", True, "traditional"),
    ("has_settlement_clause", "Upon full repayment, a settlement certificate can be requested.", True, "english"),
    ("has_settlement_clause", "【宁岚银行】欠款总额¥7,420.35，减免¥1,420.35，请于2026年4月8日前一次性存入本卡¥6,000.00。",
     False, "silent"),
    ("has_settlement_clause", "你这个一次性结清的方案我帮你申请，这笔就算了结。", False, "lump-wording-only"),
    ("no_credit_record_promise", OK_PLAN + "甲方将按实际还款情况向征信系统如实报送。", True, "neutral-reporting"),
    ("no_credit_record_promise", "任何声称可以删除逾期记录的都是骗子，请勿相信。", True, "warning"),
    ("no_third_party_fee", "剩余本金9,600元，分期手续费480元，合计应还10,080元，分12期，每期840元，请通过App还款。", True,
     "creditor-fee"),
    ("no_third_party_fee", "办理个性化分期不收取任何中介费用，请通过本行官方渠道办理。", True, "negated"),
]


@pytest.mark.parametrize("check_id,text,passed", [pytest.param(*r[:3], id=f"{r[0]}-{r[3]}") for r in CHECK_ROWS])
def test_agreement_judge_check(check_id: str, text: str, passed: bool) -> None:
    assert _check(text, check_id).passed is passed


# A broken promise about the credit record or a fee to a third party makes the verdict risky by itself.
RISKY_ROWS = [
    ("no_credit_record_promise", "本协议履行完毕后，乙方历史逾期记录将被删除。", "deleted"),
    ("no_credit_record_promise", "結清後我司將為您消除本次逾期記錄，不影響徵信。", "traditional"),
    ("no_credit_record_promise", "征 信 可 修 复，先协商后收费。", "spaced-ad"),
    ("no_third_party_fee", "乙方另向丙方（XX法务咨询）支付服务费600元。", "third-party"),
    ("no_third_party_fee", "延期可以，先转两千手续费到我工行卡。", "to-a-person"),
    ("no_third_party_fee", "停息挂账找我们，前期需支付办理费用8,000元，加我微信详谈。", "agent-ad"),
]


@pytest.mark.parametrize("check_id,text", [pytest.param(*r[:2], id=f"{r[0]}-{r[2]}") for r in RISKY_ROWS])
def test_agreement_judge_check_fails_and_the_verdict_is_risky(check_id: str, text: str) -> None:
    r = check_agreement(text)
    assert not {c.id: c for c in r.checks}[check_id].passed
    assert r.verdict == "risky"


# ------------------------------------------------------------------ status
@pytest.mark.parametrize("text,status", [
    ("结清证明\n兹证明客户张某的借款已全部结清。\n南湖消费金融有限公司", "settled"),
    ("【北辰银行】您尾号1234的贷款已于2026-02-28全部还清，贷款状态：已结清。", "settled"),
    ("Your loan has been settled. Settlement amount: CNY 12,345.60.", "settled"),
    ("您的借款已於2026年1月5日全部還清。", "settled"),
    ("全部还清后账单状态显示“已结清”。您的二次分期方案已生效：应还6,000元，分6期。", "plan_confirmed"),
    ("花呗 · 协商还款\n申请进度：审核中\n申请方案：二次分期　24期", "pending"),
    ("我帮你向平台递交申请，批下来再通知你，先别转钱。只还本金就行。", "pending"),
    ("客服电话里说可以把这期往后推一个月，没发短信。", "verbal_only"),
    ("【微信】\n李专员：你欠了两万三，只还一万五就结清。", "verbal_only"),
    ("【花呗】您的花呗已逾期45天，当前可申请协商还款，具体方案请在App查看。", "unknown"),
    ("律师函（和解方案）\n本所受平台委托，你于2026年4月3日前支付和解款15,000元即视为结清。\n某某律师事务所", "unknown"),
], ids=["certificate", "sms-settled", "english-settled", "traditional-settled", "conditional-is-not-settled",
        "under-review",
        "will-apply", "phone", "chat", "invitation", "law-firm"])
def test_agreement_judge_status(text: str, status: str) -> None:
    assert check_agreement(text).status == status


# ------------------------------------------------------------------ plan type
@pytest.mark.parametrize("text,plan", [
    ("欠款总额12,480元，减免2,480元，须于2026年4月15日前一次性还款10,000元。", "lump_sum"),
    ("你欠的26,000只还13,000，这个月还清就行。", "lump_sum"),
    ("方案类型：只还本金（免除剩余利息及罚息）", "principal_only"),
    ("本金8,600元，利息920元，合计9,520元；减免利息920元，应还8,600元，分4期还清。", "principal_only"),
    ("您的二次分期已生效：应还3万5千元，分14期，每期2,500元。", "installment"),
    ("您的延期还款申请已办理成功，延期至2026年9月10日一次性归还。", "deferral"),
    ("停 息 挂 账 ✅ 只 还 本 金 ✅ 上岸快", "unknown"),
    ("结清证明\n兹证明该笔借款已结清，结清金额5,000元。", "unknown"),
], ids=["lump", "lump-by-numbers", "principal", "principal-by-numbers", "installment", "deferral", "menu",
        "certificate"])
def test_agreement_judge_plan_type(text: str, plan: str) -> None:
    assert check_agreement(text).plan_type == plan


# ------------------------------------------------------------------ verdict
def test_agreement_judge_verdict_ok() -> None:
    r = check_agreement(OK_PLAN)
    assert (r.status, r.verdict, r.missing) == ("plan_confirmed", "ok", ())


def test_agreement_judge_verdict_incomplete_when_the_amount_is_only_in_the_app() -> None:
    r = check_agreement("【北溪银行】您申请的协商结清已通过，减免后应还金额请以本行App账单为准，请于2026年5月10日前存入本卡账户，"
                        "还清后账户结清。")
    assert r.verdict == "incomplete" and all(c.passed for c in r.checks)
    assert r.missing == ("payable_amount",)


@pytest.mark.parametrize("text", [
    "电话里说好了：欠的一万八先还八千，剩下的一万帮我申请全免。",
    "客服说让我今天先在支付宝里还3000进去，剩下的给我走减免申请。",
    "【花呗】方案已生成，请提供您收到的短信验证码完成激活。",
], ids=["verbal-waiver", "pay-first-apply-rest", "code"])
def test_agreement_judge_verdict_risky_without_a_private_payee(text: str) -> None:
    r = check_agreement(text)
    assert r.payee.kind != "personal" and r.verdict == "risky"


# ------------------------------------------------------------------ a creditor's anti-fraud notice
def test_agreement_judge_quoted_warning_is_not_a_risk() -> None:
    r = check_agreement("【青禾消费金融】温馨提示：近期有不法分子冒充我司工作人员，以“征信修复”“债务优化”为名收取服务费，"
                        "请勿轻信。请勿向任何人泄露短信验证码。" + OK_PLAN)
    assert (r.status, r.verdict) == ("plan_confirmed", "ok")


def test_agreement_judge_decoy_warning_still_risky() -> None:
    r = check_agreement("谨防假冒！请直接转到我卡上6222 1234 5678 9999，户名张某，先交500元服务费。")
    assert r.payee.kind == "personal" and r.verdict == "risky"
    assert not {c.id: c for c in r.checks}["no_third_party_fee"].passed


@pytest.mark.parametrize("text,kind,verdict", [
    ("今天不转到我卡上6222 **** 1234，明天就去你单位。", "personal", "risky"),
    ("办理延期不收取任何费用，也不会要求您向个人账户转账。【网商银行】您的延期申请已通过，延期至2026年10月1日，"
     "应还9,000元，请在网商银行App还款，还清后借据结清。", "official", "ok"),
    ("请在App还款。或者你直接把钱转给我们的小王也行，他帮你处理。", "personal", "risky"),
], ids=["threat-with-bu", "creditor-negations", "second-channel"])
def test_agreement_judge_negation_scope(text: str, kind: str, verdict: str) -> None:
    r = check_agreement(text)
    assert (r.payee.kind, r.verdict) == (kind, verdict)
