"""The GPU driver of tools/bench_gpu.py: programs built by
``hyperoffload.runtime.device`` run on the host emulation of the mgpu
runtime with their device memory counted, and the GPU-compute build goes
all the way to LLVM IR with PTX kernels (the step before the runtime call,
which needs a GPU)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hyperoffload.runtime import ExecutionError
from hyperoffload.runtime.device import build_device_program
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

TOOLS = Path(__file__).resolve().parents[2] / "tools"

# Runs in a fresh process: the counter must be loaded before any mgpu runtime.
SCRIPT = r"""
import json, sys
import numpy as np
import hyperoffload
from mlir import ir
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.runtime import device
from hyperoffload.runtime.device import build_device_program, host_runtime, run_device_program
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama

config = LlamaConfig.preset("tiny")
text = generate_llama(config)
result = {}
with ir.Context() as context:
    for label in ("original", "offloaded"):
        module = ir.Module.parse(text)
        if label == "offloaded":
            build_pass_manager("builtin.module(hyper-offload-pipeline{budget=50%})",
                               context).run(module.operation)
        function = functions_with_bodies(module.operation)[0]
        name = ir.StringAttr(function.attributes["sym_name"]).value
        inputs = list(ir.FunctionType(
            ir.TypeAttr(function.attributes["function_type"]).value).inputs)
        rng = np.random.default_rng(0)
        arrays = [(rng.standard_normal(list(ir.MemRefType(t).shape)) * 0.05).astype(np.float16)
                  for t in inputs]
        program = build_device_program(module, name, compute="host")
        run = run_device_program(program, inputs, arrays, runtime=host_runtime(), repeat=2)
        result[label] = {
            "planned_peak": BufferLiveness(function).peak_bytes,
            "peak": run.peak_bytes,
            "allocations": run.allocations,
            "allocator_s": run.allocator_s,
            "copy_issue_s": run.copy_issue_s,
            "times": run.times,
            "output": arrays[-1].view(np.uint16).tolist(),
            "prefetches": str(module).count("cache.prefetch"),
        }
