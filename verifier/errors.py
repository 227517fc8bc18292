"""Error types. Each maps to one SPEC exit code and carries a stable code.

The CLI prints ``error[CODE]: message`` on one line and exits with
``exit_code``; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

from .contract import EXIT_FAILED, EXIT_USAGE


class VerifierError(Exception):
    """Base class: a problem to report to the user in one line."""

    exit_code = EXIT_FAILED
    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def one_line(self) -> str:
        text = " ".join(str(self).split())
        return f"error[{self.code}]: {text}"


class UsageError(VerifierError):
    """Bad usage: a missing argument, an option that does not exist (exit 2)."""

    exit_code = EXIT_USAGE
    code = "E100"


class InputError(VerifierError):
    """Unreadable input: empty, binary, undecodable or too large (exit 2)."""

    exit_code = EXIT_USAGE
    code = "E200"


class ProcessingError(VerifierError):
    """The input was read but something failed while processing it (exit 1)."""

    exit_code = EXIT_FAILED
    code = "E300"
