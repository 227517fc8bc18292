"""``threat_or_harassment`` (high) and ``false_legal_threat`` (medium), added in 0.1.0.

threat_or_harassment — threats of violence, insults, contacting family,
employer or contacts (爆通讯录), visits to home or work used as threats,
public shaming (rule_catalog.md §6). Families: contact list (爆你通讯录,
通讯录里的人挨个打, 你爸妈的电话我有), employer (找你们领导, 给你单位领导打电话),
visits as threats (去你单位, 堵你, 看你往哪躲), shaming (曝光你, P图, 做成海报发到村群,
让你全家都知道), violence (打断你的腿, 出门小心, 🔪), "we know where you live"
(你家住哪我们清清楚楚), children (你儿子在哪个小学), insults (你这个老赖, sb/傻逼),
call bombing (呼死你, 每小时打一遍), group infiltration (你孩子学校的家长群我进了), letters
sent to the family or employer, "see you at work" (不然单位见). Everything but the
contact-list family needs debt or threat talk in the message; a visit claimed by
the police or a court is ``false_legal_threat`` unless it is staged as shaming.
Hit: 今天不还就爆你通讯录 → evidence ``爆你通讯录``.
Near miss: 警方提醒：催收人员群发通讯录属违法行为; 快递员说明天下午三点上门取件;
我行拟安排两名工作人员外访核实，如不便请致电95588改约 (a lawful visit notice).

false_legal_threat — imminent arrest or criminal framing, "transferred to
the police", immediate enforcement with a deadline, fake blacklists,
consequences for children and travel, fake courts, arbitration, mediation,
lawyer letters and case numbers used as pressure (§7).
Hit: 经侦已经立案，24小时内上门抓人 → evidence ``经侦已经立案``.
Near miss: 【花呗】如仍未处理，我司可能依法通过诉讼主张权利; a genuine court SMS
that says 可拨打12368查询; 普法 texts about 拒不执行判决.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import cached_property, lru_cache

from .base import (
    Doc, Pat, Rule, Suppressor, described_as_scam, doubt_question, hypothetical, narrated, negated, quoted_example,
    reported_frame, story_frame,
)


def cg(n: int) -> str:
    """A gap of up to ``n`` characters inside one clause (folded text)."""
    return f"[^,;:。、!?\\n]{{0,{n}}}"


# ------------------------------------------------------ threat_or_harassment
_FAMILY = ("(?:通讯录(?:好友|联系人)?|t ?x ?l|联系人|紧急联系人|亲友|亲戚朋友|亲戚|朋友(?!圈)|家人|家里人|全家|父母|爸妈|你爸|你妈"
           "|老婆|老公|配偶|同学|同事|邻居|领导|老板|爸爸|妈妈|老爸|老妈|爸|妈|媳妇|岳父|岳母|公公|婆婆|舅舅|姑姑|表哥|表姐"
           "|女朋友|男朋友|对象|朋友圈(?:里)?的?(?:人|好友)?|好友|(?<![a-z])contacts?(?: list)?(?![a-z]))")
_WORK = "领导|单位|公司|老板|人事|hr|前台|上司|主管|财务|同事|学校|辅导员|班主任|老师|(?<![a-z])boss(?![a-z])"
_SHAME_PLACE = ("(?:村群|村里|全村|村口|小区|业主群|家族群|公司群|单位群|工作群|同学群|亲友群|朋友圈|网上|抖音|快手|微博"
                "|贴吧|楼道|电线杆|单位门口|公司门口|家门口|(?:你们?|你家)?(?:村|小区|公司|单位|家族|老家|学校)的?(?:微信)?群)")
_SHAME_AUDIENCE = ("全村|全家|全公司|全单位|全小区|全网|所有人|全世界|亲戚朋友|街坊邻居|身边的?人|周围的?人|家人|家里人"
                   "|亲戚|朋友|同事|领导|邻居|爸妈|父母|老婆|老公|孩子")
_KIN = "孩子|儿子|女儿|小孩|闺女|老婆|老公|父母|爸妈|爸爸|妈妈|老爸|老妈|妈|爸|家人|家里人"
_ARMS = "[\U0001F52A\U0001F5E1\U0001F4A3\U0001F52B\U0001FA93\u26B0\u2620\U0001F480\U0001FA78]"

THREAT_PATTERNS = (
    # 爆你通讯录 / 群发你亲友 / 打给你爸妈
    Pat("contact_bomb",
        "(?:(?<![刷火引不别])爆|bao ?|打爆|群发|轰炸|挨个(?:打|发|通知|联系|call)?|一个一?个(?:打|发|通知))"
        f"(?:你的?|你家的?|你们的?)?(?:所有的?|全部的?)?{_FAMILY}"),
    Pat("contact_list",
        "(?:打给|打电话给|打到|通知|发给|发到|告诉|联系|call|推送至|推送给|推送到|同步通知|同步给|同步至|发送至|发送给|群发给)(?:了)?"
        f"(?:你的?|你家的?|你们的?|您的?)(?:所有的?|全部的?|[\\d一二两三四五六七八九十几]个)?{_FAMILY}"
        f"|打(?:你|您)(?:的)?(?:所有的?|全部的?)?{_FAMILY}"
        # 通知你全部联系人 / 给你三个紧急联系人都发了短信
        f"|(?:通知|联系|打给|推送至)(?:你|您)?(?:的)?(?:所有|全部)的?{_FAMILY}"
        f"|给(?:你|您)(?:的)?(?:[\\d一二两三四五六七八九十几]个)?{_FAMILY}(?:都|全)?(?:打了|发了|打过|发过)"
        # 不然她以后也会接到我们的电话
        "|(?:会|要|将)接到我们的?电话"),
    # 你大学同学群我已经进去了 / 你孩子学校的家长群我进了
    Pat("group_infiltrate",
        f"你们?(?:的)?{cg(8)}群(?:我|我们)?(?:已经|都|早就)?(?:申请)?(?:进去了|进了|加进去了|混进去了|加了)"),
    # 你朋友欠钱不还，转告他 / 您儿子在我们平台借了钱: a message to the debtor's contacts
    Pat("third_party_told",
        f"(?:你|您)(?:的)?(?:{_FAMILY}|儿子|女儿|孩子|弟弟|哥哥|姐姐|妹妹){cg(8)}"
        "(?:欠钱不还|欠款不还|欠债不还|借了?钱不还|逾期不还|欠了我们|在我们(?:平台|这里|这)借)"),
    # 你通讯录里的人我一个一个打过去 / 通讯录我已经导出来了
    Pat("contact_list_held",
        f"(?:通讯录|t ?x ?l|联系人|(?<![a-z])contact list|(?<![a-z])contacts(?![a-z]))(?:名单)?(?:里的?|上的?)?(?:人|朋友|电话)?{cg(8)}"
        "(?:一个一?个(?:打|发|通知|联系)|挨个(?:打|发|通知|联系|call|hu|呼)?|逐个(?:打|通知)|导出来?|全部?拿到|在我们?手上"
        "|我们?都有|全在我们?这|在我(?:们)?(?:桌上|手里|手上|这里)|(?:我们?)?(?:明天)?开始(?:群发|打|发|call)|(?:我们?)?(?:已经|早就)拿到了|(?:我们?)?有备份|(?:我们?)?备份了|(?:我|我们)?(?:也)?(?:先|暂时)不动"
        "|(?:我们?)?(?:会|将)(?:每天|天天|挨个|逐个)(?:联系|打|通知|call))"),
    # 你爸妈的电话我有 / 你领导的号码我们已经拿到了
    Pat("kin_number_held",
        f"你们?(?:的)?(?:公司|单位)?(?:的)?(?:{_KIN}|{_WORK}|公司前台)部?的?(?:电话|号码|手机号?|联系方式|微信|座机){cg(6)}"
        "(?:我们?|都)(?:都|早就|早|已经)?(?:有|拿到|掌握|知道|查到|存好了?|存了|记下了?)"),
    # 你手机里备注“爸”“妈”的号码我都存好了
    Pat("kin_saved",
        f"备注(?:的)?[^。!?\\n]{{0,12}}(?:号码|电话){cg(8)}(?:存好|存了|记下|备份|拿到|都有)"),
    # 找你们领导 / 给你单位领导打电话
    Pat("employer",
        "(?:打给|打到|打电话给|打电话到|通知|联系|去找|找|告诉|发给|发到|call)"
        f"(?:你的?|你们的?)(?:单位|公司|学校)?的?(?:{_WORK})"),
    Pat("employer_call", f"给你们?的?(?:单位|公司|学校|老家|家里)?的?(?:{_WORK}|老家|家里|{_KIN})(?:打|发|寄|通报)"),
    # 律师函一份到村委会一份到你单位 / 催款函寄到你老家
    Pat("letter_to_kin",
        f"(?:律师函|催款函|催收函|告知函)(?:已经|已)?{cg(6)}(?:寄|发|送)(?:到|往|给|至)?(?:你的?|你们的?)?"
        "(?:老家|单位|公司|村委会|居委会|家里|父母|爸妈)"),
    # 去你单位 / 上门 / 堵你 / 看你往哪躲
    Pat("visit",
        "(?:去|(?<![寄送发邮传转])到|上|来|跑到|杀到|找到|找去)你们?(?:的)?(?:孩子的?学校|家门口|父母家|爸妈家|家里|老家|单位|公司|学校|宿舍"
        "|小区|楼下|门口|工地|厂里|家|村|office)|找上门"),
    Pat("visit_door", "(?<![不未])上门(?:催收|抓人?|找你|堵你|要账|讨债|拜访|处理)?|家访"),
    Pat("stalk",
        "(?:蹲|堵)(?:在)?你(?:家|单位|公司|门口|楼下)?|(?:跟踪|盯着|盯上)你|看你(?:往哪|还能|能)(?:儿)?(?:躲|跑|藏)"
        f"|(?:在|去)你(?:家|的)?(?:楼下|门口|公司楼下|单位门口|公司门口){cg(4)}等你|(?:就|一直|天天)在你(?:身后|后面|楼下)"),
    # 曝光你 / 做成海报 / 发到村群 / 让你全家都知道
    Pat("shame_expose",
        "曝光(?:你|你的)|(?:把|将)你(?:的)?(?:照片|欠款|欠债|丑事|信息)?(?:都)?(?:曝光|公开|挂出来|挂到网上)"
        "|全网曝光|曝光(?:帖|贴|程序)|(?:拉|挂|打)横幅"),
    Pat("shame_post",
        "(?:(?:贴|发|挂|传|印)(?:到|在|上|遍|进|满)|(?:贴|挂)(?=你)|(?:曝光|公布|发布|群发|散发|张贴)(?:到|在|上|进)?)"
        f"{cg(6)}{_SHAME_PLACE}"),
    Pat("shame_image",
        f"(?:p图|p成|ps你|合成|做成|印成|打印成|制作成)(?:你的?)?{cg(6)}(?:海报|传单|大字报|通缉令|寻人启事|裸照|遗照|表情包)"
        "|(?:大字报|通缉令|欠款公告|寻人启事)(?:贴|发|挂)|贴(?:上|满)?你的?(?:名字|照片|头像|欠款)"
        # 你的遗照我们做好了 / 照片已经P好了 / 配上通缉令
        f"|(?:遗照|遗像|通缉令|大字报|寻人启事|海报|曝光图){cg(6)}(?:做好|p好|ps好|印好|准备好|弄好)"
        f"|(?:照片|头像|photo|图){cg(4)}(?:p好|ps好|p过|ps过)|(?:p|ps)过的(?:照片|图)|p图已(?:经)?做好"
        "|配上(?:通缉令|失信人员|老赖|欠款)|(?:老赖|催款|欠款|失信|欠债)(?:告示|公告|通告)"
        f"|做成{cg(4)}(?:不雅图|不雅照|裸照)"
        # 我们会在你老家村口贴催款告示
        f"|在{cg(6)}{_SHAME_PLACE}{cg(4)}(?:贴|挂|张贴|拉横幅)"),
    Pat("shame_tell",
        f"(?<!不想)(?<!不会)(?:让|叫)(?:你的?|你们的?)(?:{_SHAME_AUDIENCE})(?:的人)?(?:都|全都|全)?(?:知道|看看|看到|认识你)"
        f"|(?:让|叫)(?:全村|全公司|全单位|全小区|全网|所有人|全世界|街坊邻居){cg(4)}(?:都|全都|全)?(?:知道|看看|看到)"
        "|传遍(?:全村|全网|全公司|你们|整个)"),
    # 全村都会知道的 / 你通讯录全知道 / 你朋友圈每个人都会收到你的欠款截图 / 你家族群里的亲戚明天都会知道
    Pat("shame_audience",
        "(?:全村|全公司|全单位|全小区|全网|你通讯录|你的通讯录|你家人|你爸妈|你同事|你亲戚)(?:的人|里的人)?(?:都|全都|全)(?:会|要|将)?"
        "(?:知道|看到|认识你)|看你(?:的)?笑话"
        f"|(?:朋友圈|通讯录|联系人|亲友|家族群|同事)(?:里)?(?:的)?(?:每个人|所有人|每一个人){cg(6)}(?:都|全)(?:会|将)?(?:收到|知道)"
        f"|(?:群|村里|小区)(?:里)?的?(?:亲戚|人|同事|家长|邻居|老乡){cg(4)}(?:都|全都|全)(?:会|要|将)?(?:知道|看到|收到)"
        # 不想让你爸妈知道的话，就… / 我会挨个加好友告诉他们你欠钱
        f"|不想让你的?(?:{_SHAME_AUDIENCE})(?:都)?知道的话|告诉(?:他们|她们|大家|所有人)你(?:欠|是老赖|借了?钱)"),
    # 打断你的腿 / 出门小心 / 不得好死 / 🔪
    Pat("violence",
        "打断你的?(?:腿|手|狗腿)|小心你的?(?:腿|手|狗命|小命|家人|孩子|脑袋)|出门(?:走路|最好|时|的时候)?(?:小心|注意安全|当心)"
        "|走路(?:小心|当心)|弄死你|弄残你|搞死你|整死你|砍死?你|捅死?你|废了你|卸你|"
        "让你(?:好看|付出代价|生不如死|见血|躺着|后悔一辈子|混不下去|丢工作|丢饭碗|身败名裂|社死|抬不起头)"
        "|不得好死|死全家|全家(?:都)?(?:去)?死|断手断脚|给我等着|走着瞧|等着瞧|有你好看|有你好受"
        "|(?:你|你们|你全家|你家人|你家里人)(?:都|谁都|一个都)?别想(?:好过|安生|安宁|睡好觉|睡个好觉|过好日子|好好过|消停)"
        "|(?:不得安宁|鸡犬不宁)"
        # 再不接电话试试 / 你表姐是下一个 / 下一个是你岳父
        f"|(?:再|在)(?:不|敢){cg(8)}试试|(?:你的?)(?:{_KIN}|表姐|表哥|舅舅|岳父|岳母|同事|领导)是下一个|下一个(?:就)?是你的?"),
    # 明早九点，同事群见 / 不然单位见
    Pat("see_you_at",
        "(?:单位|公司|你家|家里|老家|村里|学校|同事群|同学群|家族群|业主群|朋友圈|法庭)见(?![过到面识])"
        "|(?:不然|否则|要不然)(?:我们)?(?:明天|明早|今晚|下午|晚上|周一)?见"),
    Pat("weapon_emoji", f"{_ARMS}+", view="plain"),
    # 你家住哪我们清清楚楚 / 我知道你儿子在哪个小学
    Pat("we_know",
        f"(?:我们?|我们的人)(?:早就|已经|都)?(?:知道|清楚|查到|摸清|掌握|找到)(?:了)?你(?:的)?(?:家|住|单位|公司|{_KIN})"
        f"(?:在|住)?(?:哪个|哪里|哪儿|什么地方|哪)?"
        f"|你(?:家|的住址|住的地方|单位|公司|{_KIN})(?:住在|住|在)?(?:哪个[^,。!?\\n]{{0,3}}|哪里|哪儿|什么地方|哪|几点)?{cg(6)}"
        "(?:我们?)(?:都|早就|早|已经)?(?:清清楚楚|一清二楚|都知道|知道|门儿清|查到了|摸清了|摸清)"),
    Pat("kin_school", f"你(?:的)?(?:孩子|儿子|女儿|小孩|闺女)(?:在|读|上){cg(8)}(?:学校|小学|中学|初中|高中|幼儿园|大学)"),
    # 你这个老赖 / sb / 傻逼 / 欠钱不还的东西
    Pat("insult_deadbeat",
        "(?:你|你们)(?:就是|是|这个|这种|个|这些|这群|这样的|真是)?(?:个|种|一个)?(?:臭|死)?(?:老赖|lao赖|laolai)"
        "|^\\s*(?:老赖|lao赖)(?=[,!\\s]|还钱|你)"
        "|(?:儿子|女儿|老公|老婆|他|她|你)(?:是个|就是个?|是一个|成了)(?:老赖|lao赖)"),
    Pat("insult",
        "傻\\s?(?:逼|b|比|x|叉)|煞笔|沙比|草泥马|操你妈|狗东西|畜生|畜牲|贱人|人渣|废物|王八蛋|不要脸|死皮赖脸|猪狗不如"
        "|狗娘养|杂种|瘪犊子|龟儿子|狗日的|王八羔子|没脸没皮|活着有什么用|(?<![不要])去死|(?<![a-z])(?:s ?b|shabi|cnm|nmsl)(?![a-z])"
        "|(?:欠钱不还|欠债不还|赖账|不还钱)的(?:东西|玩意|货|狗|人)"),
    # 呼死你 / 每小时打一遍 / 打到你接为止
    Pat("call_bomb",
        "呼死你|短信轰炸|电话轰炸|轰炸你|打爆你的?(?:电话|手机)?|打到你(?:接|还钱|还|崩溃|关机)为止"
        f"|每隔?(?:个|半)?(?:小时|\\d+分钟|几分钟){cg(4)}(?:打|呼|call|发)|不停地?(?:给你)?(?:打|呼|call)"
        f"|(?:一天|每天)(?:给你)?打{cg(4)}个电话"),
)

# A threatening tone (the hit itself is left out when this is searched).
_TONE = ("不还|再不|否则|不然|只能|非要|非得|装死|不接|到时候|等着|看你|躲|跑|抓|堵|蹲|让你|算账|丢人|好看|后果|掂量|看着办|小心"
         "|走着瞧|别怪|不讲道理"
         "|我们的人|清清楚楚|一清二楚|曝光|所有人|全都知道|挨个|一个个|丢工作|饭碗|领导|同事|人事|邻居|家人|爸妈|父母"
         "|注意点|注意安全|再敢|这么简单|不客气")
_TONE_RE = lazy(_TONE + "|" + _ARMS)
# Debt talk or a threatening tone (searched in the folded text and in the
# plain one, which keeps emoji).
_THREAT_CONTEXT_RE = lazy(
    "欠|还钱|还款|还清|还上|没还|逾期|老赖|债|催收|催款|账单|借款|借钱|贷|再拖|不处理|今晚|今天|明天|明早|明晚|马上|直接|拿到"
    "|装死|不接电话|拉黑|到账|点前|要么|"
    + _TONE + "|" + _ARMS
)
# Insults need the debt itself; everyday rudeness is not a collection threat.
_DEBT_RE = lazy("欠|还钱|还款|还清|还上|结清|不还|没还|逾期|老赖|债|催收|账单|借款|贷款|网贷|口子|外访")
# The debtor dodging the collector, which is what a door visit then answers.
_SNUB_RE = lazy("拉黑|装死|不接电话|不回消息|失联|躲")
# Patterns specific enough to stand without context.
_STRONG = ("contact_bomb", "contact_list_held", "kin_number_held", "shame_image", "insult_deadbeat", "letter_to_kin",
           "group_infiltrate")
# contact_list aimed at the contact list itself (推送至您的紧急联系人) needs no tone.
_LIST_WORD_RE = lazy("通讯录|联系人|contact")
_WORRY_RE = lazy("担心|害怕|怕|担忧")
# Patterns that need a threatening tone elsewhere in the message.
_NEEDS_TONE = ("kin_school", "we_know", "visit", "visit_door")
# A lawful field visit (≥2 staff, with an appointment) is not a threat.
_LAWFUL_VISIT_RE = lazy(
    "改约|如不便|如有不便|预约|出示(?:工作证|证件)|外访核实|另行约定"
    # 我司工作人员今日上门未见到您本人，已留下联系卡片: a lawful visit, reported
    "|未见到|留下(?:了)?联系|联系卡|不会向您的?(?:邻居|家人|亲友|同事)"
)
# 法院的人下午到你小区 / 由法警上门执行: a claimed enforcement (false_legal_threat), not a thug's visit
_LEGAL_ACTOR_RE = lazy("法院|法警|执行局|执行庭|经侦|公安|警察|民警|派出所|执[行xing]{1,4}局")
_CJK_RE = lazy("[\u4e00-\u9fff]")
# …让你们领导同事都看看 / 左邻右舍都看着: the visit is staged as public shaming
_AUDIENCE_RE = lazy("看着|都看|看看|丢人|左邻右舍|邻居|街坊|同事|领导|全村|村里")
_ARMS_RE = lazy(_ARMS)
_QUESTION_RE = lazy("[?？]|吗|会不会|是不是|能不能|怎么办|怎么")
_SECOND_PERSON_RE = lazy("你|您")


_WINDOW = 120     # how far a sentence or a cue is looked for around a hit (keeps 1 MB inputs linear)


_STOP_RE = lazy("[。!?\n;]")


def _sentence(text: str, s: int, e: int) -> str:
    """The sentence around ``text[s:e]``, at most ``_WINDOW`` characters either side."""
    a, b = max(0, s - _WINDOW), min(len(text), e + _WINDOW)
    # the last stop before ``s`` (five ``rfind`` calls, not a generator) and the first one after ``e``
    found = max(text.rfind("。", a, s), text.rfind("!", a, s), text.rfind("?", a, s), text.rfind("\n", a, s),
                text.rfind(";", a, s))
    stop = _STOP_RE.search(text, e, b)
    return text[found + 1 if found >= 0 else a:stop.start() + 1 if stop else b]


_NEAR = 150     # a tone or context cue counts within this many characters of the hit


def _near(rx: re.Pattern, text: str, s: int, e: int) -> bool:
    """Does ``rx`` match close to ``text[s:e]`` but outside the hit itself?"""
    return rx.search(text, max(0, s - _NEAR), s) is not None or rx.search(text, e, e + _NEAR) is not None


def _own_question(sentence: str) -> bool:
    """The debtor asking about their own case (他们会不会爆我通讯录？/ 欠网贷会坐牢吗)."""
    return bool(_QUESTION_RE.search(sentence)) and not _SECOND_PERSON_RE.search(sentence)


def _threat_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    s, e = m.start(), m.end()
    facts = _facts(doc)
    if _WORRY_RE.search(m.string, max(0, s - 8), s):
        return False    # 您担心我们打给您家里人？不会的: a reassurance
    if name in _STRONG or name == "contact_list" and _LIST_WORD_RE.search(m.group()):
        ok = True
    elif name == "insult":
        ok = facts.debt
    elif name == "call_bomb":
        ok = "你" in _sentence(m.string, s, e)
    elif name == "weapon_emoji" and _CJK_RE.match(m.string, max(0, s - 1)) and _CJK_RE.match(m.string, e):
        ok = False      # 黑💀名💀单: an emoji used as a separator inside a word
    elif name in _NEEDS_TONE:
        if name.startswith("visit") and _LEGAL_ACTOR_RE.search(m.string, max(0, s - 12), s) \
                and not _AUDIENCE_RE.search(_sentence(m.string, s, e)):
            return False
        ok = not (name.startswith("visit") and facts.lawful_visit) \
            and not (name == "visit_door" and not (facts.debt or facts.snub)) \
            and (facts.arms or _near(_TONE_RE, m.string, s, e))
    else:
        ok = facts.arms or _near(_THREAT_CONTEXT_RE, m.string, s, e)
    return ok and not _own_question(_sentence(m.string, s, e))


# Warnings and advice about abusive collection (the default cue list holds
# 违法/犯罪, which collectors also say while they threaten).
_ABUSE_WARNING_RE = lazy(
    "骗局|骗子|被骗|套路|不法分子|谨防|警惕|违法催收|暴力催收|软暴力|属违法|属于违法|是违法的|违法行为|可以投诉|可投诉"
    "|可向12378|投诉渠道|保存证据|被罚|处罚"
)


def _abuse_warning(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return _ABUSE_WARNING_RE.search(doc.plain, max(lo, start - _WINDOW), min(hi, end + _WINDOW)) is not None


abuse_warning = Suppressor("abuse_warning", "sentence", _abuse_warning,
                           "the hit's sentence warns about abusive collection (暴力催收/属违法/可以投诉…)")

THREAT_OR_HARASSMENT = Rule(
    id="threat_or_harassment",
    patterns=THREAT_PATTERNS,
    suppress=(negated, described_as_scam, quoted_example, abuse_warning, reported_frame, narrated, hypothetical,
              doubt_question, story_frame),
    confirm=_threat_confirm,
    explanation="威胁联系你的家人、同事、通讯录，或上门、辱骂、公开曝光。这些做法违反催收规定，严重的可能构成违法犯罪。",
    advice="保存截图和录音，向12378（银行保险监管）或平台官方客服投诉；人身威胁请拨打110报警。",
)


# -------------------------------------------------------- false_legal_threat
_POLICE = "(?:经侦|公安机关|公安局|公安|警方|警察|派出所|刑警|刑侦|网警|民警)"
_TIME = ("今天|今日|今晚|明天|明日|马上|立即|立刻|即将|随时|下周|近期|这两天|\\d+小时|小时内|\\d+点|\\d+:\\d+|下午|上午|当天|\\d+日内|\\d+天内"
         "|[一二两三四五六七]日内|[一二两三四五六七]天内|本周|这周|否则|不处理|不还|逾期将|直接|已经|已")

LEGAL_PATTERNS = (
    # 涉嫌诈骗 / 经侦已经立案 / 欠钱不还就是诈骗 / 准备刑拘
    Pat("suspected_crime",
        f"涉嫌{cg(4)}(?:诈骗|恶意透支|信用卡诈骗|贷款诈骗|合同诈骗|骗贷|刑事|犯罪|违法犯罪|洗钱|非法|违法|money laundering)"
        "|(?:账户|身份证|银行卡|你|您)(?:已经|已)?(?:涉案|涉诈)"
        "|(?:你|您)(?:已经)?(?:是|成了|被列为)(?:犯罪)?(?:诈骗)?(?:犯罪)?嫌疑人"),
    Pat("police_action",
        f"{_POLICE}(?:部门|机关|大队)?(?:已经|已|马上|即将|会|将|今天|明天|正在|准备)?{cg(8)}?"
        "(?:立案|备案|介入|上门|抓|拘|带走|传唤|通缉|找你|调查你|查你|批捕)"),
    Pat("debt_is_crime",
        "(?:欠钱不还|欠款不还|欠债不还|恶意拖欠|逾期不还|赖账|拖欠不还|不还钱|不还款)(?:的)?(?:行为)?"
        "(?:就是|就算|属于|构成|已构成|已经构成|涉嫌|等于|视为|算)(?:是)?(?:诈骗|犯罪|违法犯罪|刑事|骗贷|恶意透支)"),
    Pat("arrest",
        "刑事拘留|刑拘|行政拘留|拘留|逮捕|抓捕|坐牢|判刑|蹲监狱|吃牢饭|进监狱|抓人|抓你|把你带走|拘传|通缉(?!令)|批捕"
        "|(?:追究|承担)(?:你的?)?刑事责任|(?:转为|升级为|按)刑事案件?|刑事立案|立案侦查"
        "|(?:转入|进入|走)刑事(?:程序|审查)|刑事(?:案件)?编号|诈骗案件编号|(?<![a-z])criminal(?![a-z])|(?:不想|等着|就会|会)被抓|连坐|强制措施"
        "|警车(?:已经)?(?:在路上|开到|来了|到了)|(?:查看|看|发你|给你看)(?:你的)?通缉令|手铐"),
    # 移交公安 / 提交经侦
    Pat("to_police",
        f"(?:移交|转交|提交|递交|移送|报送|转到|交给|交由|上报|报到|报案到|报案给|递到|已交|交到|submit到)(?:给)?{cg(6)}"
        "(?:公安机关|公安局|公安|经侦|检察院|司法机关|警方|派出所|刑侦|刑警)"
        "|向你?的?(?:当地|户籍地|老家)?的?(?:公安机关|公安局|公安|派出所|经侦|警方)(?:报案|举报|申请逮捕|起诉你)"),
    Pat("withdraw_case", "撤案|销案|撤销立案"),
    Pat("filed_case", "(?:已经|已)(?:正式)?(?:被)?立案|(?:等着|就会|就要|将被|会被)被?立案"),
    # 法院今天冻结你所有卡 / 直接判决
    Pat("enforce_now",
        f"(?:法院|执行局|法警|执行庭|执行人员|执行法官)(?:的人)?(?:已经|已|将|会|马上|即将|今天|明天|今晚|下午|立即)?{cg(14)}"
        "(?:上门|冻结|查封|扣押|强制执行|拘传|划扣|拍卖|抓|扣人|带走|贴封条|现场执行)"
        "|(?:冻结|查封|扣押|划扣)(?:你的?|你名下的?|您的?|您名下的?)?(?P<kin>(?:及|和|与)[^,;:。!?\\n]{1,6}?)?(?:名下)?(?:所有|全部|名下所有)?的?"
        "(?:银行卡|账户|微信|支付宝|房产|财产|工资|社保|公积金|车)"
        "|(?:直接|立即|马上|缺席)(?:判决|判刑|宣判|强制执行)|申请(?:强制执行|限高|限制高消费|拘留)"),
    # 列入全国金融黑名单
    Pat("blacklist",
        f"(?:列入|列为|录入|拉入|纳入|上报|上传|加入|进入|拉进|进了|上了?)(?:到)?{cg(8)}"
        "(?:黑名单|失信名单|失信人员名单|失信被执行人名单|老赖名单|诈骗名单|失信人名单|失信人员|失信被执行人)"
        "|(?:全国|金融|网贷|征信|诈骗|老赖|互金|行业|共享|金融诈骗)黑名单"
        f"|(?:进了|上报|录入|列入|进入|上了)(?:到)?{cg(4)}(?:blacklist|失信系统|老赖数据库|失信数据库)"
        "|(?:金融)?失信系统|老赖数据库"),
    # 孩子政审考公受影响 / 限制高铁飞机
    Pat("family_travel",
        f"(?:子女|孩子|儿子|女儿|小孩|后代|下一代)(?:的)?{cg(8)}"
        f"(?:政审|考公|考编|当兵|参军|入伍|上学|入学|读书|升学|上大学|考大学|就业|找工作){cg(2)}"
        "(?:都|也)?(?:会)?(?:受影响|受到影响|影响|过不了|不能|没法|受限|被卡|无法|通不过)"
        "|(?:影响|耽误|毁了|连累)(?:你的?)?(?:子女|孩子|儿子|女儿|下一代|后代)"
        "|限制(?:你的?|你和家人的?)?(?:出境|出国|出行|高铁|飞机|乘坐|坐高铁|坐飞机|高消费)"
        "|(?:不能|无法|禁止)(?:再)?(?:坐|乘坐)(?:高铁|飞机|动车|火车)|(?:坐|乘)不了(?:高铁|飞机|动车|火车)"
        f"|(?:高铁|飞机|动车|火车){cg(3)}(?:坐不了|不能坐|乘坐不了|都不让坐)"
        # 高铁飞机这辈子别想了 / 你的出行会被限制 / 你儿子以后上大学都难 / 你家人的银行卡也会一起冻结
        "|(?:高铁|飞机|出行)[^。!?\\n]{0,8}(?:别想|会被限制|受限|block)|坐不了车|出不了门|三代人?的?(?:征信|都|也)"
        "|(?:子女|孩子|儿子|女儿|小孩|后代|下一代)[^。!?\\n]{0,16}(?:受影响|过不了|拒收|都难|通不过)"
        "|(?:家人|配偶|直系亲属|父母|老婆|老公)(?:名下)?的?(?:银行卡|账户|退休金|工作)[^。!?\\n]{0,6}(?:冻结|受影响)"
        "|政审(?:通不过|不过|过不了)"),
    # 网络仲裁 / 律师函 / 立案通知 + 点击链接或期限
    Pat("legal_document",
        "(?:互联网|网络|在线|线上)?(?:仲裁委员会|仲裁委|仲裁院|仲裁中心|仲裁庭|仲裁通知书?|仲裁案件?|法庭)|诉前调解(?:中心|通知书?)?"
        "|调解中心|律师函|传票|(?:立案|起诉|执行|应诉|诉讼|开庭)通知书?|催告函|裁决书|法律文书|案件受理通知书?"),
    Pat("fake_body",
        "互联网金融仲裁(?:中心|委员会|院)?|网络法庭|金融仲裁院|网贷仲裁|金融仲裁中心"
        "|(?:互金|网仲|网贷|金仲|网金)字第?\\s?\\d*号?"),
)

_DEADLINE = ("今天|今日|今晚|明天|明日|马上|立即|立刻|即将|随时|\\d+小时|小时内|\\d+h|\\d+点|\\d+:\\d+|当天|\\d+日内"
             "|\\d+天内|[一二两三四五六七]日内|[一二两三四五六七]天内|工作日内|本周|这周|否则|逾期将|尽快|限期|截止")
_DOC_CUE_RE = lazy(
    f"点击|链接|http|www|查看|下载|请于|前联系|前处理|联系调解员|直接判决|缺席判决|应诉|撤案|专案|速|回电|{_DEADLINE}"
)
_TIME_RE = lazy(_TIME)
# Lawful statements of civil remedies, and plain legal education.
_SOBER_RE = lazy(
    "判决后|判决生效|生效判决|拒不履行|拒不执行|有能力执行|依法申请|可依法|有权依法|依法可|依法起诉|依法提起|一般属于|民事纠纷"
    "|民事案件|民事诉讼"
)
# A genuine court SMS: verify via 12368, no link, payment only to the official channel.
_GENUINE_COURT_RE = lazy(
    "12368|不含(?:任何)?链接|诉讼服务(?:网|平台)|人民法院在线服务|官方还款(?:渠道|管道|账户)|原告官方"
)
# 律师函 sold as a service (代写投诉和律师函各一次 / 再送一份律师函), not sent to the reader
_DOC_PRODUCT_RE = lazy("代写|代发|帮你发|送一份|再送|套餐|包含|各一次")
# 可以向当地公安报案: advice to the reader
_ADVICE_RE = lazy("(?:可以|可|建议|应该|及时|请|立即|也可以|直接)$")
# 不还钱就等着被判刑吧: a threat even without 你
_MENACE_RE = lazy("等着|就|再不|否则|不还|小心|迟早|准备")
# Legal context for a bare "freeze your account" (a platform's own freeze is not a legal threat)
_LEGAL_CONTEXT_RE = lazy("法院|执行|公安|司法|经侦|仲裁|判决|立案|案件|诉讼|警|检察|律师|传票|起诉|监管")
# Somebody is being addressed about a debt (not a news item about a thief).
_ADDRESSED_RE = lazy("你|您|欠|还款|还钱|不还|逾期|债|贷|催收|账单|处理|联系")
_NEEDS_ADDRESS = ("police_action", "arrest", "family_travel", "blacklist")


def _fact(rx: re.Pattern, view: str = "text") -> cached_property:
    """A fact of the message: does ``rx`` occur in the view, worked out on first use."""
    return cached_property(lambda self: rx.search(self._doc.norm.view(view)) is not None)


class _Facts:
    """What the whole message says, each fact computed once per message, when a hit first asks for it
    (most hits need one or two of them, or none)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc

    debt = _fact(_DEBT_RE)
    snub = _fact(_SNUB_RE)
    lawful_visit = _fact(_LAWFUL_VISIT_RE)
    arms = _fact(_ARMS_RE, "plain")              # emoji are kept only in the plain view
    addressed = _fact(_ADDRESSED_RE)
    genuine_court = _fact(_GENUINE_COURT_RE, "digits")


