"""The self-contained HTML report of ``verifier scan --out report.html``.

:func:`render_html` turns the runner's report dict into one HTML document that
opens from disk without any network request: inline CSS, an inline SVG bar
chart, no script, no font, no image, and a Content-Security-Policy that forbids
loading anything even if a reader ever slipped a URL into a text. Every text of
the report is untrusted (chat logs) and goes through :func:`html.escape`.

Chinese first; ``lang="en"`` renders the English names.
"""

from __future__ import annotations

from html import escape

from ..contract import FLAG_SEVERITY, LABELS, SEVERITIES
from ..contract import LEVELS as _LEVELS
from ..messages import LABEL_ADVICE, LABEL_NAMES, LEVEL_NAMES, check_lang

LEVELS = tuple(reversed(_LEVELS))                                   # shown high first
SEVERITY_RANK = {s: rank for rank, s in enumerate(SEVERITIES, 1)}   # low 1, medium 2, high 3

# The flag table of README.md (Chinese, verbatim) and of SPEC.md (English, shortened);
# tests/test_scan_html.py keeps the Chinese names in step with the README.
FLAG_NAMES = {
    "zh": {
        "personal_account_transfer": '要求转账到个人卡、个人微信/支付宝、收款码或"安全账户"',
        "credit_repair": "声称能删除、修复、洗白征信逾期记录",
        "verbal_only_waiver": '只有口头承诺的减免，或"先还一部分，剩下的我帮你申请"',
        "intermediary_fee": "法务、债务优化、停息挂账、反催收等中介收取服务费/定金",
        "credential_request": "索要验证码、密码、卡号、身份证照片或要求屏幕共享",
        "threat_or_harassment": "威胁、辱骂、爆通讯录、联系家人单位、上门、公开曝光",
        "false_legal_threat": "谎称立案抓人、移交公安、假法院/仲裁/律师函施压",
        "impersonation": "冒充平台、客服、警察、法院、监管并要求在官方渠道外操作",
        "off_platform_contact": "引导加微信/QQ、下载软件、进会议、拨打非官方电话",
        "suspicious_link": "非平台官方域名的链接、短链接、IP、安装包",
        "too_good_offer": '"全免利息""只还本金""包成功"等来自非官方的承诺',
        "borrow_to_repay": "催促向其他平台或亲友借钱还款",
        "urgent_pressure": "人为制造的紧迫期限，要求立即全额付款",
    },
    "en": {
        "personal_account_transfer": "payment to a private account, card, WeChat/Alipay or QR code",
        "credit_repair": "offers to delete or repair credit-report records",
        "verbal_only_waiver": "a waiver promised only verbally or in chat",
        "intermediary_fee": "a paid agent asks for fees or deposits",
        "credential_request": "asks for codes, passwords, card numbers or ID photos",
        "threat_or_harassment": "threats, insults, contacting family or employer",
        "false_legal_threat": "false claims of arrest, police or court action",
        "impersonation": "claims to be the platform, police or court off the official channel",
        "off_platform_contact": "moves the talk off official channels (WeChat/QQ, apps, numbers)",
        "suspicious_link": "a link that is not an official domain",
        "too_good_offer": "too-good offers (waive all interest, principal only, 100% success)",
        "borrow_to_repay": "urges borrowing from others to repay",
        "urgent_pressure": "artificial deadlines and pressure",
    },
}

