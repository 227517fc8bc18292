# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``impersonation`` and ``off_platform_contact`` (medium), added in 0.1.0.

impersonation — claims to be the platform, its customer service, police, court
or regulator while asking for something off the official channel.
Hit: 我是支付宝官方协商专员，加我微信 → evidence ``我是支付宝官方协商专员``.
Near miss: 我刚打了95188，客服说协商结果会在App里推送。

off_platform_contact — moves the talk off official channels: add WeChat/QQ,
download an app, join a meeting or group, call a non-official number.
Hit: 这里说话不方便，加我微信 → evidence ``加我微信``.
Near miss: 周六聚餐的地址我发你微信了。
"""

from __future__ import annotations

from .base import Pat, Rule, gap
from .lexicon import DEBT

IMPERSONATION = Rule(
    id="impersonation",
    patterns=(
        Pat("identity_claim",
            f"(?:我是|这里是|本人是|我们是){gap(3)}(?:支付宝|花呗|借呗|蚂蚁|网商银行|官方|客服|征信中心|人民银行|公安|法院){gap(8)}"
            "(?:专员|客服|工作人员|中心|部|民警|书记员|律所)"),
    ),
    context=("加我|微信|qq|转|验证码|链接|下载|会议|账户|卡",),
    context_window=0,
    explanation="自称平台、官方客服、警察、法院或监管人员，同时要求你在官方渠道之外操作。真正的官方人员不会让你加私人联系方式、转账或提供验证码。",
    advice="挂断或停止回复，自己拨打官方电话（如支付宝95188）核实对方身份。",
)

OFF_PLATFORM_CONTACT = Rule(
    id="off_platform_contact",
    patterns=(
        Pat("add_me", f"(?:加|添加|扫码加|搜)(?:一下)?(?:我|专员|老师|客服)?的?(?:微信|qq|telegram|企业微信)", direct=True),
    ),
    context=(DEBT,),
    context_window=0,
    explanation="把沟通从官方渠道转到私人微信、QQ、会议软件或非官方电话。离开官方渠道后，对方说的减免和收款都无法核实。",
    advice="只在官方App内或官方客服电话沟通，不添加对方的私人联系方式，不下载对方提供的软件。",
)
