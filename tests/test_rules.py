"""Every rule case: exact evidence spans, hard negatives, signals.

Cases live in ``data/rule_cases/<flag or signal id>.jsonl``, one JSON object a
line: ``text``; ``expect`` (list of ``{"id", "evidence"}`` that must fire
with exactly that evidence); ``forbid`` (flag ids that must not fire);
``signals`` / ``forbid_signals``; ``tags`` (``obfuscated``,
``traditional``); ``note``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import rule_cases
from spec_shapes import check_score_json
from verifier import score
from verifier.contract import FLAG_IDS, SIGNALS

CASES = rule_cases()


def _id(case: dict) -> str:
    return f"{case['_where']}:{case['text'][:16]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rules_case(case: dict) -> None:
    text = case["text"]
    result = score(text)
    check_score_json(result.to_dict())   # the exact `verifier score --json` output
    for flag in result.flags:
        assert text[flag.start:flag.end] == flag.evidence
    got = {(f.id, f.evidence) for f in result.flags}
    fired = {f.id for f in result.flags}
    for want in case.get("expect", []):
        assert (want["id"], want["evidence"]) in got, f"missing {want}; got {sorted(got)}"
    for fid in case.get("forbid", []):
        assert fid not in fired, f"{fid} must not fire; got {sorted(got)}"
    for sig in case.get("signals", []):
        assert sig in result.signals, f"signal {sig} missing; got {result.signals} flags {sorted(fired)}"
    for sig in case.get("forbid_signals", []):
        assert sig not in result.signals, f"signal {sig} must not be given"


def _counts():
    pos, neg, obf, trad = Counter(), Counter(), Counter(), Counter()
    for c in CASES:
        ids = {w["id"] for w in c.get("expect", [])} | set(c.get("signals", []))
        for i in ids:
            pos[i] += 1
            if "obfuscated" in c.get("tags", []):
                obf[i] += 1
            if "traditional" in c.get("tags", []):
                trad[i] += 1
        for i in set(c.get("forbid", [])) | set(c.get("forbid_signals", [])):
            neg[i] += 1
    return pos, neg, obf, trad


@pytest.mark.parametrize("flag_id", FLAG_IDS)
def test_rules_every_flag_has_enough_cases(flag_id: str) -> None:
    pos, neg, obf, trad = _counts()
    assert pos[flag_id] >= 8, f"{flag_id}: {pos[flag_id]} positive cases"
    assert obf[flag_id] >= 3, f"{flag_id}: {obf[flag_id]} obfuscated positives"
    assert trad[flag_id] >= 1, f"{flag_id}: {trad[flag_id]} traditional positives"
    assert neg[flag_id] >= 5, f"{flag_id}: {neg[flag_id]} hard negatives"


@pytest.mark.parametrize("signal", SIGNALS)
def test_rules_every_signal_has_enough_cases(signal: str) -> None:
    pos, neg, _, _ = _counts()
    assert pos[signal] >= 5 and neg[signal] >= 5, (signal, pos[signal], neg[signal])


def test_rules_case_files_name_real_ids() -> None:
    known = set(FLAG_IDS) | set(SIGNALS)
    for c in CASES:
        ids = {w["id"] for w in c.get("expect", [])} | set(c.get("forbid", []))
        ids |= set(c.get("signals", [])) | set(c.get("forbid_signals", []))
        assert ids <= known, (c["_where"], ids - known)


@pytest.mark.parametrize("host,lookalike", [
    ("cmbchlna.com", True), ("cmbchiina.com", True), ("cmbhina.com", True),          # one substitution, insertion, deletion
    ("duxiaomam.cn", True), ("duxiaoma.cn", True), ("duxiaomaan.cn", True),
    ("cmbxhlna.com", False), ("duxiaomxm.cn", False), ("xiaoming.com", False),     # two edits, or nothing like a name
])
def test_rule_suspicious_link_lookalike_is_one_edit_from_an_official_name(host: str, lookalike: bool) -> None:
    from verifier.rules.links import _brand_misuse

    assert _brand_misuse(host) is lookalike


def test_rule_suspicious_link_lookalike_index_agrees_with_one_edit() -> None:
    """``_lookalike`` (lookups in a one-edit index) says the same as ``_one_edit`` against every target."""
    import random

    from verifier.rules.links import _lookalike, _lookalike_targets, _one_edit

    targets = sorted(_lookalike_targets())
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789-"
    pieces = set(targets)
    for t in targets:
        for i in range(len(t) + 1):
            pieces.add(t[:i] + t[i + 1:])                       # deletions
            pieces.add(t[:i] + rng.choice(letters) + t[i:])     # insertions
            pieces.add(t[:i] + rng.choice(letters) + t[i + 1:])  # substitutions (or an insertion at the end)
            pieces.add(t[:i] + rng.choice(letters) + rng.choice(letters) + t[i + 2:])   # two edits
    pieces = {p for p in pieces if len(p) >= 5}
    assert len(pieces) > 500
    for p in sorted(pieces):
        assert _lookalike(p) is any(_one_edit(p, t) for t in targets), p


def _random_texts(alphabet: str, n: int = 400) -> list[str]:
    import random

    rng = random.Random(0)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300))) for _ in range(n)]


def test_rule_clause_and_sentence_bounds_agree_with_a_bisection_of_every_stop() -> None:
    """``Doc.clause``/``Doc.sentence`` (stops found within the reach) give the bounds a bisection of the
    list of every stop's end gives, for hits anywhere: empty ones, ones on or next to a stop, at either end."""
    import random
    import re
    from bisect import bisect_right

    from verifier.normalise import normalise
    from verifier.rules.base import CLAUSE_REACH, SENTENCE_REACH, Doc

    def reference(text: str, stops: str, reach: int, start: int, end: int) -> tuple[int, int]:
        ends = [m.end() for m in re.finditer(stops, text)]
        k = bisect_right(ends, start)
        lo = ends[k - 1] if k else 0
        k2 = bisect_right(ends, max(start, end - 1))
        hi = ends[k2] if k2 < len(ends) else len(text)
        return max(lo, start - reach), min(hi, end + reach)

    rng = random.Random(1)
    for text in _random_texts("ab还款，,;；:：。！？!?\n" + "x" * 6):
        doc = Doc(normalise(text))
        text = doc.plain   # the view the bounds are read on
        for _ in range(20):
            start = rng.randrange(0, len(text) + 1)
            end = min(len(text), start + rng.randrange(0, 12))
            assert doc.clause(start, end) == reference(text, r"[,，;；:：。！？!?\n]", CLAUSE_REACH, start, end)
            assert doc.sentence(start, end) == reference(text, r"[。！？!?\n;；]", SENTENCE_REACH, start, end)


