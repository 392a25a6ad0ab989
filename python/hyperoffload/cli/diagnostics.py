"""Collect MLIR diagnostics, render them as ``mlir-opt`` does, and check
them against ``expected-*`` annotations (``--verify-diagnostics``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from mlir import ir

SEVERITY_NAMES = {
    ir.DiagnosticSeverity.ERROR: "error",
    ir.DiagnosticSeverity.WARNING: "warning",
    ir.DiagnosticSeverity.NOTE: "note",
    ir.DiagnosticSeverity.REMARK: "remark",
}


@dataclasses.dataclass(frozen=True)
class FileLocation:
    filename: str
    line: int
    column: int


@dataclasses.dataclass
class Diag:
    """A diagnostic detached from MLIR (safe to keep after the callback)."""

    severity: str
    location: FileLocation | None
    location_text: str
    message: str
    notes: list[Diag]


def resolve_location(loc: ir.Location) -> FileLocation | None:
    """The first file:line:col inside ``loc`` (through name, callsite and
    fused locations), or None for unknown locations."""
    try:
        if loc.is_a_file():
            return FileLocation(loc.filename, loc.start_line, loc.start_col)
        if loc.is_a_name():
            return resolve_location(loc.child_loc)
        if loc.is_a_callsite():
            return resolve_location(loc.callee)
        if loc.is_a_fused():
            for inner in loc.locations:
                found = resolve_location(inner)
                if found:
                    return found
    except (AttributeError, ValueError):
        pass
    match = re.search(r'"([^"]*)":(\d+):(\d+)', str(loc))
    if match:
        return FileLocation(match.group(1), int(match.group(2)), int(match.group(3)))
    return None


def to_diag(diagnostic: Any) -> Diag:
    """Convert an ``ir.Diagnostic`` or ``ir.DiagnosticInfo``."""
    location = diagnostic.location
    return Diag(
        severity=SEVERITY_NAMES.get(diagnostic.severity, "error"),
        location=resolve_location(location),
        location_text=str(location),
        message=str(diagnostic.message),
        notes=[to_diag(note) for note in diagnostic.notes],
    )


class DiagnosticRenderer:
    """Formats diagnostics like LLVM's SourceMgr: location, severity,
    message, then the source line with a caret under the column."""

    def __init__(self, sources: dict[str, str]) -> None:
        self._lines = {name: text.splitlines() for name, text in sources.items()}

    def render(self, diag: Diag) -> str:
        out = [self._render_one(diag)]
        out.extend(self._render_one(note) for note in diag.notes)
        return "".join(out)

    def _render_one(self, diag: Diag) -> str:
        loc = diag.location
        if loc is None:
            prefix = "<unknown>" if "unknown" in diag.location_text else diag.location_text
            return f"{prefix}: {diag.severity}: {diag.message}\n"
        text = f"{loc.filename}:{loc.line}:{loc.column}: {diag.severity}: {diag.message}\n"
        lines = self._lines.get(loc.filename)
        if lines is not None and 1 <= loc.line <= len(lines):
            source_line = lines[loc.line - 1]
            caret_at = max(loc.column - 1, 0)
            text += source_line + "\n" + " " * min(caret_at, len(source_line)) + "^\n"
        return text


_EXPECTED = re.compile(
    r"expected-(?P<kind>error|warning|remark|note)\s*"
    r"(?:@(?P<where>above|below|[+-]\d+|\d+))?\s*"
    r"(?P<count>\*|\d+)?\s*\{\{(?P<message>.*?)\}\}"
)


@dataclasses.dataclass
class Expectation:
    kind: str
    line: int
    message: str
    annotation_line: int
    matched: bool = False


def parse_expectations(text: str, first_line: int = 1) -> list[Expectation]:
    """The ``// expected-KIND @WHERE {{message}}`` annotations in ``text``,
    whose first line is line ``first_line`` of the file."""
    expectations: list[Expectation] = []
    lines = text.splitlines()
    pending_below: list[Expectation] = []
    for index, line in enumerate(lines):
        number = first_line + index
        is_annotation_only = bool(re.match(r"^\s*//", line))
        if not is_annotation_only and pending_below:
            for exp in pending_below:
                exp.line = number
            pending_below = []
        for match in _EXPECTED.finditer(line):
            where = match.group("where")
            target = number
            exp = Expectation(match.group("kind"), target, match.group("message"), number)
            if where == "above":
                exp.line = _previous_code_line(lines, index, first_line)
            elif where == "below":
                pending_below.append(exp)
            elif where and where[0] in "+-":
                exp.line = number + int(where)
            elif where:
                exp.line = int(where)
            expectations.append(exp)
    return expectations


def _previous_code_line(lines: list[str], index: int, first_line: int) -> int:
    for back in range(index - 1, -1, -1):
        if not re.match(r"^\s*//", lines[back]) and lines[back].strip():
            return first_line + back
    return first_line + index


def verify_diagnostics(
    diags: Iterable[Diag], expectations: list[Expectation], filename: str
) -> list[str]:
    """Match diagnostics against expectations; returns the error messages
    (unexpected diagnostics, unmet expectations), empty when all match."""
    problems: list[str] = []
    flat: list[Diag] = []
    for diag in diags:
        flat.append(diag)
        flat.extend(diag.notes)
    for diag in flat:
        loc = diag.location
        found = None
        for exp in expectations:
            if exp.matched or exp.kind != diag.severity:
                continue
            if loc is None or loc.line != exp.line or loc.filename != filename:
                continue
            if exp.message in diag.message:
                found = exp
                break
        if found:
            found.matched = True
        else:
            where = f"{loc.filename}:{loc.line}:{loc.column}" if loc else diag.location_text
            problems.append(f"{where}: error: unexpected {diag.severity}: {diag.message}")
    for exp in expectations:
        if not exp.matched:
            problems.append(
                f"{filename}:{exp.annotation_line}: error: expected {exp.kind} "
                f'"{exp.message}" was not produced'
            )
    return problems
