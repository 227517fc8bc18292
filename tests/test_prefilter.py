"""The engine's speed-ups never change a result.

The prefilter skips a pattern whose needles are absent, long texts are searched
through a scanner regex, and the normaliser builds deletion maps in bulk; each
is checked here against the plain way of doing the same thing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import rule_cases
from verifier.normalise import _DELETE_RE, _delete_matches, _rewrite, normalise
from verifier.rules import CATALOGUE, PREFILTER
from verifier.rules.base import LONG_TEXT, Doc, raw_hits
from verifier.rules.prefilter import needles, scanner

CASES = rule_cases()
TEXTS = [c["text"] for c in CASES]
# One long text made of every case, so that long-text scanning runs on real phrasings.
LONG = "\n".join(TEXTS)


@pytest.mark.parametrize("regex,expected", [
    ("征信修复", {"征信修复"}),
    ("(?:转|打)(?:到|给)我卡", {"转到我卡", "转给我卡", "打到我卡", "打给我卡"}),
    ("验证码[^。]{0,6}(?:发|报)", {"验证码"}),
    ("(?:a|b)?c", {"c"}),
    ("x*", None),                       # can match anything: no needle
    ("(?i)abc", None),                  # case-insensitive literals are not needles
    ("(?<![一-龥])逾期[0-9]{1,3}天", {"逾期"}),
])
def test_prefilter_needles_of_small_patterns(regex: str, expected: set | None) -> None:
    found = needles(regex)
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize("rule", CATALOGUE, ids=[r.id for r in CATALOGUE])
def test_prefilter_every_match_contains_a_needle(rule) -> None:
    for pat in rule.patterns:
        if pat.needles is None:
            continue
        for text in TEXTS:
            view = normalise(text).view(pat.view)
            for m in pat.rx.finditer(view):
                assert any(n in m.group() for n in pat.needles), (rule.id, pat.name, m.group())


def _hits(doc: Doc, use_prefilter: bool) -> list[tuple]:
    candidates = PREFILTER.candidates(doc) if use_prefilter else None
    out = []
    for i, rule in enumerate(CATALOGUE):
        if candidates is not None and i not in candidates:
            continue
        pats = candidates[i] if candidates is not None else None
        out.extend((h.rule.id, h.pattern.name, h.start, h.end) for h in raw_hits(rule, doc, pats))
    return sorted(out)


@pytest.mark.parametrize("text", TEXTS[::3], ids=[c["_where"] for c in CASES[::3]])
def test_prefilter_gives_the_same_hits_as_running_every_pattern(text: str) -> None:
    doc = Doc(normalise(text))
    assert _hits(doc, True) == _hits(doc, False)


def test_prefilter_long_text_scanner_finds_what_finditer_finds() -> None:
    assert len(LONG) >= LONG_TEXT
    doc = Doc(normalise(LONG))
    for rule in CATALOGUE:
        for pat in rule.patterns:
            text = doc.norm.view(pat.view)
            plain = [m.span() for m in pat.rx.finditer(text) if m.end() > m.start()
                     and (pat.head is None or m.start() < pat.head)]
            fast = [m.span() for m in pat.finditer(text) if m.end() > m.start()]
            assert fast == plain, (rule.id, pat.name)


HEADED = [(rule, pat) for rule in CATALOGUE for pat in rule.patterns if pat.head is not None]
GUARDED = [(rule, pat) for rule in CATALOGUE for pat in rule.patterns if pat.guard is not None]


def _views(texts):
    for text in texts:
        yield text, Doc(normalise(text)).norm


def test_prefilter_head_patterns_find_the_matches_finditer_finds_before_the_head() -> None:
    assert HEADED
    texts = TEXTS + ["您好，支付宝客服提醒：请尽快还款", "通知：网商银行贷后部，支付宝客服：", "  【花呗】风控中心：请联系"]
    for text, norm in _views(texts):
        for rule, pat in HEADED:
            view = norm.view(pat.view)
            plain = [m.span() for m in pat.rx.finditer(view) if m.start() < pat.head]
            assert [m.span() for m in pat.finditer(view)] == plain, (rule.id, pat.name, text)


def test_prefilter_head_patterns_are_ones_whose_rule_drops_later_matches() -> None:
    # a match that starts at the head or later is refused by the rule, so not trying it changes nothing
    for rule, pat in HEADED:
        text = "x" * pat.head + " 支付宝客服中心通知："
        m = pat.rx.search(text)
        assert m is not None and m.start() >= pat.head
        assert rule.confirm is not None and not rule.confirm(Doc(normalise(text)), m, pat.name)


def test_prefilter_guards_pass_every_text_their_pattern_matches() -> None:
    assert GUARDED
    matched = 0
    for text, norm in _views(TEXTS + ["立即还款！立即还款！立即还款！", "处理一下处理一下处理一下", "还还还"]):
        for rule, pat in GUARDED:
            view = norm.view(pat.view)
            if pat.rx.search(view) is not None:
                matched += 1
                assert pat.guard(view), (rule.id, pat.name, text)
    assert matched >= 2
    for rule, pat in GUARDED:   # and a guard refuses something, or it would be no test at all
        assert not pat.guard("请尽快还款，谢谢"), (rule.id, pat.name)


def test_prefilter_scanner_starts_with_a_character_class() -> None:
    src = scanner("(?:我们|我)?转(?:到|给)我")
    assert src is not None and src.startswith("[")
    rx, plain = re.compile(src), re.compile("(?:我们|我)?转(?:到|给)我")
    text = "你转给我，我们转到我这里"
    assert [m.start() for m in rx.finditer(text)] == [i for i in range(len(text)) if plain.match(text, i)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("征信修复ab1 *·⭐\u200b\u200d，。")), max_size=80))
def test_normalise_bulk_deletion_map_equals_edit_by_edit(text: str) -> None:
    fast_out, fast_map = _delete_matches(text, _DELETE_RE)
    slow_out, slow_map = _rewrite(text, [(m.start(), m.end(), "") for m in _DELETE_RE.finditer(text)])
    assert fast_out == slow_out
    if slow_map is None:
        assert fast_map is None
        return
    for i in range(len(fast_out)):
        assert fast_map.char_span(i) == slow_map.char_span(i)
    assert fast_map.span(0, len(fast_out)) == slow_map.span(0, len(fast_out))


def test_prefilter_hyperscan_finds_every_pattern_that_matches() -> None:
    """The batch prefilter (Hyperscan in prefilter mode) is a superset of what re matches."""
    from verifier import corpus
    from verifier.rules import batch_prefilter

    hs = batch_prefilter()
    if hs is PREFILTER:
        pytest.skip("Hyperscan cannot be used on this machine: batches use the needle prefilter")
    texts = TEXTS + [r["text"] for r in corpus.load()[::3]]
    for text in texts:
        doc = Doc(normalise(text))
        got = {(ri, p.name) for ri, pats in hs.candidates(doc).items() for p in pats}
        for ri, rule in enumerate(CATALOGUE):
            for pat in rule.patterns:
                if pat.hs is None and pat.head is None:
                    found = pat.rx.search(doc.norm.view(pat.view))
                else:   # its expression only promises the matches the rule keeps
                    found = raw_hits(rule, Doc(normalise(text)), [pat])
                if found:
                    assert (ri, pat.name) in got, (rule.id, pat.name, text[:40])


@pytest.mark.parametrize("text", [
    "【招商银行】您好，加我微信 zs1234 办理停息挂账",                    # a signature opening the SMS
    "办理停息挂账请加微信 zs1234，谢谢【招商银行】\n",                  # … or closing it
    "老婆收到两条\n【招商银行】加我微信 zs1234 办理停息挂账",             # … or a line of a batch
    "\x1c【招商银行】加我微信 zs1234 办理停息挂账",                        # what str.strip counts as space
    "您好，支付宝客服中心通知：加我微信 zs1234 处理逾期",                  # an organisation heading the message
    "您好，　　𠀀𠀀𠀀𠀀𠀀𠀀银行贷后部通知：加我微信 zs1234 处理逾期",         # … far in, after 4-byte characters
    "立即还款！立即还款！立即还款！不然后果自负",
])
def test_prefilter_batch_evaluation_equals_single_at_the_edges(text: str) -> None:
    from verifier.rules import batch_prefilter, evaluate

    one = evaluate(text)
    batch = evaluate(text, batch_prefilter())
    assert one[0], text   # each of these fires something: the test is not vacuous
    if "【" in text or "通知" in text:
        assert "impersonation" in {h.rule.id for h in one[0]}, text
    assert [(h.rule.id, h.start, h.end) for h in one[0]] == [(h.rule.id, h.start, h.end) for h in batch[0]]


@pytest.mark.parametrize("text", TEXTS[1::4], ids=[c["_where"] for c in CASES[1::4]])
def test_prefilter_batch_evaluation_equals_single(text: str) -> None:
    from verifier.rules import batch_prefilter, evaluate

    one = evaluate(text)
    batch = evaluate(text, batch_prefilter())
    assert [(h.rule.id, h.start, h.end) for h in one[0]] == [(h.rule.id, h.start, h.end) for h in batch[0]]
    assert one[1] == batch[1]


@pytest.mark.parametrize("regex,expected", [
    ("a[^。！？\\n]{0,8}b", "a.*b"),               # a gap: any characters
    ("x{1,6}y{2,5}z{3}w{,4}", "x+y{2,}z{3}w*"),    # bounded → unbounded; an exact count stays
    ("\\{0,3\\}[{]{0,1}", "\\{0,3\\}[{]*"),      # escaped braces are literals
    ("[]^a]{0,2}[^]a]", "[]^a]*."),               # ']' first in a class is a literal
    ("[\\]^]", "[\\]^]"),
])
def test_prefilter_hyperscan_expressions_are_loosened(regex: str, expected: str) -> None:
    from verifier.rules.hsfilter import loosened

    assert loosened(regex) == expected
    assert re.compile(expected)   # still a regex


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab。\n{}^", max_size=12))
def test_prefilter_loosened_expression_matches_whatever_the_pattern_matches(text: str) -> None:
    from verifier.rules.hsfilter import loosened

    for regex in ("a[^。\\n]{0,2}b", "(?:ab){1,2}[^b]", "^a{2,3}$", "[^a]{1,2}\\{"):
        if re.search(regex, text):
            assert re.search(loosened(regex), text, re.S), (regex, text)


def test_prefilter_prunes_stale_databases_of_other_rule_versions(tmp_path) -> None:
    import os

    from verifier.rules.hsfilter import STALE_AFTER, prune

    names = ["rules-text-aaaa.hsdb", "rules-text-bbbb.hsdb", "rules-text-cccc.hsdb", "rules-digits-dddd.hsdb",
             "rules-eeee.hsdb", "regex-py311.marshal"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    now = 1_000_000_000.0
    old = now - STALE_AFTER - 60
    for name in ("rules-text-bbbb.hsdb", "rules-digits-dddd.hsdb", "rules-eeee.hsdb", "regex-py311.marshal"):
        os.utime(tmp_path / name, (old, old))
    os.utime(tmp_path / "rules-text-cccc.hsdb", (now - 60, now - 60))     # recent: another checkout's
    os.utime(tmp_path / "rules-text-aaaa.hsdb", (now, now))
    removed = prune(tmp_path / "rules-text-aaaa.hsdb", now=now)
    assert sorted(p.name for p in removed) == ["rules-eeee.hsdb", "rules-text-bbbb.hsdb"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "regex-py311.marshal", "rules-digits-dddd.hsdb", "rules-text-aaaa.hsdb", "rules-text-cccc.hsdb"]


def test_prefilter_long_text_candidates_equal_the_character_pair_sets_of_each_view() -> None:
    from verifier.rules.base import FEW_KEYS, _grams

    texts = [LONG, LONG.replace("一", "壹").replace("\n", "，二三"), "征 信 修 复 " * 600, ("加我v信" + "x" * 40) * 80]
    views_with_few = [v for v, g in PREFILTER.by_gram.items() if len(g) <= FEW_KEYS]
    assert views_with_few and len(views_with_few) < len(PREFILTER.by_gram)   # both ways are exercised
    for text in texts:
        doc = Doc(normalise(text))
        expected = set(PREFILTER.always)
        for view, by_gram in PREFILTER.by_gram.items():
            for key in by_gram.keys() & _grams(doc.norm.view(view)):
                expected.update(by_gram[key])
        got = {(ri, pi) for ri, pats in PREFILTER.candidates(doc).items()
               for pi, p in enumerate(CATALOGUE[ri].patterns) if p in pats}
        assert got == expected, text[:30]


def test_first_chars_and_needles_know_that_backslash_d_is_every_scripts_digits() -> None:
    """``\\d`` in a str pattern matches ٣ (Arabic-Indic) and २ (Devanagari): the scanner must start there
    and the needles must not ask for an ASCII digit."""
    import re

    from verifier.rules.prefilter import _fast, _needles, scanner

    for text in ("٣小时内还款", "२天内处理", "3小时内还款"):
        for regex in (r"\d+(?:小时|天)内", r"(?:\d|十)+(?:小时|天)内"):
            assert re.compile(scanner(regex)).search(text) is not None, (regex, text)
            assert re.compile(_fast(regex)).search(text) is not None, (regex, text)
            found = _needles(regex)
            assert found is None or any(n in text for n in found), (regex, found)


def test_find_links_skipped_only_where_no_link_can_be() -> None:
    """``find_links`` does not look for links the prefilter ruled out: on the corpus and the rule cases,
    with either prefilter's candidates on the document, it finds exactly what a full search finds."""
    from verifier import corpus
    from verifier.rules import batch_prefilter, evaluate
    from verifier.rules.links import _URL_PAT, find_links

    texts = [r["text"] for r in corpus.load()[::3]] + [c["text"] for c in rule_cases()]
    skipped = 0
    for text in texts:
        want = find_links(Doc(normalise(text)))   # no candidates: a full search
        for prefilter in (PREFILTER, batch_prefilter()):
            _, _, doc = evaluate(text, prefilter)
            assert doc.candidates is not None
            skipped += not doc.may_match(_URL_PAT)
            assert find_links(doc) == want, text
    assert skipped > len(texts)   # the URL search was ruled out on most messages, by both prefilters


