"""Stage isolation for ``hyper-opt``: the pipeline, as upstream built it
(:func:`~hyperoffload.transforms.pipeline.pipeline_stages`), is split where
a trap check must see the IR (:mod:`hyperoffload.cli.traps`), and the
stages that may abort the process (conversions to LLVM, GPU binaries) run
in a child ``hyper-opt``, so an upstream abort becomes a diagnostic naming
the stage."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from mlir import ir

from hyperoffload import _native
from hyperoffload.cli import traps
from hyperoffload.cli.diagnostics import (
    Diag,
    FileLocation,
    resolve_location,
)
from hyperoffload.cli.options import Options
from hyperoffload.transforms.pipeline import PipelineStage


@dataclasses.dataclass
class Segment:
    """Consecutive pipeline stages run by one PassManager, or by a child
    process (``isolated``); ``check_first``: look for known traps before."""

    isolated: bool
    stages: list[PipelineStage]
    check_first: bool = False

    @property
    def pipeline(self) -> str:
        """The segment's pipeline in upstream's syntax (its printed stages)."""
        return f"builtin.module({','.join(stage.text for stage in self.stages)})"

    @property
    def label(self) -> str:
        """The segment's passes by name, options left out, for messages."""
        return f"builtin.module({','.join(_names(stage) for stage in self.stages)})"


def _names(stage: PipelineStage) -> str:
    if stage.nested is None:
        return stage.name
    return f"{stage.name}({','.join(_names(child) for child in stage.nested)})"


def plan_segments(stages: list[PipelineStage], isolate: bool, check: bool = True) -> list[Segment]:
    """Split the top-level pipeline where a trap check must see the IR; with
    ``isolate``, one child process runs everything from the first stage that
    may abort to the last (a registered pipeline such as
    ``gpu-lower-to-nvvm-pipeline`` is many passes, aborting ones among
    them: one child for them all; the child checks for traps itself)."""
    isolated = [i for i, stage in enumerate(stages) if traps.is_isolated(stage)] if isolate else []
    first, last = (isolated[0], isolated[-1]) if isolated else (len(stages), -1)
    segments: list[Segment] = []
    for index, stage in enumerate(stages):
        if first <= index <= last:
            if index == first:
                segments.append(Segment(True, []))
            segments[-1].stages.append(stage)
            continue
        checked = check and traps.needs_ir_check(stage)
        if segments and not segments[-1].isolated and not checked:
            segments[-1].stages.append(stage)
        else:
            segments.append(Segment(False, [stage], checked))
    return segments or [Segment(False, [])]


# Where a child hyper-opt writes its diagnostics (JSON) instead of stderr.
_DIAGNOSTICS_ENV = "HYPEROFFLOAD_DIAGNOSTICS_JSON"


def _diag_from_json(data: dict[str, object]) -> Diag:
    location = data.get("location")
    return Diag(
        str(data["severity"]),
        FileLocation(**location) if isinstance(location, dict) else None,
        str(data["location_text"]),
        str(data["message"]),
        [_diag_from_json(note) for note in data.get("notes", [])],  # type: ignore[union-attr]
    )


def _first_location(module: ir.Module) -> ir.Location:
    for op in module.body.operations:
        if resolve_location(op.location) is not None:
            return op.location
    return module.operation.location


def run_isolated(
    module: ir.Module, segment: Segment, name: str, opts: Options, diags: list[Diag]
) -> ir.Module | None:
    """Run ``segment`` on ``module`` in a child ``hyper-opt``; returns the
    result parsed back (locations kept), or None with ``diags`` extended
    (the child's diagnostics, or one naming the stage that killed it)."""
    context = module.context
    with tempfile.TemporaryDirectory(prefix="hyper-opt-") as scratch:
        source = Path(scratch) / "input.mlir"
        result = Path(scratch) / "output.mlir"
        reported = Path(scratch) / "diagnostics.json"
        with source.open("w", encoding="utf-8") as handle:
            module.operation.print(file=handle, enable_debug_info=True, assume_verified=True)
        argv = [
            sys.executable, "-m", "hyperoffload.cli.hyper_opt", str(source),
            f"--pass-pipeline={segment.pipeline}", "--isolate-stages=false",
            "--mlir-print-debuginfo", "-o", str(result),
            f"--verify-each={str(opts.verify_each).lower()}",
            f"--check-traps={str(opts.check_traps).lower()}",
        ]  # fmt: skip
        for flag, on in (
            ("--allow-unregistered-dialect", opts.allow_unregistered_dialect),
            ("--mlir-print-ir-before-all", opts.print_ir_before_all),
            ("--mlir-print-ir-after-all", opts.print_ir_after_all),
            ("--mlir-timing", opts.timing),
            ("--mlir-pass-statistics", opts.statistics),
            ("--dump-pass-pipeline", opts.dump_pass_pipeline),
        ):
            if on:
                argv.append(flag)
        sys.stdout.flush()
        sys.stderr.flush()
        child = subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env={**os.environ, _DIAGNOSTICS_ENV: str(reported)},
            check=False,
        )
        sys.stderr.write(child.stderr)
        if reported.exists():
            diags.extend(_diag_from_json(d) for d in json.loads(reported.read_text()))
        if child.returncode == 0 and result.exists():
            parsed = _native.parse_source(result.read_text(encoding="utf-8"), name, context)
            if parsed is not None:
                return parsed
        if child.returncode == 1 and any(d.severity == "error" for d in diags):
            return None
        if child.returncode < 0:
            how = f"was killed by {signal.Signals(-child.returncode).name}"
        else:
            how = f"exited with status {child.returncode} without a diagnostic"
        last = [line for line in child.stderr.splitlines() if line.strip()]
        detail = f" (last words: '{last[-1].strip()[:300]}')" if last else ""
        where = _first_location(module)
        diags.append(
            Diag(
                "error",
                resolve_location(where),
                str(where),
                f"stage '{segment.label}' {how}{detail}; it ran in a child process, "
                "so this is upstream MLIR aborting on this input",
                [],
            )
        )
        return None
