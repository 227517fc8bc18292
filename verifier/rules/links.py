# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``suspicious_link`` (medium), added in 0.1.0.

Catches: a link that is not on an official domain of the platform named
(lookalikes, short links, raw IPs, APK files, risky top-level domains).

Hit: 请点击 http://alipay-kefu95188.com/yanqi 在线办理 → evidence the URL.
Near miss: 或访问 https://www.alipay.com 。
"""

from __future__ import annotations

from .base import Pat, Rule

SUSPICIOUS_LINK = Rule(
    id="suspicious_link",
    patterns=(
        Pat("url", r"(?:https?://|www\.)[a-z0-9.\-]+(?:/[\w\-./?=&%#]*)?", view="plain", direct=True),
    ),
    explanation="消息里的链接不是平台的官方网址（仿冒域名、短链接、IP地址或安装包）。点开可能是钓鱼页面，骗取账号密码或诱导转账。",
    advice="不要点击链接；直接打开官方App或手动输入官方网址办理。",
)
