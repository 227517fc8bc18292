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