TEXT = {
    "zh": {
        "title": "聊天记录风险扫描报告", "generated": "生成时间", "inputs": "扫描内容",
        "redacted": "号码已打码", "not_redacted": "未打码：报告含完整号码、账号等信息，请勿随意转发",
        "rows_read": "读取行数", "rows_scanned": "已扫描消息", "rows_skipped": "跳过的行", "non_text": "非文字消息",
        "conversations_n": "会话数", "summary": "概况", "by_label": "按类别", "by_level": "按风险等级",
        "flags": "危险词句（按规则统计消息数）", "no_flags": "未发现危险词句",
        "risky": "风险最高的会话", "no_conversations": "没有需要关注的会话。",
        "file": "文件", "time": "时间", "messages": "条消息", "flagged": "条被标记", "risk": "风险",
        "patterns": "升级模式", "flagged_messages": "被标记的消息", "no_name": "（无会话名）",
        "unknown_sender": "（未知发送者）", "skipped": "跳过的行", "skipped_note": "（只列出前 {n} 条）",
        "no_skipped": "没有跳过的行。", "advice": "建议", "line": "行", "shown": "仅显示前 {n} 个会话",
        "footer": "本报告在本机离线生成，不含任何外部链接。高亮处为识别出的危险词句，鼠标悬停可看说明。",
        "chart": "危险词句柱状图", "severity": {"high": "高", "medium": "中", "low": "低"},
        "lang": "zh-CN", "colon": "：", "comma": "，", "list": "、",
    },
    "en": {
        "title": "Chat log risk scan report", "generated": "Generated", "inputs": "Scanned",
        "redacted": "numbers redacted", "not_redacted": "NOT redacted: the report contains full numbers and "
        "accounts, do not share it carelessly",
        "rows_read": "rows read", "rows_scanned": "messages scanned", "rows_skipped": "rows skipped",
        "non_text": "non-text messages", "conversations_n": "conversations", "summary": "Summary",
        "by_label": "By label", "by_level": "By risk level", "flags": "Dangerous phrases (messages per rule)",
        "no_flags": "No dangerous phrase found", "risky": "Riskiest conversations",
        "no_conversations": "No conversation needs attention.", "file": "file", "time": "time",
        "messages": "messages", "flagged": "flagged", "risk": "risk", "patterns": "Escalation patterns",
        "flagged_messages": "Flagged messages", "no_name": "(no conversation name)",
        "unknown_sender": "(unknown sender)", "skipped": "Skipped rows",
        "skipped_note": "(showing the first {n})", "no_skipped": "No row was skipped.",
        "advice": "What to do", "line": "line", "shown": "showing the first {n} conversations",
        "footer": "This report was made offline on this computer and contains no external link. Highlights mark "
        "the dangerous phrases found; hover over one for the explanation.",
        "chart": "Bar chart of dangerous phrases", "severity": {"high": "high", "medium": "medium", "low": "low"},
        "lang": "en", "colon": ": ", "comma": ", ", "list": ", ",
    },
}

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