def test_prefilter_byte_expressions_find_every_match_their_rule_keeps() -> None:
    """An expression read on UTF-8 bytes (``Pat.hs_bytes``), on every corpus text and rule case: the
    first version let ``会?`` apply to the last byte of 会 only, and 银保监工作人员 went unflagged."""
    from verifier import corpus
    from verifier.rules import batch_prefilter

    hs = batch_prefilter()
    if hs is PREFILTER:
        pytest.skip("Hyperscan cannot be used on this machine: batches use the needle prefilter")
    byte_pats = [(ri, pat) for ri, rule in enumerate(CATALOGUE) for pat in rule.patterns if pat.hs_bytes]
    assert byte_pats
    found = 0
    for text in TEXTS + [r["text"] for r in corpus.load()] + ["银保监工作人员,请配合资金核查,加我微信 zs1234"]:
        doc = Doc(normalise(text))
        got = {(ri, p.name) for ri, pats in hs.candidates(doc).items() for p in pats}
        for ri, pat in byte_pats:
            if raw_hits(CATALOGUE[ri], Doc(normalise(text)), [pat]):
                found += 1
                assert (ri, pat.name) in got, (CATALOGUE[ri].id, pat.name, text[:40])
    assert found > 50


@pytest.mark.parametrize("regex,expected", [
    ("银保监会?", "(?:银)(?:保)(?:监)(?:会)?"),         # a quantifier keeps the whole character
    ("^(?s:.){0,8}[,:]\\n", "^(?s:.){0,8}[,:]\\n"),      # ASCII as it is
    ("a[]x]b\\[c", "a[]x]b\\[c"),                     # a class, an escaped bracket
])
def test_prefilter_byte_expressions_group_each_wide_character(regex: str, expected: str) -> None:
    from verifier.rules.hsfilter import on_bytes

    assert on_bytes(regex) == expected


