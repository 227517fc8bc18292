"""The HTML report of ``verifier scan`` (verifier/scan/html.py): unit tests and one headless-browser test."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verifier.messages import LABEL_NAMES, LEVEL_NAMES
from verifier.scan.html import FLAG_NAMES, FLAG_SEVERITY, render_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
HOSTILE = '<script>alert("x&y")</script> \'单引号\' "双引号" & AT&T'


def _flag(text: str, fid: str, evidence: str, severity: str, explanation: str) -> dict:
    start = text.index(evidence)
    return {"id": fid, "severity": severity, "start": start, "end": start + len(evidence),
            "evidence": evidence, "explanation": explanation}


def _msg(mid: str, time: str, sender: str, text: str, label: str, level: str, risk: float, flags) -> dict:
    return {"id": mid, "time": time, "sender": sender, "text": text, "label": label, "level": level,
            "risk": risk, "flags": [_flag(text, *f) for f in flags]}


T1 = "先转3000元到我个人卡上，剩下的我帮您申请免掉"
T2 = "加我微信wx_138****0000，我是支付宝官方客服，帮您全免利息"
T3 = "今天不还就爆你通讯录，让你全家知道 " + HOSTILE
T4 = "【花呗】您的账单已逾期3天，请登录支付宝App还款，逾期可能影响征信"
T5 = "点击 http://evil.example/pay?a=1&b=2 领取减免"


def sample_report() -> dict:
    """A report as the runner builds it; the conversations deliberately NOT in risk order."""
    return {
        "title": "聊天记录风险扫描报告", "generated": "2026-12-01 10:20:00",
        "inputs": ["examples/exports", "备份/聊天 & 短信.csv"], "redacted": True,
        "summary": {
            "rows_read": 1234, "rows_scanned": 1100, "rows_skipped": 3, "non_text": 131, "conversations": 12,
            "labels": {"scam": 20, "abusive": 7, "collection": 40, "normal": 1033},
            "levels": {"high": 25, "medium": 5, "low": 1070},
            "flags": {"personal_account_transfer": 6, "verbal_only_waiver": 4, "threat_or_harassment": 3,
                      "off_platform_contact": 5, "impersonation": 2, "too_good_offer": 2,
                      "suspicious_link": 1, "urgent_pressure": 9, "credit_repair": 0},
            "errors": [{"file": "a.csv", "line": 17, "reason": "unclosed quote"},
                       {"file": "b<x>.csv", "line": 3, "reason": HOSTILE}],
        },
        "conversations": [
            {"file": "sms.xml", "conversation": "95188", "risk": 0.05, "label": "collection", "level": "low",
             "messages": 40, "flagged": 0, "first_time": "2024-01-01 08:00:00",
             "last_time": "2024-03-01 08:00:00", "patterns": [], "top": []},
            {"file": "qq.txt", "conversation": "催收-" + HOSTILE, "risk": 0.81, "label": "abusive",
             "level": "high", "messages": 12, "flagged": 2, "first_time": "2024-02-01 20:00:00",
             "last_time": "2024-02-02 21:00:00", "patterns": ["从提醒升级到威胁联系家人 " + HOSTILE],
             "top": [
                 _msg("qq.txt:7", "2024-02-02 21:00:00", "催收员 " + HOSTILE, T3, "abusive", "high", 0.81,
                      [("threat_or_harassment", "爆你通讯录", "high", "威胁联系你的通讯录 " + HOSTILE)]),
                 _msg("qq.txt:9", "2024-02-02 21:05:00", "催收员", T5, "scam", "high", 0.9,
                      [("suspicious_link", "http://evil.example/pay?a=1&b=2", "medium", "非官方链接")]),
             ]},
            {"file": "x.csv", "conversation": "王经理", "risk": 0.97, "label": "scam", "level": "high",
             "messages": 23, "flagged": 2, "first_time": "2024-03-05 09:10:00", "last_time": "2024-03-06 18:00:00",
             "patterns": ["先许诺减免，后要求转到个人账户"],
             "top": [
                 _msg("x.csv:3", "2024-03-05 09:10:00", "王经理", T2, "scam", "high", 0.93,
                      [("off_platform_contact", "加我微信", "medium", "引导到官方渠道以外联系"),
                       ("impersonation", "我是支付宝官方客服", "medium", "冒充官方客服"),
                       ("too_good_offer", "全免利息", "medium", "非官方的过度承诺")]),
                 _msg("x.csv:12", "2024-03-06 18:00:00", "王经理", T1, "scam", "high", 0.96,
                      [("personal_account_transfer", "转3000元到我个人卡上", "high", "要求转到个人卡"),
                       ("verbal_only_waiver", "剩下的我帮您申请免掉", "high", "只有口头承诺的减免"),
                       # overlaps the first one: both must still sit inside a highlight
                       ("urgent_pressure", "先转3000元", "low", "催促立即付款")]),
             ]},
            {"file": "wechat.csv", "conversation": "花呗提醒", "risk": 0.3, "label": "collection",
             "level": "low", "messages": 5, "flagged": 1, "first_time": "2024-03-01 09:00:00",
             "last_time": "2024-03-02 09:00:00", "patterns": [],
             "top": [_msg("wechat.csv:2", "2024-03-01 09:00:00", "花呗", T4, "collection", "low", 0.3,
                          [("urgent_pressure", "逾期可能影响征信", "low", "提醒后果")])]},
        ],
        "advice": {"scam": "不要转账 & 不要给验证码", "abusive": "保存证据", "collection": "走官方渠道",
                   "normal": "未发现风险"},
    }


def empty_report() -> dict:
    return {"title": "聊天记录风险扫描报告", "generated": "2026-12-01 10:20:00", "inputs": ["empty.csv"],
            "redacted": True,
            "summary": {"rows_read": 0, "rows_scanned": 0, "rows_skipped": 0, "non_text": 0, "conversations": 0,
                        "labels": {}, "levels": {}, "flags": {}, "errors": []},
            "conversations": [], "advice": {}}


class Doc(HTMLParser):
    """Collects what the tests look at: highlight texts and titles, card names, attributes, script tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.marks: list[dict] = []          # {"text", "title", "flags"}
        self.cards: list[str] = []           # conversation names, document order
        self.scripts = 0
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._h3 = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "mark" and "hl" in (a.get("class") or "").split():
            self.marks.append({"text": "", "title": a.get("title") or "", "flags": (a.get("data-flags") or "")})
        if tag == "h3" and self.stack and any("card" in (x[1].get("class") or "").split() for x in self.stack):
            self._h3 = []
        self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag == "h3" and self._h3 is not None:
            name = "".join(self._h3).strip()
            self.cards.append(re.sub(r"^#\d+\s*", "", name))
            self._h3 = None

    def handle_data(self, data):
        self.text.append(data)
        if self._h3 is not None:
            self._h3.append(data)
        if any(t == "mark" for t, _ in self.stack):
            self.marks[-1]["text"] += data