CSS = """
:root{--fg:#1b1f24;--muted:#5b636d;--line:#d8dde3;--bg:#f5f6f8;--card:#fff;
--high:#b3261e;--high-bg:#fde7e5;--medium:#8a5a00;--medium-bg:#fff3d1;--low:#256b33;--low-bg:#e3f4e6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.55;font-size:16px;
font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"WenQuanYi Micro Hei",sans-serif}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.6em;margin:0 0 .3em}
h2{font-size:1.25em;margin:1.6em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--line)}
h3{font-size:1.08em;margin:0}
h4{font-size:.95em;margin:1em 0 .4em;color:var(--muted)}
header{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px}
.meta{margin:.2em 0;color:var(--muted);overflow-wrap:anywhere}
.note{display:inline-block;margin:.4em 0;padding:.15em .6em;border-radius:999px;font-size:.9em;
background:var(--low-bg);color:var(--low);font-weight:600}
.note.warn{background:var(--high-bg);color:var(--high)}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:.6em 0 0;padding:0;
list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.stats b{display:block;font-size:1.35em;font-variant-numeric:tabular-nums}
.stats span{color:var(--muted);font-size:.88em}
header .stats li{background:var(--bg)}
.stats li.high{border-left:5px solid var(--high)}.stats li.medium{border-left:5px solid #e0a100}
.stats li.low{border-left:5px solid var(--low)}
.stats li.scam{border-left:5px solid var(--high)}.stats li.abusive{border-left:5px solid #e0a100}
.stats li.collection{border-left:5px solid #3b6fb6}.stats li.normal{border-left:5px solid #9aa3ad}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.chart{display:block;width:100%;overflow:visible}
.chart text{font-size:13px;fill:var(--fg)}
.chart .count{font-weight:700;font-variant-numeric:tabular-nums}
.chart .sev-high{fill:var(--high)}.chart .sev-medium{fill:#e0a100}.chart .sev-low{fill:var(--low)}
.chart .track{fill:#eef0f3}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--line);border-radius:10px;
padding:14px 16px;margin:0 0 14px;break-inside:avoid-page}
.card.level-high{border-left-color:var(--high)}.card.level-medium{border-left-color:#e0a100}
.card.level-low{border-left-color:var(--low)}
.card-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 12px}
.card-head h3{flex:1 1 auto;overflow-wrap:anywhere}
.rank{color:var(--muted);font-weight:400}
.badge{display:inline-block;padding:.1em .55em;border-radius:6px;font-weight:700;font-size:.88em;white-space:nowrap}
.badge.high{background:var(--high);color:#fff}.badge.medium{background:#f2b705;color:#231a00}
.badge.low{background:var(--low-bg);color:var(--low)}
.tag{display:inline-block;padding:.05em .5em;border-radius:6px;font-size:.85em;background:var(--bg);
border:1px solid var(--line);white-space:nowrap}
.facts{margin:.5em 0 0;color:var(--muted);font-size:.92em;overflow-wrap:anywhere}
.facts span{margin-right:1em;display:inline-block}
.patterns{margin:.3em 0;padding-left:1.3em}
.patterns li{margin:.15em 0}
.msgs{list-style:none;margin:0;padding:0}
.msg{border-top:1px dashed var(--line);padding:8px 0}
.msg-head{display:flex;flex-wrap:wrap;gap:4px 10px;font-size:.85em;color:var(--muted)}
.msg-head .sender{color:var(--fg);font-weight:600;overflow-wrap:anywhere}
.msg-text{margin:.25em 0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1em}
mark.hl{padding:0 .1em;border-radius:3px;color:inherit;cursor:help}
mark.hl.sev-high{background:#ffc9c4;box-shadow:inset 0 -2px 0 var(--high)}
mark.hl.sev-medium{background:#ffe69a;box-shadow:inset 0 -2px 0 #c98f00}
mark.hl.sev-low{background:#d7efdb;box-shadow:inset 0 -2px 0 var(--low)}
.why{margin:.3em 0 0;padding:0;list-style:none;font-size:.88em}
.why li{margin:.2em 0;overflow-wrap:anywhere}
.why q{quotes:"「" "」" "\\201C" "\\201D";font-weight:600}
details{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px}
summary{cursor:pointer;font-weight:600}
details ul{margin:.6em 0 0;padding-left:1.2em;font-size:.92em;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.advice{display:grid;gap:10px}
.advice div{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px}
.advice h3{margin-bottom:.2em}.advice p{margin:0}
.muted{color:var(--muted)}
footer{margin:2em 0 1em;color:var(--muted);font-size:.85em}
@media (max-width:600px){
 body{font-size:15px}main{padding:10px}header,.panel,.card,details{padding:10px 12px}
 h1{font-size:1.35em}.stats{grid-template-columns:repeat(2,1fr)}.chart text{font-size:11px}
}
@media print{
 body{background:#fff;font-size:11pt}main{max-width:none;padding:0}
 header,.panel,.card,details,.advice div,.stats li{border-color:#999}
 .card{break-inside:avoid}h2{break-after:avoid}
 details>*{display:block}details::details-content{display:block;content-visibility:visible}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def _e(value) -> str:
    """Escape any value for text and attribute positions."""
    return escape("" if value is None else str(value), quote=True)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _level(value) -> str:
    return value if value in LEVELS else "low"


def flag_name(flag_id: str, lang: str) -> str:
    return FLAG_NAMES[lang].get(flag_id, flag_id)


def _spans(text: str, flags: list[dict]) -> list[tuple[int, int, list[dict]]]:
    """The evidence spans of ``flags`` in ``text``, overlapping ones merged: (start, end, flags)."""
    found = []
    for f in flags:
        if not isinstance(f, dict):
            continue
        s, e, ev = f.get("start"), f.get("end"), f.get("evidence") or ""
        ok = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
        if ok and ev and text[s:e] != ev:
            ok = False
        if not ok and ev:                          # offsets missing or stale: find the evidence itself
            s = text.find(ev)
            ok, e = s >= 0, s + len(ev)
        if ok:
            found.append((s, e, f))
    found.sort(key=lambda t: (t[0], -t[1]))
    merged: list[tuple[int, int, list[dict]]] = []
    for s, e, f in found:
        if merged and s < merged[-1][1]:
            ms, me, fs = merged[-1]
            merged[-1] = (ms, max(me, e), fs + [f])
        else:
            merged.append((s, e, [f]))
    return merged


def highlight(text: str, flags: list[dict], lang: str = "zh") -> str:
    """``text`` escaped, each evidence span in a ``<mark class="hl">`` titled with its explanation."""
    t = TEXT[lang]
    text = "" if text is None else str(text)
    out, pos = [], 0
    for s, e, fs in _spans(text, flags):
        sev = max((f.get("severity") or FLAG_SEVERITY.get(f.get("id"), "low") for f in fs),
                  key=lambda v: SEVERITY_RANK.get(v, 0))
        title = "\n".join(flag_name(f.get("id", ""), lang)
                           + (t["colon"] + str(f["explanation"]) if f.get("explanation") else "") for f in fs)
        ids = " ".join(dict.fromkeys(str(f.get("id", "")) for f in fs))
        out.append(_e(text[pos:s]))
        out.append(f'<mark class="hl sev-{_e(_level(sev))}" data-flags="{_e(ids)}" title="{_e(title)}">'
                   f"{_e(text[s:e])}</mark>")
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def _stat(value, name: str, cls: str = "") -> str:
    c = f' class="{_e(cls)}"' if cls else ""
    return f"<li{c}><b>{_int(value):,}</b><span>{_e(name)}</span></li>"


def _badge(level: str, risk, lang: str) -> str:
    level = _level(level)
    return f'<span class="badge {level}">{_e(LEVEL_NAMES[lang][level])} {_float(risk):.2f}</span>'


def flag_chart(flags: dict, lang: str) -> str:
    """An inline SVG bar chart: one labelled bar per flag, the most frequent first."""
    t = TEXT[lang]
    items = sorted(((k, _int(v)) for k, v in (flags or {}).items() if _int(v) > 0),
                   key=lambda kv: (-kv[1], -SEVERITY_RANK.get(FLAG_SEVERITY.get(kv[0], ""), 0), kv[0]))
    if not items:
        return f'<p class="muted">{_e(t["no_flags"])}</p>'
    top = max(v for _, v in items)
    row, label_y, bar_y, bar_h = 44, 15, 22, 14
    height = row * len(items) + 4
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title" width="100%" height="{height}">'
             f'<title id="chart-title">{_e(t["chart"])}</title>']
    for i, (fid, n) in enumerate(items):
        y = i * row
        sev = FLAG_SEVERITY.get(fid, "low")
        name = flag_name(fid, lang)
        pct = max(0.8, 85.0 * n / top)
        tip = f"{name} ({fid}, {t['severity'][sev]}): {n}"
        parts.append(
            f'<g class="bar" data-flag="{_e(fid)}"><title>{_e(tip)}</title>'
            f'<text x="0" y="{y + label_y}">{_e(name)}</text>'
            f'<rect class="track" x="0" y="{y + bar_y}" width="100%" height="{bar_h}" rx="3"/>'
            f'<rect class="sev-{sev}" x="0" y="{y + bar_y}" width="{pct:.1f}%" height="{bar_h}" rx="3"/>'
            f'<svg x="{pct:.1f}%" y="{y + bar_y}" overflow="visible">'
            f'<text class="count" x="6" y="{bar_h - 2}">{n:,}</text></svg></g>')
    parts.append("</svg>")
    return "".join(parts)


def _message(m: dict, lang: str) -> str:
    t = TEXT[lang]
    flags = [f for f in (m.get("flags") or []) if isinstance(f, dict)]
    label = m.get("label")
    head = [f'<span class="sender">{_e(m.get("sender") or t["unknown_sender"])}</span>']
    if m.get("time"):
        head.append(f'<span class="time">{_e(m.get("time"))}</span>')
    if m.get("level"):
        head.append(_badge(m.get("level"), m.get("risk"), lang))
    if label in LABEL_NAMES[lang]:
        head.append(f'<span class="tag">{_e(LABEL_NAMES[lang][label])}</span>')
    if m.get("id"):
        head.append(f'<code class="msg-id">{_e(m.get("id"))}</code>')
    why = []
    for f in flags:
        fid = str(f.get("id", ""))
        sev = f.get("severity") or FLAG_SEVERITY.get(fid, "low")
        ev = f' <q>{_e(f.get("evidence"))}</q>' if f.get("evidence") else ""
        expl = f' — {_e(f.get("explanation"))}' if f.get("explanation") else ""
        why.append(f'<li><span class="badge {_e(_level(sev))}">{_e(t["severity"].get(sev, sev))}</span> '
                   f'<b>{_e(flag_name(fid, lang))}</b>{ev}{expl}</li>')
    why_html = f'<ul class="why">{"".join(why)}</ul>' if why else ""
    return (f'<li class="msg"><div class="msg-head">{"".join(head)}</div>'
            f'<p class="msg-text">{highlight(m.get("text") or "", flags, lang)}</p>{why_html}</li>')


def _conversation(rank: int, c: dict, lang: str) -> str:
    t = TEXT[lang]
    level = _level(c.get("level"))
    label = c.get("label")
    name = c.get("conversation") or t["no_name"]
    head = (f'<div class="card-head"><h3><span class="rank">#{rank}</span> {_e(name)}</h3>'
            f'{_badge(level, c.get("risk"), lang)}'
            + (f'<span class="tag">{_e(LABEL_NAMES[lang][label])}</span>' if label in LABEL_NAMES[lang] else "")
            + "</div>")
    times = " – ".join(_e(x) for x in (c.get("first_time"), c.get("last_time")) if x)
    facts = [f'<span>{_e(t["file"])}{t["colon"]}<code>{_e(c.get("file"))}</code></span>']
    if times:
        facts.append(f'<span>{_e(t["time"])}{t["colon"]}{times}</span>')
    sep = " " if lang == "en" else ""
    facts.append(f'<span>{_int(c.get("messages"))}{sep}{_e(t["messages"])}{t["comma"]}'
                 f'{_int(c.get("flagged"))}{sep}{_e(t["flagged"])}</span>')
    parts = [f'<article class="card level-{level}" data-risk="{_float(c.get("risk")):.4f}">', head,
             f'<p class="facts">{"".join(facts)}</p>']
    patterns = [p for p in (c.get("patterns") or []) if p]
    if patterns:
        parts.append(f'<h4>{_e(t["patterns"])}</h4><ul class="patterns">'
                     + "".join(f"<li>{_e(p)}</li>" for p in patterns) + "</ul>")
    top = [m for m in (c.get("top") or []) if isinstance(m, dict)]
    if top:
        parts.append(f'<h4>{_e(t["flagged_messages"])}</h4><ul class="msgs">'
                     + "".join(_message(m, lang) for m in top) + "</ul>")
    parts.append("</article>")
    return "".join(parts)


def render_html(report: dict, lang: str = "zh") -> str:
    """The whole report as one self-contained HTML document (no network, no script)."""
    lang = check_lang(lang)
    t = TEXT[lang]
    report = report or {}
    summary = report.get("summary") or {}
    title = report.get("title") or t["title"]
    if lang == "en" and title == TEXT["zh"]["title"]:
        title = t["title"]
    out = ['<!DOCTYPE html>', f'<html lang="{t["lang"]}"><head><meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>"]

    # Header
    inputs = report.get("inputs") or []
    if isinstance(inputs, str):
        inputs = [inputs]
    out.append(f'<header><h1>{_e(title)}</h1>')
    if report.get("generated"):
        out.append(f'<p class="meta">{_e(t["generated"])}{t["colon"]}{_e(report.get("generated"))}</p>')
    if inputs:
        out.append(f'<p class="meta">{_e(t["inputs"])}{t["colon"]}'
                   + t["list"].join(f"<code>{_e(i)}</code>" for i in inputs) + "</p>")
    if report.get("redacted", True):
        out.append(f'<p class="note">{_e(t["redacted"])}</p>')
    else:
        out.append(f'<p class="note warn">{_e(t["not_redacted"])}</p>')
    out.append('<ul class="stats">'
               + _stat(summary.get("rows_read"), t["rows_read"])
               + _stat(summary.get("rows_scanned"), t["rows_scanned"])
               + _stat(summary.get("rows_skipped"), t["rows_skipped"])
               + _stat(summary.get("non_text"), t["non_text"])
               + _stat(summary.get("conversations"), t["conversations_n"]) + "</ul></header>")

    # Summary
    labels = summary.get("labels") or {}
    levels = summary.get("levels") or {}
    out.append(f'<section id="summary"><h2>{_e(t["summary"])}</h2>')
    out.append(f'<h4>{_e(t["by_label"])}</h4><ul class="stats labels">'
               + "".join(_stat(labels.get(k), LABEL_NAMES[lang][k], k) for k in LABELS) + "</ul>")
    out.append(f'<h4>{_e(t["by_level"])}</h4><ul class="stats levels">'
               + "".join(_stat(levels.get(k), LEVEL_NAMES[lang][k], k) for k in LEVELS) + "</ul>")
    out.append(f'<h4>{_e(t["flags"])}</h4><div class="panel">{flag_chart(summary.get("flags"), lang)}</div>'
               "</section>")

    # Conversations, riskiest first (the runner ranks them; a stable sort keeps its order among ties)
    convs = [c for c in (report.get("conversations") or []) if isinstance(c, dict)]
    convs = sorted(convs, key=lambda c: -_float(c.get("risk")))
    out.append(f'<section id="conversations"><h2>{_e(t["risky"])}</h2>')
    if convs:
        total = _int(summary.get("conversations"))
        if total > len(convs):
            out.append(f'<p class="muted">{_e(t["shown"].format(n=len(convs)))}</p>')
        out.extend(_conversation(i, c, lang) for i, c in enumerate(convs, 1))
    else:
        out.append(f'<p class="muted">{_e(t["no_conversations"])}</p>')
    out.append("</section>")

    # Skipped rows
    errors = [e for e in (summary.get("errors") or []) if isinstance(e, dict)]
    skipped = max(_int(summary.get("rows_skipped")), len(errors))
    out.append(f'<section id="skipped"><h2>{_e(t["skipped"])}</h2>')
    if errors:
        note = f' <span class="muted">{_e(t["skipped_note"].format(n=len(errors), total=skipped))}</span>' \
            if skipped > len(errors) else ""
        items = "".join(
            f'<li><code>{_e(e.get("file"))}:{_int(e.get("line"))}</code> {_e(e.get("reason"))}</li>'
            for e in errors)
        out.append(f'<details><summary>{_e(t["skipped"])}{t["colon"]}{skipped}{note}</summary>'
                   f"<ul>{items}</ul></details>")
    else:
        msg = t["no_skipped"] if not skipped else f'{t["skipped"]}{t["colon"]}{skipped}'
        out.append(f'<p class="muted">{_e(msg)}</p>')
    out.append("</section>")

    # Advice per label
    advice = report.get("advice") or {}
    out.append(f'<section id="advice"><h2>{_e(t["advice"])}</h2><div class="advice">')
    for k in LABELS:
        text = advice.get(k) or LABEL_ADVICE[lang][k]
        out.append(f'<div class="advice-{k}"><h3>{_e(LABEL_NAMES[lang][k])}</h3><p>{_e(text)}</p></div>')
    out.append("</div></section>")
    out.append(f'<footer>{_e(t["footer"])}</footer></main></body></html>')
    return "\n".join(out)
