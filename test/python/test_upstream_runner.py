"""tools/run_upstream_tests.py on inputs written here in the form of
upstream's integration tests (the upstream corpus stays out of the repo)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import run_upstream_tests  # noqa: E402


def test_each_input_gets_its_outcome(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code = run_upstream_tests.main(
        [str(ROOT / "test" / "Inputs" / "upstream-style"), "--json", str(report)]
    )
    rows = {row["test"]: row for row in json.loads(report.read_text())}
    assert code == 0
    assert rows["offloadable.mlir"]["result"] == "offloaded"
    assert rows["offloadable.mlir"]["transfers"] >= 1
    assert rows["refused.mlir"]["result"] == "refused"
    refused = ROOT / "test" / "Inputs" / "upstream-style" / "refused.mlir"
    assert rows["refused.mlir"]["message"].startswith(f"{refused}:12:1: error: budget of")
    assert rows["baseline-fails.mlir"]["result"] == "baseline fails"


def test_the_offload_step_goes_after_the_tests_own_bufferization() -> None:
    command = (
        'mlir-opt %s -one-shot-bufferize="bufferize-function-boundaries" -canonicalize '
        "-buffer-deallocation-pipeline -convert-linalg-to-loops | mlir-runner -e main "
        "| FileCheck %s"
    )
    flags = run_upstream_tests.offload_flags(False, "90%", "main", 1024)
    rewritten = run_upstream_tests.rewritten(command, flags)
    assert rewritten == (
        "mlir-opt %s -one-shot-bufferize=bufferize-function-boundaries -canonicalize "
        "-buffer-deallocation-pipeline -mlir-print-debuginfo | hyper-opt - "
        "'--hyper-offload-pipeline=budget=90% functions=main dynamic-dim-bound=1024' "
        "--cache-lower-to-cpu | mlir-opt -convert-linalg-to-loops | mlir-runner -e main "
        "| FileCheck %s"
    )
    assert run_upstream_tests.entry_of("// RUN: mlir-runner -e entry -O3\n") == "entry"
