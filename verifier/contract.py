"""The product contract, mirrored from ``SPEC.md`` (v1).

Every name here is read by tests, benchmarks and scripts outside the
repository. Never rename or drop a name without a new version of the SPEC.
"""

from __future__ import annotations

SPEC_VERSION = "1"

# Message labels, in the classifier's fixed order.
LABELS: tuple[str, ...] = ("scam", "abusive", "collection", "normal")

LEVELS: tuple[str, ...] = ("low", "medium", "high")

SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

# Flag ids and their severities, in SPEC table order (a closed set).
FLAG_SEVERITY: dict[str, str] = {
    "personal_account_transfer": "high",
    "credit_repair": "high",
    "verbal_only_waiver": "high",
    "intermediary_fee": "high",
    "credential_request": "high",
    "threat_or_harassment": "high",
    "false_legal_threat": "medium",
    "impersonation": "medium",
    "off_platform_contact": "medium",
    "suspicious_link": "medium",
    "too_good_offer": "medium",
    "borrow_to_repay": "medium",
    "urgent_pressure": "low",
}
FLAG_IDS: tuple[str, ...] = tuple(FLAG_SEVERITY)
HIGH_FLAGS: tuple[str, ...] = tuple(f for f, severity in FLAG_SEVERITY.items() if severity == "high")

# Positive signals (reported under ``signals``, never as flags).
SIGNALS: tuple[str, ...] = ("official_channel", "written_confirmation")

# ``verifier agreement``
AGREEMENT_STATUSES: tuple[str, ...] = ("settled", "plan_confirmed", "pending", "verbal_only", "unknown")
AGREEMENT_VERDICTS: tuple[str, ...] = ("ok", "incomplete", "risky")
PLAN_TYPES: tuple[str, ...] = ("lump_sum", "principal_only", "installment", "deferral", "unknown")
PAYEE_KINDS: tuple[str, ...] = ("official", "personal", "unknown")
CHECK_IDS: tuple[str, ...] = (
    "amounts_consistent",
    "payee_official",
    "has_deadline",
    "has_written_confirmation",
    "has_settlement_clause",
    "no_credit_record_promise",
    "no_third_party_fee",
)
AMOUNT_KEYS: tuple[str, ...] = (
    "total_debt", "principal", "interest", "penalty", "fees", "waived", "payable",
    "installment_count", "installment_amount",
)
DATE_KEYS: tuple[str, ...] = ("first_due", "deadline")

# ``verifier scan``
SCAN_FORMATS: tuple[str, ...] = ("auto", "csv", "jsonl", "txt", "xlsx", "sms-xml", "wechat-csv", "qq-txt")
SCAN_COLUMNS: tuple[str, ...] = ("id", "conversation", "sender", "time", "text", "label", "risk", "level", "flags")

# Exit codes.
EXIT_OK = 0
EXIT_FAILED = 1      # the input was read but something failed
EXIT_USAGE = 2       # bad usage or unreadable input

# Flags whose presence makes a message a fraud attempt (SPEC: "the threat
# serves the fraud"): any of them turns the label into ``scam``.
SCAM_FLAGS: frozenset[str] = frozenset({
    "personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
    "credential_request", "impersonation", "off_platform_contact", "suspicious_link", "too_good_offer",
})
# Flags of illegal or abusive collection practice.
ABUSE_FLAGS: frozenset[str] = frozenset({"threat_or_harassment", "false_legal_threat", "borrow_to_repay"})