result["engines"] = len(device._ENGINES)
json.dump(result, sys.stdout)
"""


def test_offloaded_program_runs_in_less_device_memory_with_the_same_output() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    original, offloaded = result["original"], result["offloaded"]
    assert offloaded["prefetches"] > 0
    assert offloaded["output"] == original["output"]
    # The device memory the lowered programs really allocate is the peak the
    # analysis plans with, for both.
    assert original["peak"] == original["planned_peak"]
    assert offloaded["peak"] == offloaded["planned_peak"]
    assert offloaded["peak"] <= original["peak"] // 2 + 1
    # Two calls, each timed; every prefetch allocates on the device each call.
    assert len(offloaded["times"]) == 2 and all(t > 0 for t in offloaded["times"])
    assert offloaded["allocations"] > original["allocations"]
    # The counter times the runtime's allocator and copies for every program.
    assert original["allocator_s"] > 0 and offloaded["allocator_s"] > 0
    assert original["copy_issue_s"] > 0 and offloaded["copy_issue_s"] > 0
    # Both engines outlive their runs (a dropped engine's unwind tables
    # crashed the next unwind on a real GPU machine).
    assert result["engines"] == 2


def test_gpu_build_reaches_llvm_ir_with_ptx_kernels(tmp_path: Path) -> None:
    text = generate_llama(LlamaConfig.preset("tiny"))
    with ir.Context() as context:
        module = ir.Module.parse(text)
        build_pass_manager("builtin.module(hyper-offload-pipeline{budget=50%})", context).run(
            module.operation
        )
        compute_ops = len(re.findall(r"^\s+linalg\.\w+ ", str(module), re.MULTILINE)) - str(
            module
        ).count("linalg.yield")
        name = re.search(r"func\.func @(\w+)", text).group(1)  # type: ignore[union-attr]
        program = build_device_program(module, name, compute="gpu")
        lowered = str(program)
    assert "cache." not in lowered
    assert lowered.count("gpu.binary") == compute_ops
    ptx = [
        m.group(1).replace("\\0A", "\n").replace("\\09", "\t")
        for m in re.finditer(r'assembly = "(.*?)"', lowered, re.DOTALL)
    ]
    assert len(ptx) == compute_ops
    for kernel in ptx:
        assert ".target sm_90" in kernel and ".version 8.0" in kernel
        # No call into libdevice or anything else the JIT would have to link.
        assert ".extern" not in kernel and "call" not in kernel
    source = tmp_path / "program.mlir"
    source.write_text(lowered)
    import mlir

    translate = Path(next(iter(mlir.__path__))) / "bin" / "mlir-translate"
    done = subprocess.run(
        [str(translate), "--mlir-to-llvmir", str(source)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    llvm_ir = done.stdout
    assert llvm_ir.count("call void @mgpuLaunchKernel") == compute_ops
    # Kernels are JIT-loaded from PTX once, by global constructors.
    assert llvm_ir.count("call ptr @mgpuModuleLoadJIT") == compute_ops
    assert "@llvm.global_ctors" in llvm_ir
    assert "define void @_mlir_ciface_hyperoffload_bench(" in llvm_ir
    for call in (
        "mgpuMemHostRegisterMemRef",
        "mgpuMemAlloc",
        "mgpuMemcpy",
        "mgpuMemFree",
        "rtclock",
    ):
        assert f"@{call}(" in llvm_ir


def test_functions_with_results_are_refused() -> None:
    with ir.Context():
        module = ir.Module.parse(
            "func.func @f() -> i32 {\n  %c = arith.constant 1 : i32\n  return %c : i32\n}"
        )
        with pytest.raises(ExecutionError, match="returns values"):
            build_device_program(module, "f", compute="host")
        with pytest.raises(ExecutionError, match="no function @g"):
            build_device_program(module, "g", compute="host")


# A tiny model on the host emulation: one layer, two tokens.
TINY = ("--preset", "tiny", "--layers", "1", "--tokens", "2", "--context", "32")


def bench_gpu(*arguments: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """tools/bench_gpu.py run on the host emulation with ``arguments``."""
    return subprocess.run(
        [sys.executable, str(TOOLS / "bench_gpu.py"), "--compute", "host", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_bench_gpu_runs_on_the_host_emulation() -> None:
    done = bench_gpu(*TINY, "--repeat", "2")
    assert done.returncode == 0, done.stderr
    assert "outputs bit-identical: True" in done.stdout
    ratio = re.search(r"peak device memory (\d\.\d+)x", done.stdout)
    assert ratio is not None and float(ratio.group(1)) < 0.6, done.stdout


def test_bench_gpu_calibrates_the_profile_to_the_measured_original() -> None:
    done = bench_gpu(
        *TINY, "--repeat", "1", "--max-slowdown", "1%", "--calibrate", "--offload", "params"
    )
    assert done.returncode == 0, done.stderr
    # The original runs once (its run is the calibration), then the plan uses
    # the scaled profile, written to a file and read back by hw=.
    calibrated = re.search(
        r"calibrated h200: compute x(\S+) \(simulated (\S+) ms, measured (\S+) ms\)", done.stderr
    )
    assert calibrated is not None, done.stderr
    factor, simulated, measured = (float(g) for g in calibrated.groups())
    assert factor == pytest.approx(simulated / measured, rel=1e-2)
    assert "hyper-offload-pipeline{max-slowdown=1% offload=params hw=h200-scaled}" in done.stderr
    assert done.stdout.count("original ") == 1
    assert "outputs bit-identical: True" in done.stdout


def test_bench_gpu_calibrates_every_op_alone() -> None:
    done = bench_gpu(*TINY, "--repeat", "1", "--max-slowdown", "1%", "--calibrate", "ops")
    assert done.returncode == 0, done.stderr
    # One row per distinct linalg op (a matmul among them), with its count,
    # roofline and measured time; then the whole original, simulated with
    # the measured ops against its own run.
    rows = re.findall(r"^\s+(\d+)\s+\S+\s+(\S+)\s+\S+\s+(linalg\.\w+) \(", done.stderr, re.M)
    assert any(name == "linalg.matmul" for _, _, name in rows), done.stderr
    assert all(float(measured) >= 0 for _, measured, _ in rows)
    assert re.search(r"calibrated h200 per op: simulated original \S+ ms, measured", done.stderr)
    assert "hw=h200-measured}" in done.stderr
    assert "outputs bit-identical: True" in done.stdout
    # The single-op runs are not programs of the table.
    assert not re.search(r"^op\d", done.stdout, re.M)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--calibrate", "--compile-only"],
            "--calibrate runs the original program; it cannot be --compile-only",
        ),
        (["--repeat", "0"], "--repeat must be at least 1"),
        (["--hw", "nope"], "unknown hardware profile 'nope'"),
    ],
)
def test_bench_gpu_refuses_bad_arguments(arguments: list[str], message: str) -> None:
    done = bench_gpu(*arguments, timeout=60)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
