"""Shared regex fragments for the rule modules (folded, simplified text)."""

from __future__ import annotations

from .base import alt, gap

# Who receives the money or the contact: anyone but the official channel.
PAYEE = alt("我", "我们", "本人", "个人", "私人", "专员", "老师", "经理", "主管", "律师", "法务", "这个", "这张",
            "下面", "下方", "以下", "如下", "指定", "他", "她")
# Where money lands.
ACCOUNT = alt("卡上", "卡里", "卡", "卡号", "银行卡", "账户", "账号", "户头", "微信", "支付宝", "钱包", "零钱",
              "收款码", "二维码", "v上")
TRANSFER = alt("转账", "转", "打款", "打", "汇款", "汇", "付款", "付", "还", "存", "充", "交")
# Debt talk around a hit.
DEBT = alt("欠款", "欠", "逾期", "还款", "还钱", "账单", "减免", "罚息", "利息", "本金", "结清", "销账", "撤销",
           "花呗", "借呗", "网贷", "借款", "贷款", "协商", "分期", "催收", "额度", "平账", "核销", "诚意金", "处理",
           "信用卡", "征信", "上岸", "停息", "挂账", "债")
OFFICIAL_APP = alt("支付宝", "网商银行", "手机银行", "掌上生活", "买单吧", "工银e生活", "app", "官方")
GAP = gap