def parse(html: str) -> Doc:
    d = Doc()
    d.feed(html)
    d.close()
    return d


def all_flags(report: dict):
    for c in report["conversations"]:
        for m in c["top"]:
            for f in m["flags"]:
                yield m, f


# ---------------------------------------------------------------- unit tests


def test_sample_is_consistent():
    for m, f in all_flags(sample_report()):
        assert m["text"][f["start"]:f["end"]] == f["evidence"]


def test_complete_document():
    html = render_html(sample_report())
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html and html.rstrip().endswith("</html>")
    assert '<meta name="viewport"' in html and "@media (max-width:600px)" in html and "@media print" in html
    assert "<svg" in html and "<style>" in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_evidence_is_highlighted_with_its_explanation(lang):
    report = sample_report()
    doc = parse(render_html(report, lang))
    for m, f in all_flags(report):
        holders = [k for k in doc.marks if f["evidence"] in k["text"]]
        assert holders, f"evidence {f['evidence']!r} of {m['id']} is not inside a highlight"
        assert any(f["explanation"] in k["title"] and f["id"] in k["flags"].split() for k in holders), \
            f"the highlight of {f['evidence']!r} is not titled with its explanation"


def test_highlights_cover_only_evidence():
    doc = parse(render_html(sample_report()))
    # T1: two flags overlap and merge into one highlight; T2: three separate ones
    assert {k["text"] for k in doc.marks} >= {"先转3000元到我个人卡上", "剩下的我帮您申请免掉", "加我微信",
                                              "我是支付宝官方客服", "全免利息", "爆你通讯录"}
    assert all(k["text"] for k in doc.marks)


