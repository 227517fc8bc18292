"""The segmenter: private instance, user dictionary, offsets, picklable tokens."""

from __future__ import annotations

import pickle

import pytest

from verifier import segment


@pytest.mark.parametrize("word", ["停息挂账", "征信修复", "爆通讯录", "二次分期", "结清证明", "安全账户"])
def test_segment_user_dictionary_keeps_domain_words(word: str) -> None:
    assert word in segment.cut(f"他说可以办{word}的事情")


def test_segment_offsets_index_the_text() -> None:
    text = "请出具结清证明 和 还款协议"
    for w, s, e in segment.cut_with_offsets(text):
        assert text[s:e] == w


def test_segment_tokens_fold_obfuscation_first() -> None:
    from verifier import features

    assert "征信修复" in features.words("徵 信 修 復找我")


def test_segment_tokens_is_picklable_module_function() -> None:
    from verifier import features

    assert pickle.loads(pickle.dumps(features.words)) is features.words
    assert pickle.loads(pickle.dumps(features.fold)) is features.fold


def test_segment_uses_a_private_tokenizer() -> None:
    import rjieba

    assert segment.tokenizer() is not rjieba._DEFAULT_JIEBA
    assert not rjieba.has_word("爆通讯录") or segment.tokenizer().has_word("爆通讯录")


def test_segment_engine_version_is_recorded() -> None:
    assert segment.engine_version().startswith("rjieba ")


def test_segment_cut_drops_exactly_the_whitespace_words() -> None:
    """``cut`` skips its filter on a text without whitespace; with or without it, the words are the
    engine's words minus the whitespace ones (every str.isspace character included)."""
    from verifier import corpus
    from verifier.segment import cut, tokenizer

    spaces = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    texts = [r["text"] for r in corpus.load()[::11]] + [f"还款{c}逾期 本金" for c in spaces] + ["", " ", "\u3000\u3000"]
    for text in texts:
        words = cut(text)
        assert words == [w for w in tokenizer().cut(text, True) if not w.isspace()], text
        assert not any(w.isspace() for w in words)


def test_segment_cut_flat_equals_cutting_each_text() -> None:
    """One call over joined texts gives each text's own words: on the corpus (folded, in blocks as a batch
    scores them), with texts that end or start in white space, word characters or the separator itself."""
    from verifier import corpus
    from verifier.normalise import normalise
    from verifier.segment import cut, cut_flat

    folded = [normalise(r["text"]).text for r in corpus.load()]
    edges = ["", " ", "abc", "12", "还款", "\r", "\n还款", "a.", "%", "支付宝\x00客服", "\x00", "ok\r", "\nok"]
    blocks = [folded[i:i + 500] for i in range(0, len(folded), 500)] + [edges, edges[:9], edges[9:], [], ["还款"]]
    for texts in blocks:
        flat, lengths = cut_flat(texts)
        expected = [cut(t) for t in texts]
        assert lengths == [len(w) for w in expected]
        assert flat == [w for ws in expected for w in ws]


def test_batchtext_joins_only_texts_free_of_the_separator() -> None:
    from verifier.batchtext import SEP, joined

    assert joined(["征信", "", "修复"]) == f"征信{SEP}{SEP}修复"
    assert joined(["征信"]) == "征信"
    assert joined(["征信", f"修{SEP}复"]) is None      # a text holds it: each text is read alone
    assert joined([]) is None
