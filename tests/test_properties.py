"""Property-based tests: arbitrary Unicode never breaks the normaliser or score()."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier import score
from verifier.normalise import normalise

# Text drawn from the whole of Unicode (surrogates included), plus text biased
# to the characters the normaliser rewrites.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
TRICKY = st.text(
    st.sampled_from(list("征信修复加微薇V信vx wx转到我卡上账户验证码 *·⭐❤️🚢，,。\u200b\u200d\ufe0fＶ１２３①一二徵帳停xi挂zhang")),
    max_size=120,
)
TEXTS = st.one_of(ANY_TEXT, TRICKY)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_properties_normalise_spans_stay_in_bounds(text: str) -> None:
    n = normalise(text)
    assert len(n.digits) == len(n.text)
    assert len(n.plain) == len(text)
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)
    if n.text:
        s, e = n.span(0, len(n.text))
        assert 0 <= s <= e <= len(text)


@SETTINGS
@given(TEXTS)
def test_properties_score_evidence_is_the_original_slice(text: str) -> None:
    result = score(text)
    assert 0.0 <= result.risk <= 1.0
    for f in result.flags:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.evidence


PHRASES = [
    ("欠款别在App还了，直接转到我建行卡上", "personal_account_transfer", "转到我建行卡上"),
    ("验证码报给我", "credential_request", "验证码报给我"),
]
NOISE = st.text(st.sampled_from(list("abcdefgh0123456789 天气很好今天吃饭了吗")), max_size=60)


@SETTINGS
@given(NOISE, NOISE, st.sampled_from(PHRASES))
def test_properties_phrase_in_noise_keeps_its_evidence(before: str, after: str, case) -> None:
    phrase, flag_id, evidence = case
    text = f"{before}。{phrase}。{after}"
    result = score(text)
    hits = [f for f in result.flags if f.id == flag_id]
    assert any(f.evidence == evidence for f in hits), (text, result.flags)
