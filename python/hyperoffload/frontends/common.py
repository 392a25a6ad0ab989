"""What every frontend shares: its error, the child process its framework
runs in, and the check that what comes back is upstream MLIR.

The work runs in ``_worker.py`` (``PYTHON -P _worker.py REQUEST.json``;
``-P``: its folder, which holds modules named like the frameworks, stays
off ``sys.path``), which loads the framework's script beside it. The
request names where it writes its MLIR text, its manifest and, before each
stage, the stage's name; a failure is one line ``STAGE: MESSAGE`` on
standard error and exit status 2, a crash is reported with the stage it
was in.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hyperoffload.output import write_text


class FrontendError(Exception):
    """An export that did not happen: one line naming the model, the stage
    and, where one is known, the way around it."""


WORKER = Path(__file__).resolve().parent / "_worker.py"


def run_worker(
    worker: str,
    request: dict[str, Any],
    who: str,
    python: str | None,
    workarounds: dict[str, str],
) -> tuple[str, dict[str, Any]]:
    """Run the ``worker`` script (``torch`` or ``jax``) on ``request`` in a
    child process (``_worker.py``); returns the MLIR text and the manifest
    it wrote. ``who`` prefixes every error;
    ``workarounds`` maps a phrase of a failure to the advice added to it."""
    with tempfile.TemporaryDirectory(prefix="hyperoffload-frontend-") as scratch:
        full = {
            **request,
            "worker": worker,
            "mlir_path": os.path.join(scratch, "export.mlir"),
            "manifest_path": os.path.join(scratch, "manifest.json"),
            "stage_path": os.path.join(scratch, "stage"),
        }
        request_path = os.path.join(scratch, "request.json")
        Path(request_path).write_text(json.dumps(full))
        command = [python or sys.executable, "-P", str(WORKER), request_path]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as err:
            raise FrontendError(f"{who}: cannot start {command[0]}: {err}") from None
        if done.returncode != 0:
            stage = Path(full["stage_path"])
            where = stage.read_text() if stage.is_file() else "starting"
            raise FrontendError(f"{who}: {worker_failure(done, where, workarounds)}")
        text = Path(full["mlir_path"]).read_text()
        manifest = json.loads(Path(full["manifest_path"]).read_text())
    return text, manifest


def worker_failure(
    done: subprocess.CompletedProcess[str], stage: str, workarounds: dict[str, str]
) -> str:
    """One line for a failed worker: its own ``STAGE: MESSAGE`` line, or
    for a crash the signal and the stage it was in."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        return f"{stage}: the worker crashed ({name})"
    message = lines[-1] if lines else f"the export failed (exit status {done.returncode})"
    for phrase, advice in workarounds.items():
        if phrase in message:
            return f"{message} ({advice})"
    return message


def check_upstream(text: str, path: str) -> None:
    """Parse ``text`` with upstream MLIR's dialects (and ours): an op of a
    dialect upstream does not have, or IR that does not verify, is a
    :class:`FrontendError` at ``path:line:col``."""
    from mlir import ir

    with ir.Context():
        try:
            ir.Module.parse(text)
        except ir.MLIRError as err:
            first = err.error_diagnostics[0] if err.error_diagnostics else None
            if first is None:
                raise FrontendError(f"{path}: error: {err}") from None
            where = str(first.location)  # loc("-":LINE:COL)
            line_col = where.removeprefix('loc("-":').removesuffix(")")
            raise FrontendError(
                f"{path}:{line_col}: error: the export is not upstream MLIR: {first.message}"
            ) from None


def manifest_path(output: str) -> str:
    """The manifest beside an export: ``X.mlir`` -> ``X.json``."""
    path = Path(output)
    return str(path.with_suffix(".json") if path.suffix == ".mlir" else Path(f"{output}.json"))


def write_export(text: str, manifest: dict[str, Any], output: str) -> int:
    """Check ``text`` is upstream MLIR, then write it to ``output`` (``-``:
    standard output) and, beside a file, the manifest; returns its bytes."""
    check_upstream(text, output if output != "-" else "<stdout>")
    write_text(output, text)
    if output != "-":
        write_text(manifest_path(output), json.dumps(manifest, indent=1) + "\n")
    return len(text.encode())