def test_stale_offsets_fall_back_to_the_evidence():
    report = sample_report()
    f = report["conversations"][2]["top"][0]["flags"][0]
    f["start"], f["end"] = 999, 1005
    doc = parse(render_html(report))
    assert any(k["text"] == "加我微信" for k in doc.marks)


def test_riskiest_conversation_comes_first():
    report = sample_report()
    doc = parse(render_html(report))
    assert doc.cards[0] == "王经理"
    order = sorted(report["conversations"], key=lambda c: -c["risk"])
    assert doc.cards == [c["conversation"] for c in order]


def test_escaping_of_untrusted_text():
    html = render_html(sample_report())
    assert "<script" not in html.lower()
    assert 'alert("' not in html and "AT&T" not in html
    assert "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;" in html
    assert "&#x27;单引号&#x27;" in html and "AT&amp;T" in html
    assert "b&lt;x&gt;.csv:3" in html
    doc = parse(html)
    assert doc.scripts == 0
    text = "".join(doc.text)
    # the hostile strings come back intact as text: in names, senders, messages, patterns, errors, explanations
    assert text.count(HOSTILE) >= 5
    assert any(HOSTILE in k["title"] for k in doc.marks)
    assert "催收-" + HOSTILE in doc.cards


def test_no_network():
    html = render_html(sample_report())
    doc = parse(html)
    for tag, attr, value in doc.attrs:
        if attr in ("src", "href", "srcset", "action", "poster", "data", "xlink:href", "background"):
            v = value.strip().lower()
            assert not v.startswith(("http://", "https://", "//")), f"<{tag} {attr}={value!r}>"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html.lower()
    assert not any(tag in ("link", "img", "iframe", "object", "embed", "script") for tag, _, _ in doc.attrs)
    csp = [v for tag, k, v in doc.attrs if tag == "meta" and k == "content" and "default-src" in v]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
                   "base-uri 'none'"]       # a Content-Security-Policy forbids loading anything
    # the message's link is shown as text, never as a link
    assert "http://evil.example/pay?a=1&amp;b=2" in html and "<a " not in html


def test_header_summary_and_sections():
    html = render_html(sample_report())
    text = "".join(parse(html).text)
    for s in ("聊天记录风险扫描报告", "2026-12-01 10:20:00", "examples/exports", "号码已打码", "1,234", "1,100",
              "读取行数", "跳过的行"):
        assert s in text, s
    for k, v in LABEL_NAMES["zh"].items():
        assert v in text, k
    for k, v in LEVEL_NAMES["zh"].items():
        assert v in text, k
    assert "<details>" in html and "a.csv:17" in text and "unclosed quote" in text
    assert "先许诺减免，后要求转到个人账户" in text
    assert "2024-03-05 09:10:00 – 2024-03-06 18:00:00" in text
    assert "不要转账 & 不要给验证码" in text and "保存证据" in text
    assert text.index("风险最高的会话") < text.index("王经理") < text.index("unclosed quote") < text.index("保存证据")


def test_flag_chart_is_labelled_svg():
    html = render_html(sample_report())
    svg = html[html.index("<svg"):html.rindex("</svg>")]
    assert 'role="img"' in svg and "<title" in svg
    for fid in ("personal_account_transfer", "urgent_pressure", "suspicious_link"):
        assert escape_text(FLAG_NAMES["zh"][fid]) in svg
    assert FLAG_NAMES["zh"]["credit_repair"] not in svg           # zero counts get no bar
    bars = re.findall(r'data-flag="([a-z_]+)"', svg)
    assert bars[0] == "urgent_pressure" and bars[1] == "personal_account_transfer"   # most frequent first
    assert re.search(r'class="sev-high" x="0" y="\d+" width="85\.0%"', svg) is None  # 9 is the top, not 6
    assert re.search(r'class="sev-low" x="0" y="\d+" width="85\.0%"', svg)