@lru_cache(maxsize=2)
def _facts(doc: Doc) -> _Facts:
    return _Facts(doc)


@lru_cache(maxsize=2)
def _legal_context(doc: Doc) -> bool:
    return _LEGAL_CONTEXT_RE.search(doc.norm.text) is not None


_PASSIVE_RE = lazy("被$")   # searched up to the hit: 被判刑


def _legal_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    facts = _facts(doc)
    if name in ("legal_document", "enforce_now", "blacklist", "filed_case") and facts.genuine_court:
        return False
    if name in _NEEDS_ADDRESS and not facts.addressed:
        return False
    sentence = _sentence(m.string, m.start(), m.end())
    if _own_question(sentence):
        return False
    if name in ("legal_document", "enforce_now", "blacklist", "family_travel", "arrest") and _SOBER_RE.search(sentence):
        return False
    if name == "filed_case" and _SOBER_RE.search(sentence):
        return False
    text, s = m.string, m.start()
    if name == "legal_document" and _DOC_PRODUCT_RE.search(text, max(0, s - 10), s):
        return False
    if name == "to_police" and m.group().startswith("向") and _ADVICE_RE.search(text, max(0, s - 4), s):
        return False
    if name == "arrest" and _PASSIVE_RE.search(text, max(0, s - 2), s) and not _SECOND_PERSON_RE.search(sentence) \
            and not _MENACE_RE.search(sentence):
        return False                 # 催收的张某因暴力催收被判刑: news about somebody else
    if name == "enforce_now" and not m.group().startswith(("法院", "执行", "法警", "直接", "立即", "马上", "缺席", "申请")) \
            and not m.group("kin") and not _legal_context(doc):
        return False                 # 否则将冻结账户: a fake platform's freeze, not a court
    if name in ("legal_document", "filed_case"):
        # the document or case must come with a deadline, a link or a demand
        return _DOC_CUE_RE.search(text, max(0, m.start() - 30), min(len(text), m.end() + 40)) is not None
    if name == "enforce_now" and m.group().startswith(("法院", "执行", "法警")):
        return _TIME_RE.search(sentence) is not None
    return True