def test_prefilter_byte_expressions_refuse_a_class_of_wide_characters() -> None:
    from verifier.rules.hsfilter import on_bytes

    with pytest.raises(ValueError):
        on_bytes("[银行]")


def test_prefilter_batch_evaluation_equals_single_on_the_whole_corpus() -> None:
    """The batch path (normalise_many, Hyperscan, blocks of 1,000) and the single path (normalise, the
    needle prefilter) give the same flags, spans and signals on every corpus text."""
    from verifier import corpus
    from verifier.rules import batch_prefilter, evaluate, evaluate_many

    texts = [r["text"] for r in corpus.load()]
    prefilter = batch_prefilter()
    for i in range(0, len(texts), 1000):
        block = texts[i:i + 1000]
        for text, (hits, signals, _) in zip(block, evaluate_many(block, prefilter)):
            one, one_signals, _ = evaluate(text)
            assert [(h.rule.id, h.start, h.end) for h in hits] == [(h.rule.id, h.start, h.end) for h in one], text
            assert signals == one_signals, text


def test_prefilter_shipped_analysis_cache_is_current() -> None:
    """``data/prefilter.json`` holds what a fresh analysis of today's patterns writes (a stale file only
    costs start-up time, so nothing else would notice): rewrite it with ``python -m verifier.rules.prefilter``."""
    from pathlib import Path

    from verifier.rules.prefilter import cache_path, fresh_cache_text

    shipped = Path(str(cache_path())).read_text(encoding="utf-8")
    assert shipped == fresh_cache_text(), "data/prefilter.json is stale: run python -m verifier.rules.prefilter"
