"""Conversation risk: the worst messages of a chat, and how it escalates.

Each conversation (file + chat partner or thread) keeps a small, bounded state
while the rows stream past: counts, the worst message, up to
:data:`KEEP_FLAGGED` flagged messages, and a few escalation patterns that a
single message cannot show:

- ``offer_then_payment``: a waiver or too-good offer, later a request to pay a
  private account or hand over a code (the classic fake negotiation);
- ``reminders_then_threats``: ordinary reminders, later threats or harassment
  (a collector crossing the line);
- ``offchannel_then_payment``: moved off the official channel (WeChat, QQ, a
  meeting app, a link), later asked for money or codes.

Messages without a sender (a plain TXT list of pasted texts) are not one
exchange, so no pattern is read there.

A conversation's risk is its worst message's risk, raised to at least
:data:`ESCALATION_RISK` when a pattern is seen (plus a little per extra
pattern), so an escalating chat outranks one that holds a single bad message.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..contract import LABELS, LEVELS

KEEP_FLAGGED = 20
ESCALATION_RISK = 0.9

OFFER = frozenset({"too_good_offer", "verbal_only_waiver"})
MONEY_OR_CODE = frozenset({"personal_account_transfer", "credential_request", "intermediary_fee"})
THREAT = frozenset({"threat_or_harassment", "false_legal_threat"})
OFF_CHANNEL = frozenset({"off_platform_contact", "suspicious_link", "impersonation"})
LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}                # low 0 … high 2
LABEL_ORDER = {label: i for i, label in enumerate(reversed(LABELS))}      # normal 0 … scam 3

PATTERN_TEXT = {
    "zh": {"offer_then_payment": "先许诺减免或优惠，后要求转到个人账户或提供验证码",
           "reminders_then_threats": "从普通催收提醒升级为威胁、骚扰",
           "offchannel_then_payment": "先把你引到微信/QQ/会议软件/链接，再要钱或要验证码"},
    "en": {"offer_then_payment": "a waiver or offer first, then a demand to pay a private account or give a code",
           "reminders_then_threats": "ordinary reminders that turn into threats or harassment",
           "offchannel_then_payment": "moved off the official channel, then asked for money or codes"},
}


@dataclass
class Conversation:
    file: str
    name: str
    index: int = 0          # its place among the scan's conversations, in the order they were met
    messages: int = 0
    flagged: int = 0
    high: int = 0           # messages at level high
    sequence: bool = True   # False until a message has a sender: a plain list is no exchange
    max_risk: float = 0.0
    label: str = "normal"
    level: str = "low"
    first_time: str = ""
    last_time: str = ""
    seen: set = field(default_factory=set)          # "offer", "reminder", "offchannel"
    patterns: list = field(default_factory=list)
    top: list = field(default_factory=list)         # (risk, order, message dict), the worst KEEP_FLAGGED

    def add(self, order: int, time: str, label: str, level: str, risk: float, flags, message) -> None:
        self.messages += 1       # add_unscored(time), written out: this runs once per message
        if time:
            if not self.first_time or time < self.first_time:
                self.first_time = time
            if time > self.last_time:
                self.last_time = time
        if risk > self.max_risk:
            self.max_risk = risk
        if (label != self.label or level != self.level) and (
                LABEL_ORDER[label] > LABEL_ORDER[self.label]
                or (label == self.label and LEVEL_ORDER[level] > LEVEL_ORDER[self.level])):
            self.label, self.level = label, level
        if not self.sequence:
            pass
        elif flags:
            self._escalation(label, flags)
        elif label == "collection":
            self.seen.add("reminder")
        if flags or level != "low":
            self.flagged += 1
            if level == "high":
                self.high += 1
            self.top.append((risk, order, message))
            if len(self.top) > 2 * KEEP_FLAGGED:
                self.top = sorted(self.top, key=lambda t: (-t[0], t[1]))[:KEEP_FLAGGED]

    def add_unscored(self, time: str) -> None:
        """Count a message and its time (alone: one that is not text — image, voice, system — never scored)."""
        self.messages += 1
        if time:
            if not self.first_time or time < self.first_time:
                self.first_time = time
            if time > self.last_time:
                self.last_time = time

    def _escalation(self, label: str, flags: set[str]) -> None:
        if flags & MONEY_OR_CODE:
            if "offer" in self.seen:
                self._pattern("offer_then_payment")
            if "offchannel" in self.seen:
                self._pattern("offchannel_then_payment")
        if flags & THREAT and "reminder" in self.seen:
            self._pattern("reminders_then_threats")
        if flags & OFFER:
            self.seen.add("offer")
        if flags & OFF_CHANNEL:
            self.seen.add("offchannel")
        if label == "collection" and not flags & THREAT:
            self.seen.add("reminder")

    def _pattern(self, name: str) -> None:
        if name not in self.patterns:
            self.patterns.append(name)

    @property
    def risk(self) -> float:
        if not self.patterns:
            return round(self.max_risk, 4)
        return round(min(1.0, max(self.max_risk, ESCALATION_RISK) + 0.03 * (len(self.patterns) - 1)), 4)

    def rank_key(self) -> tuple:
        """Riskiest first; ties (risk is capped at 1.0) go to more escalation patterns, then more
        high-risk messages, then more flagged messages."""
        return (-self.risk, -len(self.patterns), -self.high, -self.flagged)

    def prune(self, keep: int) -> int:
        """Keep only the ``keep`` worst flagged messages; returns how many are kept."""
        if len(self.top) > keep:
            self.top = sorted(self.top, key=lambda t: (-t[0], t[1]))[:keep]
        return len(self.top)

    def flagged_messages(self) -> list:
        """The kept flagged messages, the worst :data:`KEEP_FLAGGED`, in the conversation's order."""
        worst = sorted(self.top, key=lambda t: (-t[0], t[1]))[:KEEP_FLAGGED]
        return [m for _, _, m in sorted(worst, key=lambda t: t[1])]
