"""`make run`: scan the bundled sample exports (one per format) and write the HTML report.

Writes build/example-report.html (open it in a browser: it needs no network) and
build/example-report.csv (one row per message), prints the summary and both paths.
The exports in examples/exports/ are invented conversations with invented people.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VERIFIER = Path(sys.executable).with_name("verifier")


def main() -> int:
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    exports = HERE / "exports"
    html, table = build / "example-report.html", build / "example-report.csv"
    for out in (table, html):
        proc = subprocess.run([str(VERIFIER), "scan", str(exports), "--out", str(out)],
                              cwd=ROOT, capture_output=out is table, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr or "")
            return proc.returncode
    print()
    print(f"HTML report: {html}")
    print(f"CSV report:  {table}")
    print('try also: .venv/bin/verifier score "加我微信，本金转我卡上就免息" and '
          ".venv/bin/verifier agreement corpora/agreements/001_formal_installment_consumer_finance.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
