"""The SPEC JSON shapes as JSON Schema, shared by the tests that check outputs."""

from __future__ import annotations

import jsonschema

GOLDEN_FLAGS = [
    "personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
    "credential_request", "threat_or_harassment", "false_legal_threat", "impersonation",
    "off_platform_contact", "suspicious_link", "too_good_offer", "borrow_to_repay", "urgent_pressure",
]
GOLDEN_SIGNALS = ["official_channel", "written_confirmation"]

FLAG_SCHEMA = {
    "type": "object",
    "required": ["id", "severity", "evidence", "start", "end", "explanation", "advice"],
    "additionalProperties": False,
    "properties": {
        "id": {"enum": GOLDEN_FLAGS},
        "severity": {"enum": ["high", "medium", "low"]},
        "evidence": {"type": "string", "minLength": 1},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 1},
        "explanation": {"type": "string", "minLength": 1},
        "advice": {"type": "string", "minLength": 1},
    },
}
SCORE_SCHEMA = {
    "type": "object",
    "required": ["label", "risk", "level", "probabilities", "flags", "signals", "advice"],
    "additionalProperties": False,
    "properties": {
        "label": {"enum": ["scam", "abusive", "collection", "normal"]},
        "risk": {"type": "number", "minimum": 0, "maximum": 1},
        "level": {"enum": ["high", "medium", "low"]},
        "probabilities": {
            "oneOf": [
                {"type": "null"},
                {"type": "object", "required": ["scam", "abusive", "collection", "normal"],
                 "additionalProperties": False,
                 "patternProperties": {".*": {"type": "number", "minimum": 0, "maximum": 1}}},
            ]
        },
        "flags": {"type": "array", "items": FLAG_SCHEMA},
        "signals": {"type": "array", "items": {"enum": GOLDEN_SIGNALS}, "uniqueItems": True},
        "advice": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    },
}
SCORE_KEYS = ["label", "risk", "level", "probabilities", "flags", "signals", "advice"]
FLAG_KEYS = ["id", "severity", "evidence", "start", "end", "explanation", "advice"]




def check_score_json(obj: dict) -> None:
    """Fail unless ``obj`` is exactly the SPEC shape of ``verifier score --json``, in SPEC key order."""
    jsonschema.validate(obj, SCORE_SCHEMA)
    assert list(obj) == SCORE_KEYS
    assert all(list(f) == FLAG_KEYS for f in obj["flags"])