def test_rule_around_and_sentence_around_agree_with_a_walk_over_every_stop() -> None:
    """``payment.around`` and ``offers.sentence_around`` (one backward match for the last stop) cut the
    same text as walking every stop of the stretch before the hit."""
    import random
    import re

    from verifier.rules.offers import sentence_around
    from verifier.rules.payment import CLAUSE_STOP, SENTENCE_STOP, around

    def around_ref(text: str, s: int, e: int, stop: str, reach: int) -> tuple[str, str]:
        before = text[max(0, s - reach):s]
        last = None
        for last in re.finditer(stop, before):
            pass
        if last is not None:
            before = before[last.end():]
        after = text[e:e + reach]
        m = re.search(stop, after)
        return before, (after[:m.start()] if m else after)

    def sentence_ref(text: str, s: int, e: int, reach: int) -> str:
        lo = max(0, s - reach)
        m = None
        for m in re.finditer("[。！？!?\\n]", text[lo:s]):
            pass
        if m is not None:
            lo += m.end()
        hi_m = re.search("[。！？!?\\n]", text[e:e + reach])
        return text[lo:e + hi_m.start() if hi_m else min(len(text), e + reach)]

    rng = random.Random(2)
    for text in _random_texts("ab,;:。!?\n；！？" + "x" * 8):
        for _ in range(20):
            s = rng.randrange(0, len(text) + 1)
            e = min(len(text), s + rng.randrange(0, 12))
            for stop, reach in ((CLAUSE_STOP, 60), (SENTENCE_STOP, 80), (CLAUSE_STOP, 5)):
                assert around(text, s, e, stop, reach) == around_ref(text, s, e, stop.pattern, reach)
            for reach in (80, 7):
                assert sentence_around(text, s, e, reach) == sentence_ref(text, s, e, reach)


def test_rule_official_channel_domains_all_hold_a_dot() -> None:
    """``_steers_away`` skips blanking official addresses in a text without a dot: every one has one."""
    from verifier.rules.signals import _DOMAINS, _steers_away

    assert _DOMAINS and all("." in d for d in _DOMAINS)
    assert _steers_away("加我微信处理") and not _steers_away("登录alipay.com还款")