# The default ``warning_sentence`` cues include 诈骗/犯罪/违规/刑拘, the very words of
# a false legal threat or a fake police call; these are only the words of a
# warning about them.
_SCAM_WARNING_RE = lazy(
    "骗局|骗子|骗术|被骗|上当|谣言|套路|虚假|冒充|假冒|不法分子|恐吓|勿慌|别慌|不要慌|别怕|不用怕|别信|不要信|多为|都是假的"
    "|是假的|防骗|反诈提醒|反诈中心提醒|抓获|捣毁|谨防|警惕"
)


def _scam_warning(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return _SCAM_WARNING_RE.search(doc.plain, max(lo, start - _WINDOW), min(hi, end + _WINDOW)) is not None


scam_warning = Suppressor("scam_warning", "sentence", _scam_warning,
                          "the hit's sentence warns about the scam (冒充/恐吓/勿慌/谨防…), not a plain 诈骗/违规")

FALSE_LEGAL_THREAT = Rule(
    id="false_legal_threat",
    patterns=LEGAL_PATTERNS,
    suppress=(negated, described_as_scam, quoted_example, scam_warning, reported_frame, narrated, hypothetical,
              doubt_question, story_frame),
    confirm=_legal_confirm,
    explanation="用“立案”“抓人”“拘留”“上黑名单”或假法院、假仲裁、假律师函施压。欠款一般属于民事纠纷，真实的诉讼会通过法院正式送达，可拨打12368核实。",
    advice="不要被吓到转账；用12368或人民法院诉讼服务网核实案件，真实的法律程序不会要求向个人账户付款。",
)
