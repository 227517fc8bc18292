# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``credit_repair`` (high), added in 0.1.0.

Catches: offers to delete, wash, repair or hide overdue records on the credit
report, or to guarantee that nothing is reported.

Hit: 专业征信修复团队，逾期记录三天内删除 → evidence ``征信修复``.
Near miss: 人民银行提醒：征信领域不存在“付费修复”，收费洗白征信的都是骗局。
"""

from __future__ import annotations

from .base import Pat, Rule, gap

CREDIT_REPAIR = Rule(
    id="credit_repair",
    patterns=(
        Pat("repair_record",
            f"(?:征信|信用记录|逾期记录|不良记录|黑名单|信用报告|信用){gap(4)}"
            "(?:修复|洗白|消除|删除|清除|抹掉|下架|撤销|改成正常|变干净|处理掉|消掉|清零)"),
    ),
    explanation="声称可以删除、修复或“洗白”征信上的逾期记录。征信记录只能由报送机构依法更正，任何人都不能收费删除真实的逾期记录。",
    advice="不要为“征信修复”付费；如记录确有错误，可向征信中心或报送机构免费提出异议。",
)
