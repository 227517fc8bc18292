"""`make run`: score the bundled example messages and print the verdicts."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.rule import Rule

from verifier import score
from verifier.render import render_score

HERE = Path(__file__).parent


def main() -> int:
    console = Console(highlight=False)
    lines = (HERE / "messages.txt").read_text(encoding="utf-8").splitlines()
    messages = [line for line in lines if line.strip() and not line.startswith("#")]
    for i, text in enumerate(messages, 1):
        console.print(Rule(f"example {i}/{len(messages)}"))
        render_score(console, text, score(text), "zh")
    console.print(Rule())
    console.print(f"scored {len(messages)} example messages; try: .venv/bin/verifier score \"加我微信，本金转我卡上\" --json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
