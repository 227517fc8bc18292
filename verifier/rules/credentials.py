# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``credential_request`` (high), added in 0.1.0.

Catches: requests for verification codes, passwords, full card numbers, ID
photos or face videos, or screen sharing and remote control.

Hit: 你手机刚收到的验证码报给我 → evidence ``验证码报给我``.
Near miss: 【支付宝】验证码582301，切勿告诉任何人，客服不会向您索要。
"""

from __future__ import annotations

from .base import Pat, Rule, gap

CREDENTIAL_REQUEST = Rule(
    id="credential_request",
    patterns=(
        Pat("code_to_me",
            f"(?:验证码|动态码|校验码|短信码|那串数字|密码){gap(6)}(?:发|报|念|告诉|截图|提供|给)(?:一下)?(?:给)?(?:我|过来|一下)",
            direct=True),
        Pat("screen_share", "(?:屏幕共享|共享屏幕|远程协助|远程控制|远程操作)", direct=True),
    ),
    explanation="索要验证码、密码、银行卡信息、身份证照片或要求共享屏幕。拿到这些信息就能直接转走你的钱，正规平台从不索要。",
    advice="验证码、密码、卡号和屏幕共享绝不给任何人；立即停止对话，拨打官方客服核实。",
)
