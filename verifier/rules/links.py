"""``suspicious_link`` (medium), added in 0.1.0.

Catches: a link that is not on an official domain of the platform named
(rule_catalog.md §10). Links are found as written, also when disguised:
``http(s)://``/``hxxp://``, ``www.``, bare ``name.tld/path``, "点"/"。"/full-width
dots/spaces for the dot, 杠 for "-", raw IPv4, ``.apk`` files. Each host is
compared, by whole-label suffix, with ``data/official_domains.txt``
(alipay.com.verify-center.top is not alipay.com). A link fires when it is

- a raw IP with a scheme or path, punycode (``xn--``), an ``.apk`` file;
- a brand name on a foreign domain (alipay-kefu95188.com, mybank-cn.xyz) or a
  lookalike one edit away from an official name (a1ipay.com, aIipay.com);
- an official domain of another platform than the one that signs the SMS;
- a short link, a risky top-level domain (.top .xyz .vip .cc .icu .club …) or
  any other unlisted domain, when the message talks about debts, accounts,
  money or the law.

The evidence is the URL as written.
Hit: 请点击 http://alipay-kefu95188.com/yanqi 在线办理 → evidence ``http://alipay-kefu95188.com/yanqi``.
Near miss: 或访问 https://www.alipay.com 。; 垃圾短信可以去 www.12321.cn 举报;
a shop's link in a message that is not about money.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache
from importlib import resources

from .base import Doc, Pat, Rule

# ------------------------------------------------------------- allow-list

@lru_cache(maxsize=1)
def official_domains() -> dict[str, frozenset[str]]:
    """domain → the platforms it serves (``*``: any message), loaded once."""
    table: dict[str, set[str]] = {}
    path = resources.files("verifier") / "data" / "official_domains.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        domain, _, platform = line.partition("\t")
        domain, platform = domain.strip().lower().strip("."), platform.strip()
        if not domain or not platform:
            raise ValueError(f"official_domains.txt: bad line {line!r} (want domain<TAB>platform)")
        table.setdefault(domain, set()).add(platform)
    return {d: frozenset(p) for d, p in table.items()}


@lru_cache(maxsize=1)
def _official_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """(registrable labels of official domains, platform names by length)."""
    labels = set()
    names = set()
    for domain, platforms in official_domains().items():
        labels.add(domain.split(".")[0])
        names.update(p for p in platforms if p != "*")
    return frozenset(labels), tuple(sorted(names, key=len, reverse=True))


def official_platforms(host: str) -> frozenset[str] | None:
    """The platforms of ``host`` if it is on (a subdomain of) a listed domain."""
    table = official_domains()
    labels = host.split(".")
    for i in range(len(labels)):
        found = table.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


# ----------------------------------------------------------- URL patterns
_DOT = "(?:[ \\t]{0,2}(?:\\.|。|点|\\[\\.\\]|\\(\\.\\)|\\[dot\\]|\\(dot\\))[ \\t]{0,2})"
_LABEL = "[a-z0-9](?:[a-z0-9\\-]|杠){0,62}"
_LABEL_S = "[a-z0-9](?:[a-z0-9\\-]|杠| (?=[a-z0-9\\-])){0,62}"     # first label after a scheme: "ali pay-help"
_TLD = ("com|cn|net|org|top|xyz|vip|cc|icu|club|info|biz|me|io|co|ly|im|gg|so|tk|ml|ga|cf|gq|pw|site|online|shop"
        "|store|live|fun|link|click|work|ren|wang|ink|asia|hk|app|tv|la|pro|tech|cloud|space|website|buzz|cyou|sbs"
        "|cfd|loan|win|ltd|xin|mobi|us|corn|c0m")
_PATH = "(?:(?:[ \\t]{0,2}/[ \\t]{0,2}(?=[a-z0-9])|[/?#])[a-z0-9\\-._~%!$&*+,;=:@/?#]{0,200}(?<![.,;:!?*&=\\-]))?"
_PORT = "(?::\\d{2,5})?"
_URL = (
    # scheme (also hxxp) + host
    f"h(?:tt|xx)ps?[ \\t]{{0,2}}:[ \\t]{{0,2}}//[ \\t]{{0,2}}{_LABEL_S}(?:{_DOT}{_LABEL}){{0,8}}{_PORT}{_PATH}"
    # www. + host
    f"|(?<![a-z0-9\\-])www{_DOT}{_LABEL}(?:{_DOT}{_LABEL}){{0,8}}{_PORT}{_PATH}"
    # raw IPv4
    f"|(?<![a-z\\d.])\\d{{1,3}}(?:{_DOT}\\d{{1,3}}){{3}}(?![\\d]){_PORT}{_PATH}"
    # bare name.tld
    f"|(?<![a-z0-9\\-@._/\\\\点。]){_LABEL}(?:{_DOT}{_LABEL}){{0,6}}{_DOT}(?:{_TLD})(?![a-z0-9\\-]){_PORT}{_PATH}"
)
_APK = ("(?<![a-z0-9\\-._/])[a-z0-9_\\-]{1,40}\\.apk(?![a-z0-9])"
        "|(?<=[\\s\"“'「『《:：])[\u4e00-\u9fff]{1,10}\\.apk(?![a-z0-9])")

# --------------------------------------------------------- classification
_SHORTENERS = frozenset((
    "t.cn", "url.cn", "dwz.cn", "suo.im", "suo.nu", "bit.ly", "tinyurl.com", "is.gd", "goo.gl", "ow.ly", "t.co",
    "985.so", "mrw.so", "c7.gg", "u.nu", "rebrand.ly", "cutt.ly", "s.id", "v.gd", "0x3.me", "tb.cn", "m6z.cn",
    "w.url.cn", "dwz.date", "sina.lt",
))
_RISKY_TLDS = frozenset(("top", "xyz", "vip", "cc", "icu", "club", "buzz", "cyou", "sbs", "cfd", "tk", "ml", "ga",
                         "cf", "gq", "pw", "loan", "win", "work", "click", "link", "fun", "shop", "site", "online",
                         "live", "rest", "monster"))
# Multi-label public suffixes (enough for the registrable domain of the hosts seen here).
_PUBLIC_SUFFIXES = frozenset(("com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "com.hk", "com.tw", "co.uk",
                              "com.au", "co.jp", "com.sg", "com.my", "co.kr"))
# Brand words that no foreign domain should carry; short ones only as whole tokens.
_BRANDS_LONG = ("alipay", "huabei", "jiebei", "antgroup", "antfin", "mybank", "zhifubao", "wangshang", "95188",
                "95516", "unionpay", "icbc", "abchina", "bankcomm", "cmbchina", "webank", "pbccrc", "zhengxin",
                "citicbank", "cebbank", "cgbchina", "bankofchina", "duxiaoman", "12368", "12321")
_BRANDS_SHORT = frozenset(("zfb", "psbc", "spdb", "cmbc"))
_TOKEN_SPLIT = lazy("[\\-.\\d_]+")
_SIGNATURE_RE = lazy("^\\s*【([^】]{1,12})】|【([^】]{1,12})】\\s*$")

# Debts, accounts, money or the law: the talk that makes an unknown link matter.
_MONEY_RE = lazy(
    "逾期|欠款|欠费|还款|应还|账单|贷|花呗|借呗|白条|金条|信用卡|额度|提额|征信|协商|减免|罚息|利息|本金|结清|停息|挂账|上岸"
    "|债|催收|退息|退款|理赔|账户|账号|钱包|验证码|转账|汇款|收款|付款|资金|冻结|解冻|注销|认证|实名|异常|安全中心"
    "|法院|仲裁|立案|应诉|传票|调解|执行|判决|银联|百万保障|扣费|工资|社保|公积金|补贴|报销"
    # the bait of a phishing link: points, prizes, parcels, tolls, benefits, a blocked card or account
    "|借款|借钱|免息|延期|积分|兑换|领取|中奖|奖金|获得.{0,4}奖|包裹|快递|物流|投递|etc|通行|医保|退税|个税|停用|激活|验证|登录|登陆|更新资料"
    "|(?<![a-z])(?:kyc|refund|verify|verification|account)(?![a-z])|解除|礼包|提现|缴费|停话|银行卡|交易|下款|优惠"
)
# What introduces a bare dotted quad as an address.
_ADDRESS_CUE_RE = lazy("访问|打开|登录|登陆|浏览器|网址|地址|链接|点击|进入|上传至|上传到|入口|:")
# Top-level domains a real host ends with (www.bankofchina/… is not a link),
# and lookalikes of .com that only a forger writes.
_ALL_TLDS = frozenset((_TLD + "|edu|gov|mil|int|name|tel|travel|jobs|aero|mo|tw|jp|kr|uk|de|fr|ru|in|sg|my|ph|th|vn"
                       "|id|au|ca|nz|eu|it|es|nl|se|ch|br|mx|ar|za|ae|tr|pl|be|at|dk|no|fi|ie|pt|gr|cz|hu|ro|ua|kz"
                       "|pk|bd|lk|np|kh|la|mm|ws|to|fm|am|ai|dev|art|design|today|news|mba|kim|red|pub").split("|"))
_FAKE_TLDS = frozenset(("corn", "c0m", "conn", "cpm", "coom", "cn0"))


# Compiled once (a string pattern passed to ``re.sub`` goes through re's cache at every call).
_DOT_WORD_RE = lazy("\\s+dot\\s+|\\[dot\\]|\\(dot\\)|\\[\\.\\]|\\(\\.\\)|点|。")
_SPACE_RE = lazy("\\s+")
_SCHEME_RE = lazy("^h(?:xx|tt)p")
_HOST_END_RE = lazy("[/?#:]")
_IPV4_RE = lazy("\\d{1,3}(?:\\.\\d{1,3}){3}")


def _canonical(url: str) -> str:
    s = _DOT_WORD_RE.sub(".", url.lower())
    s = _SPACE_RE.sub("", s.replace("杠", "-"))
    return _SCHEME_RE.sub("http", s)


def _host(canonical: str) -> str:
    rest = canonical.split("://", 1)[1] if "://" in canonical else canonical
    return _HOST_END_RE.split(rest, maxsplit=1)[0].strip(".")


def registrable(host: str) -> str:
    """The registrable domain (eTLD+1) of ``host``, from a small suffix list."""
    labels = host.split(".")
    n = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in _PUBLIC_SUFFIXES else 2
    return ".".join(labels[-n:])


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _brand_misuse(host: str) -> bool:
    if any(b in host for b in _BRANDS_LONG):
        return True
    tokens = [t for t in _TOKEN_SPLIT.split(host) if t]
    if any(t in _BRANDS_SHORT for t in tokens[:-1]):     # the last token is the TLD
        return True
    pieces = {p for label in host.split(".")[:-1] for p in [label, *label.split("-")] if len(p) >= 5}
    # one edit away from an official name (see ``_one_edit``)
    return any(_lookalike(p) for p in pieces)


@lru_cache(maxsize=1)
def _lookalike_targets() -> frozenset[str]:
    """The official domains' labels of five characters or more (a lookalike of a shorter one is too often
    an ordinary word)."""
    labels, _ = _official_names()
    return frozenset(label for label in labels if len(label) >= 5)


@lru_cache(maxsize=1)
def _lookalike_index() -> tuple[frozenset[str], dict[tuple[int, str], frozenset[str]], frozenset[int]]:
    """The one-edit neighbourhood of the lookalike targets, so that a piece is looked up, not compared with
    every target (``_one_edit`` in a Python loop cost ~20 µs a link): (every target with one character
    deleted, (position, target with that character deleted) → the targets, the targets' lengths)."""
    deletions: set[str] = set()
    by_hole: dict[tuple[int, str], set[str]] = {}
    for label in _lookalike_targets():
        for i in range(len(label)):
            cut = label[:i] + label[i + 1:]
            deletions.add(cut)
            by_hole.setdefault((i, cut), set()).add(label)
    lengths = frozenset(len(label) for label in _lookalike_targets())
    return frozenset(deletions), {k: frozenset(v) for k, v in by_hole.items()}, lengths


def _lookalike(piece: str) -> bool:
    """``_one_edit(piece, target)`` for some lookalike target: the same test, by lookups.

    One deletion from a target gives ``piece`` (an insertion in ``piece``'s terms), one deletion from
    ``piece`` gives a target, or both with the same position deleted give the same string while they
    are different (one substitution).
    """
    targets = _lookalike_targets()
    deletions, by_hole, lengths = _lookalike_index()
    n = len(piece)
    if n + 1 in lengths and piece in deletions:
        return True
    shorter, same_length = n - 1 in lengths, n in lengths
    if not (shorter or same_length):
        return False   # no target is one character shorter or as long: nothing to cut (most long pieces)
    for i in range(n):
        cut = piece[:i] + piece[i + 1:]
        if shorter and cut in targets:
            return True
        same = by_hole.get((i, cut)) if same_length else None
        if same is not None and (len(same) > 1 or piece not in same):
            return True
    return False


@lru_cache(maxsize=2)
def _signed_platforms(doc: Doc) -> frozenset[str]:
    """The listed platforms named in the message's SMS signature (【招商银行】)."""
    _, names = _official_names()
    found = set()
    for m in _SIGNATURE_RE.finditer(doc.norm.text):
        sig = m.group(1) or m.group(2)
        found.update(n for n in names if n in sig)
    return frozenset(found)


@lru_cache(maxsize=2)
def _unsigned_text(doc: Doc) -> str:
    return _SIGNATURE_RE.sub("", doc.norm.text)


@lru_cache(maxsize=2)
def _money_talk(doc: Doc) -> bool:
    return _MONEY_RE.search(doc.norm.text) is not None


def link_reason(doc: Doc, url: str, original: str = "", start: int = 0) -> str | None:
    """Why ``url`` (as written) is suspicious in this message, or None when it is not.

    Reasons: ``ip``, ``punycode``, ``apk``, ``brand`` (a brand or a lookalike of
    an official name on a foreign domain), ``other_platform``, ``short_link``,
    ``risky_tld``, ``unlisted``.
    """
    canon = _canonical(url)
    host = _host(canon)
    if canon.endswith(".apk") or ".apk?" in canon:
        # an installer, unless it is served by an official domain
        return None if "/" in canon and official_platforms(host) is not None else "apk"
    if not host or "." not in host:
        return None
    is_ip = _IPV4_RE.fullmatch(host) is not None
    tld = host.rsplit(".", 1)[-1]
    if tld in _FAKE_TLDS:
        return "brand"          # alipay.corn, alipay.c0m: a lookalike of .com
    if not is_ip and tld not in _ALL_TLDS and not tld.startswith("xn--"):
        return None
    # written to dodge filters: 点/。/spaces for dots, hxxp, 杠, full-width letters
    disguised = canon != url.lower() or not original.isascii()
    if "://" not in canon and not canon.startswith("www.") and disguised:
        # "8点cc" is a time, not a link: a disguised bare domain needs a real name
        name = registrable(host).split(".")[0]
        if host not in _SHORTENERS and (len(name) < 2 or not re.search("[a-z]", name)):
            return None
    platforms = official_platforms(host)
    if platforms is not None:
        signed = _signed_platforms(doc)
        if "*" in platforms or not signed or platforms & signed:
            return None
        if any(p in _unsigned_text(doc) for p in platforms):
            return None         # 【中国联通】…可在中国电信App或www.189.cn订购: the body names the domain's owner
        return "other_platform"
    if is_ip:
        if any(int(x) > 255 for x in host.split(".")):
            # not a real address, but a scheme and a path make it a forged one (http://15.81.569.61/login)
            return "ip" if "://" in canon and "/" in canon.split("://", 1)[1] else None
        if "://" in canon or "/" in canon or re.search(":\\d", canon):
            return "ip"
        # a bare dotted quad is an address only when introduced as one (not 版本2.3.1.8)
        cue = _ADDRESS_CUE_RE.search(doc.plain, max(0, start - 10), start)
        return "ip" if cue and _money_talk(doc) else None
    if "xn--" in host:
        return "punycode"
    if _brand_misuse(host):
        return "brand"
    if not disguised and not _money_talk(doc):
        return None
    if host in _SHORTENERS or registrable(host) in _SHORTENERS:
        return "short_link"
    if host.rsplit(".", 1)[-1] in _RISKY_TLDS:
        return "risky_tld"
    return "unlisted"


@lru_cache(maxsize=2)
def find_links(doc: Doc) -> tuple[tuple[int, int, str | None], ...]:
    """Every link in the message as ``(start, end, reason)`` on the original text, once per message;
    not looked for at all when the prefilter has ruled out both link patterns."""
    plain, original = doc.plain, doc.norm.original
    return tuple((m.start(), m.end(), link_reason(doc, m.group(), original[m.start():m.end()], m.start()))
                 for rx, pat in ((_URL_RE, _URL_PAT), (_APK_RE, _APK_PAT)) if doc.may_match(pat)
                 for m in rx.finditer(plain))


_URL_RE = lazy(_URL)
_APK_RE = lazy(_APK)


def _link_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    return link_reason(doc, m.group(), doc.norm.original[m.start():m.end()], m.start()) is not None


# the link patterns: ``find_links`` looks with the same regexes on the same view
_URL_PAT = Pat("url", _URL, view="plain", direct=True)
_APK_PAT = Pat("apk_file", _APK, view="plain", direct=True)

SUSPICIOUS_LINK = Rule(
    id="suspicious_link",
    patterns=(_URL_PAT, _APK_PAT),
    confirm=_link_confirm,
    explanation="消息里的链接不是平台的官方网址（仿冒域名、短链接、IP地址或安装包）。点开可能是钓鱼页面，骗取账号密码或诱导转账。",
    advice="不要点击链接；直接打开官方App或手动输入官方网址办理。",
)