def escape_text(s: str) -> str:
    from html import escape

    return escape(s, quote=True)


def test_english():
    html = render_html(sample_report(), lang="en")
    text = "".join(parse(html).text)
    assert '<html lang="en">' in html
    assert "Chat log risk scan report" in text and "numbers redacted" in text and "Riskiest conversations" in text
    for v in list(LABEL_NAMES["en"].values()) + list(LEVEL_NAMES["en"].values()):
        assert v in text
    assert FLAG_NAMES["en"]["personal_account_transfer"] in text
    assert "号码已打码" not in text and "风险最高的会话" not in text


def test_not_redacted_warns():
    report = sample_report()
    report["redacted"] = False
    text = "".join(parse(render_html(report)).text)
    assert "号码已打码" not in text and "未打码" in text


def test_empty_report_renders():
    for lang in ("zh", "en"):
        html = render_html(empty_report(), lang)
        doc = parse(html)
        assert html.rstrip().endswith("</html>") and not doc.cards and not doc.marks
        text = "".join(doc.text)
        assert ("没有需要关注的会话" if lang == "zh" else "No conversation needs attention") in text
        assert ("未发现危险词句" if lang == "zh" else "No dangerous phrase found") in text
    assert "</html>" in render_html({})                     # even a bare dict renders


def test_unknown_language_is_refused():
    with pytest.raises(Exception):
        render_html(sample_report(), lang="fr")


def test_flag_names_follow_readme_and_spec():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("<!-- flag-table:start -->"):readme.index("<!-- flag-table:end -->")]
    rows = dict((fid, (sev, desc.strip())) for fid, sev, desc in
                re.findall(r"^\| `([a-z_]+)` \| (high|medium|low) \| (.+?) \|\s*$", table, re.M))
    assert set(rows) == set(FLAG_SEVERITY) == set(FLAG_NAMES["zh"]) == set(FLAG_NAMES["en"])
    for fid, (sev, desc) in rows.items():
        assert FLAG_SEVERITY[fid] == sev and FLAG_NAMES["zh"][fid] == desc, fid


# ---------------------------------------------------------------- browser test


def _chromium_path() -> str | None:
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


def _chromium(args: list[str], profile: Path, cwd: Path) -> subprocess.CompletedProcess:
    cmd = [_chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "HOME": str(profile)})


def test_report_in_headless_chromium(tmp_path):
    if _chromium_path() is None:
        if os.environ.get("VERIFIER_SKIP_BROWSER") == "1":
            pytest.skip("chromium is not installed and VERIFIER_SKIP_BROWSER=1")
        pytest.fail(f"chromium is not installed ({CHROMIUM} is missing): `make test` installs it "
                    "(apt-get install chromium); or set VERIFIER_SKIP_BROWSER=1 to skip this test")
    report = sample_report()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    url = page.as_uri()

    shot = tmp_path / "report.png"
    r = _chromium([f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars", url],
                  tmp_path / "profile-shot", tmp_path)
    assert shot.exists() and shot.stat().st_size > 1000, f"no screenshot: {r.stderr[-2000:]}"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    r = _chromium(["--dump-dom", url], tmp_path / "profile-dom", tmp_path)
    dom = r.stdout
    assert "</html>" in dom, f"no DOM dumped: {r.stderr[-2000:]}"
    doc = parse(dom)
    assert doc.cards and doc.cards[0] == "王经理"
    assert any(k["text"] == "转3000元到我个人卡上" or "转3000元到我个人卡上" in k["text"] for k in doc.marks)
    assert any("全免利息" == k["text"] for k in doc.marks)
    assert doc.scripts == 0 and "<script" not in dom.lower()   # the hostile text stayed text in the browser
    (tmp_path / "report.dom.html").write_text(dom, encoding="utf-8")
