"""The error every analysis raises about the IR: a message and where it is.

Passes turn a :class:`LocatedError` into a diagnostic at its location
(``file:line:col: error: ...``); tools print it the same way. The
subclasses only name which analysis gave up.
"""

from __future__ import annotations

from mlir import ir


class LocatedError(Exception):
    """An error about the IR; ``location`` is where to report ``message``."""

    def __init__(self, location: ir.Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message
