"""The normaliser: folds, and spans that map back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.normalise import normalise, trie_regex, variant_table

FOLDS = [
    # (original, folded text)
    ("ＶＸ：ａｂｃ１２３", "微信:abc123"),            # full-width → ASCII, then a variant
    ("徵信修復，花戶變白戶。", "征信修复,花户变白户。"),  # traditional → simplified
    ("帳戶", "账户"),                               # OpenCC gives 帐户; our char table finishes it
    ("征 信修复", "征信修复"),                       # a space between CJK characters
    ("征⭐信⭐异⭐议", "征信异议"),                    # symbols between CJK characters
    ("信\u200b用\u200b修\u200b复", "信用修复"),       # zero-width characters
    ("征，信，修，复", "征信修复"),                   # a letter-spaced run
    ("你好，我想问一下", "你好,我想问一下"),           # ordinary commas stay
    ("停xi挂zhang", "停息挂账"),                     # pinyin inside a key word
    ("加V信", "加微信"),
    ("加薇信", "加微信"),
    ("上🚢陪跑", "上岸陪跑"),                        # emoji variant
    ("加我微信吧", "加我微信吧"),                     # already canonical
    ("wx看看", "wx看看"),                           # ambiguous without a debt cue
    ("欠款加wx", "欠款加微信"),                      # ...applied next to one
    ("vxyz", "vxyz"),                               # letters around: not a variant
    ("请拨打９５１８８", "请拨打95188"),
]


@pytest.mark.parametrize("original,folded", FOLDS, ids=[f[0] for f in FOLDS])
def test_normalise_folds(original: str, folded: str) -> None:
    assert normalise(original).text == folded


def test_normalise_digits_view_is_same_length() -> None:
    n = normalise("打我手机一三八 零零零零 一二三四，壹万元，幺八六")
    assert len(n.digits) == len(n.text)
    assert "138" in n.digits and "186" in n.digits


def test_normalise_counts_format_characters() -> None:
    assert normalise("转\u200b到\u200c我\u200d卡").removed_format_chars == 3


@pytest.mark.parametrize("original,needle,evidence", [
    ("专业征 信修复", "征信修复", "征 信修复"),
    ("快加V信聊", "加微信", "加V信"),
    ("停xi挂zhang专业代办", "停息挂账专业", "停xi挂zhang专业"),
    ("转\u200b到\u200b我\u200b卡", "转到我卡", "转\u200b到\u200b我\u200b卡"),
    ("我是徵信中心的", "征信中心", "徵信中心"),
])
def test_normalise_span_maps_back_to_original(original: str, needle: str, evidence: str) -> None:
    n = normalise(original)
    i = n.text.index(needle)
    s, e = n.span(i, i + len(needle))
    assert original[s:e] == evidence


def test_normalise_empty_and_all_deleted() -> None:
    assert normalise("").text == ""
    n = normalise("\u200b\u200b")
    assert n.text == "" and n.span(0, 0) == (2, 2)


def test_normalise_lone_surrogate_is_kept_in_the_original() -> None:
    n = normalise("abc\ud800def")
    assert len(n.plain) == 7 and n.plain[3] == "\ufffd"


def test_normalise_variant_table_has_no_single_chinese_character() -> None:
    for variant, (canonical, _) in variant_table().items():
        assert not (len(variant) == 1 and "\u4e00" <= variant <= "\u9fff"), variant


def test_normalise_trie_regex_matches_longest() -> None:
    import re

    rx = re.compile(trie_regex(["ab", "abc", "b"]))
    assert [m.group() for m in rx.finditer("abcab b")] == ["abc", "ab", "b"]


# ------------------------------------------------------------- the batch form
def _views(n) -> tuple:
    return (n.original, n.plain, n.text, n.digits, n.removed_format_chars,
            [n.span(s, e) for s in range(len(n.text) + 1) for e in (s, s + 1, len(n.text))])


def test_normalise_many_equals_normalise_on_the_folds_and_the_corpus() -> None:
    from verifier import corpus
    from verifier.normalise import BATCH_MIN, normalise_many

    texts = [o for o, _ in FOLDS] + [r["text"] for r in corpus.load()[::7]]
    assert len(texts) > BATCH_MIN
    batch = normalise_many(texts)
    assert [n.text for n in batch][:len(FOLDS)] == [f for _, f in FOLDS]
    assert [_views(n) for n in batch] == [_views(normalise(t)) for t in texts]


def test_normalise_many_keeps_surrogates_astral_and_empty_texts_apart() -> None:
    from verifier.normalise import BATCH_MIN, normalise_many

    texts = ["", "\ud800", "𠀀徵信\U0001f600", "ＡＢ\u200b", "", "\udfff帳\ud83d", "加V信"] * BATCH_MIN
    assert [_views(n) for n in normalise_many(texts)] == [_views(normalise(t)) for t in texts]
    assert normalise_many(texts[:2]) and [n.plain for n in normalise_many(texts[:2])] == ["", "\ufffd"]


@given(st.lists(st.text(max_size=30), min_size=0, max_size=40))
@settings(max_examples=60, deadline=None)
def test_normalise_many_equals_normalise_on_any_text(texts: list[str]) -> None:
    from verifier.normalise import normalise_many

    assert [_views(n) for n in normalise_many(texts)] == [_views(normalise(t)) for t in texts]


def test_normalise_many_reads_each_text_alone_at_the_joins() -> None:
    """The batch finds which texts each pass can touch in one search over the joined texts: a pattern
    that would match across the join (a separator between the last CJK character of one text and the
    first of the next, a letter-spaced run, a variant split in two) must not, and a cue of one text must
    not count for its neighbour."""
    from verifier.normalise import BATCH_MIN, normalise_many

    texts = ["征 信", " 修复", "征，信，", "修，复", "花", "呗 逾期", "卫", "星 你", "逾期了", "卫星", "HB", "逾期",
             "加V", "信", "\x00征 信", "征 信\x00", "", "征 信"]
    assert len(texts) >= BATCH_MIN
    batch = normalise_many(texts)
    assert [_views(n) for n in batch] == [_views(normalise(t)) for t in texts]
    assert batch[0].text == "征信" and batch[1].text == " 修复" and batch[9].text == "卫星"


# ------------------------------------------- the batch's screens (Hyperscan or re)
@pytest.fixture(params=["hyperscan", "re"])
def screens(request, monkeypatch):
    """Run a test with the Hyperscan screens and again with the ``re`` searches they stand in for."""
    from verifier import normalise as nm

    if request.param == "hyperscan":
        pytest.importorskip("hyperscan")
        assert nm._screens() is not None
    else:
        monkeypatch.setattr(nm, "_screens", lambda: None)
    return request.param


def test_normalise_many_equals_normalise_on_the_whole_corpus(screens) -> None:
    from verifier import corpus
    from verifier.normalise import normalise_many

    texts = [r["text"] for r in corpus.load()]
    for i in range(0, len(texts), 1000):
        block = texts[i:i + 1000]
        assert [_views(n) for n in normalise_many(block)] == [_views(normalise(t)) for t in block]


def test_normalise_many_with_either_screen_at_the_joins_and_the_separator(screens) -> None:
    from verifier.normalise import BATCH_MIN, normalise_many

    texts = ["征，信，修", "复", "你好征，信，修", "征 信", "一\x00二", "\x00", "加V", "信", "你好", "上🚢", "wx",
             "逾期", "\u200b", "征·信·修·复", "零一二三四五六七八九"]
    assert len(texts) >= BATCH_MIN
    for batch in (texts, [t for t in texts if "\x00" not in t]):
        assert [_views(n) for n in normalise_many(batch)] == [_views(normalise(t)) for t in batch]


def _exact_screens(texts: list[str]) -> tuple[set[int], set[int]]:
    """The texts in which a pattern of pass 1, and one of pass 2, matches (the searches ``re`` does)."""
    from verifier import normalise as nm

    first = (nm._DELETE_RE, nm._SPACED_RUN_RE, nm._variant_re(True))
    return ({k for k, t in enumerate(texts) if any(rx.search(t) for rx in first)},
            {k for k, t in enumerate(texts) if nm._variant_re(False).search(t)})


def _check_superset(texts: list[str]) -> None:
    from verifier import normalise as nm

    screens = nm._screens()
    for stage in (texts, [nm._pass1(t)[0] for t in texts]):   # pass 2 also reads pass 1's output
        found = screens.touched(stage, (1, 2))
        if any(nm._SEP in t for t in stage):
            assert found is None
            continue
        exact = _exact_screens(stage)
        assert found[0] >= exact[0] and found[1] >= exact[1], (stage, exact, found)


def test_normalise_screens_find_every_text_a_pass_changes_at_the_joins() -> None:
    """Each match belongs to the text of its last byte: a spaced run at the end of a text ends on the
    separator, which counts for the text before it, not the next."""
    pytest.importorskip("hyperscan")
    from verifier.normalise import _pass0, _screens, variant_table

    texts = ["征，信，修", "你好", "征，信，修", "a征，信，修", "征，信，修!", "好征，信，修", "\u200b", "x", "上🚢"]
    # not 好征，信，修: a letter-spaced run starts at the edge of the text or after a character that is not CJK
    assert _screens().touched(texts, (1,)) == [{0, 2, 3, 4, 6, 8}]
    _check_superset(texts)
    _check_superset([_pass0(v) for v in variant_table()])
    _check_superset(["a\x00b", "征 信"])


_SCREEN_CHARS = "征信修复加微威卫星欠款逾期你好一二零vVxXwWqQhHbB ,，。·*-_/|~:!?🚢➕+❤\u200b\u3000a\n"


@given(st.lists(st.text(alphabet=_SCREEN_CHARS, max_size=12), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_normalise_screens_are_a_superset_of_the_re_searches(texts: list[str]) -> None:
    pytest.importorskip("hyperscan")
    from verifier.normalise import _pass0

    _check_superset([_pass0(t) for t in texts])


def test_normalise_screens_are_cached_and_optional(tmp_path, monkeypatch) -> None:
    """The databases are written to the cache directory, read back from there (a damaged file is
    compiled again), and without Hyperscan the batch uses the ``re`` searches."""
    import sys

    pytest.importorskip("hyperscan")
    from verifier import normalise as nm

    texts = ["征 信修复", "加v信", "你好", "\u200b转账"]   # as pass 0 leaves them
    monkeypatch.setenv("VERIFIER_CACHE_DIR", str(tmp_path))
    built = nm._Screens()
    files = list(tmp_path.glob("normalise-screens-*.hsdb"))
    assert len(files) == 1
    assert nm._Screens().touched(texts, (1, 2)) == built.touched(texts, (1, 2)) == [{0, 3}, {1}]
    files[0].write_bytes(b"damaged")
    assert nm._Screens().touched(texts, (1, 2)) == [{0, 3}, {1}]

    monkeypatch.setitem(sys.modules, "hyperscan", None)   # import hyperscan fails
    assert nm._screens.__wrapped__() is None
    monkeypatch.setattr(nm, "_screens", nm._screens.__wrapped__)
    texts *= nm.BATCH_MIN
    assert [_views(n) for n in nm.normalise_many(texts)] == [_views(normalise(t)) for t in texts]


def test_normalise_many_digit_view_at_the_joins_and_the_separator() -> None:
    from verifier.normalise import BATCH_MIN, _lut

    texts = ["一", "", "二三", "abc", "𠀀一", "\U0001e00a", "零\x00九", "九"] * BATCH_MIN
    from verifier.normalise import DIGIT_TABLE

    for batch in (texts, [t for t in texts if "\x00" not in t]):
        assert _lut().digits(batch) == [t.translate(DIGIT_TABLE) for t in batch]
        assert _lut().fold(batch) == [normalise(t).plain for t in batch]
