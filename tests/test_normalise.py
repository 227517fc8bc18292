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
