# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``personal_account_transfer`` (high), added in 0.1.0.

Catches: paying or transferring to a private person's card, account, WeChat or
Alipay, a QR code, or a "safe/supervised/designated" account instead of the
official repayment page.

Hit: 这笔欠款别在App里还了，直接转到我建行卡上 → evidence ``转到我建行卡上``.
Near miss: 【花呗】还款请在支付宝App花呗页面操作，请勿向任何个人账户转账 (negated).
"""

from __future__ import annotations

from .base import Pat, Rule
from .lexicon import ACCOUNT, DEBT, GAP, PAYEE, TRANSFER

PERSONAL_ACCOUNT_TRANSFER = Rule(
    id="personal_account_transfer",
    patterns=(
        Pat("to_private_account",
            f"{TRANSFER}(?:钱|款)?(?:到|给|进|入|至)?{GAP(3)}{PAYEE}(?:的)?{GAP(5)}{ACCOUNT}上?", direct=True),
        Pat("safe_account",
            "(?:安全|监管|指定|对公过渡|过渡|冲正|清查|核查|备付|专用|专案|资金核查)(?:账户|账号)", direct=True),
        Pat("scan_qr_to_pay", f"(?:扫|识别|长按){GAP(4)}(?:收款码|二维码|付款码)", direct=True),
    ),
    context=(DEBT,),
    context_window=0,
    explanation="要求把钱转到个人账户、个人微信/支付宝、收款码或所谓“安全账户”，而不是官方还款页面。正规平台只通过自己的App还款页面收款。",
    advice="不要向任何个人账户或二维码付款；只在支付宝App或债权机构官方App的还款页面还款。",
)
