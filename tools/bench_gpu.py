#!/usr/bin/env python3
"""Wall time and peak device memory of a Llama-style workload on a GPU, the
original program against its offloaded twin, side by side in one process.

    python tools/bench_gpu.py --preset 7b --layers 2 --tokens 256 --budget 50%

Both programs run every linalg op as a GPU kernel (parallel loops mapped to
blocks and threads, `gpu-lower-to-nvvm-pipeline` for sm_90 with
`cubin-format=isa`, so the CUDA driver JIT-compiles the PTX and no `ptxas`
is needed) on the wheel's `libmlir_cuda_runtime.so`; the offloaded one
keeps the pool's weights in page-locked host memory and copies them with
async `gpu.memcpy` on their own streams (`cache-lower-to-gpu`). Peak device
memory is every byte allocated through `mgpuMemAlloc` (arguments included),
recorded by `libHyperOffloadMgpuCounter.so` in front of the runtime, which
also times the runtime's mgpuMemAlloc/Free (`alloc+free ms`) and
mgpuMemcpy (`memcpy ms`: an async copy returns at once, one that blocks the
host spends its copy time there), per call of the function with the
driver's argument set-up and copy-back spread over the calls. The
outputs of the two programs are compared bit for bit.

`--calibrate` runs the original first and plans with the `--hw` profile's
compute (peak FLOP/s, HBM bandwidth) scaled so that its simulated time of
the original is the measured one; `--calibrate ops` instead times each
distinct top-level linalg op alone (a function holding a copy of it, lowered
and run the same way) and plans with those times (the profile's
`[op_seconds]`), printing them against the roofline. The links keep the
profile's figures either way.
`--offload` restricts the kinds of buffers planned (e.g. `params`).
`--compute host` runs the same schedule with host-loop compute on the
project's host emulation of the mgpu runtime (any machine, small sizes);
`--compile-only` stops before the runtime call, printing what was built.
The kernels are naive (no shared memory, no tensor cores): the figures
compare schedules, not kernel quality.
"""

from __future__ import annotations

import argparse
import ctypes
import dataclasses
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import hyperoffload  # noqa: F401
import numpy as np
from hyperoffload.analysis.cost_model import CostModel, op_signature
from hyperoffload.hardware import HardwareProfile, ProfileError, load_profile
from hyperoffload.ir_utils import functions_with_bodies, walk_preorder
from hyperoffload.runtime import ExecutionError
from hyperoffload.runtime.device import (
    DeviceRun,
    build_device_program,
    cuda_runtime,
    host_runtime,
    run_device_program,
)
from hyperoffload.sim.simulator import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir
from mlir.dialects import func

MiB = 1 << 20


def _signature(module: ir.Module) -> tuple[str, list[ir.Type]]:
    function = functions_with_bodies(module.operation)[0]
    name = ir.StringAttr(function.attributes["sym_name"]).value
    inputs = list(ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value).inputs)
    return name, inputs


def _arguments(inputs: list[ir.Type], dtype: type) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [
        (rng.standard_normal(list(ir.MemRefType(t).shape)) * 0.05).astype(dtype) for t in inputs
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=["tiny", "7b", "13b", "70b"], default="7b")
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--context", type=int, default=1024)
    plan = parser.add_mutually_exclusive_group()
    plan.add_argument("--budget", default=None, help="device-memory budget (default 50%%)")
    plan.add_argument("--max-slowdown", default=None, help="e.g. 1%%, instead of a budget")
    parser.add_argument("--hw", default="h200", help="hardware profile the planner assumes")
    parser.add_argument(
        "--calibrate",
        nargs="?",
        const="total",
        choices=["total", "ops"],
        help="run the original first and plan with --hw calibrated to it: 'total' scales "
        "the compute so the simulated time is the measured one; 'ops' times each distinct "
        "linalg op alone and plans with those times (links unchanged either way)",
    )
    parser.add_argument(
        "--offload",
        default="params,globals,activations",
        help="kinds of buffers the planner may offload (its offload= option)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed calls of each program")
    parser.add_argument("--compute", choices=["gpu", "host"], default="gpu")
    parser.add_argument("--tile", default="8,32", help="threads per block (rows,cols)")
    parser.add_argument("--chip", default="sm_90")
    parser.add_argument("--compile-only", action="store_true", help="stop before running")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1 (the calls timed after the warm-up)")
    if args.calibrate and args.compile_only:
        parser.error("--calibrate runs the original program; it cannot be --compile-only")

    config = dataclasses.replace(
        LlamaConfig.preset(args.preset),
        layers=args.layers,
        tokens=args.tokens,
        context=args.context,
    )
    dtype = {"f16": np.float16, "f32": np.float32}.get(config.dtype)
    if dtype is None:
        parser.error(f"element type {config.dtype} has no numpy twin to compare outputs with")
    try:
        hardware = load_profile(args.hw)
    except ProfileError as err:
        parser.error(str(err))
    runtime = cuda_runtime() if args.compute == "gpu" else host_runtime()
    if args.compute == "gpu" and not args.compile_only:
        try:
            ctypes.CDLL("libcuda.so.1")
        except OSError:
            print(
                "error: no CUDA driver (libcuda.so.1) on this machine; use --compute host "
                "to run on the host emulation, or --compile-only",
                file=sys.stderr,
            )
            return 1
    mode = (
        f"max-slowdown={args.max_slowdown}"
        if args.max_slowdown
        else (f"budget={args.budget or '50%'}")
    ) + f" offload={args.offload}"
    tile = [int(t) for t in args.tile.split(",")]
    text = generate_llama(config)
    runs: dict[str, DeviceRun] = {}
    outputs: dict[str, np.ndarray] = {}
    with ir.Context() as context, tempfile.TemporaryDirectory() as scratch:

        def lower(label: str, module: ir.Module) -> tuple[ir.Module, list[ir.Type]]:
            name, inputs = _signature(module)
            started = time.perf_counter()
            program = build_device_program(
                module, name, compute=args.compute, tile=tile, chip=args.chip
            )
            text_ir = str(program)
            print(
                f"{label:9}: lowered in {time.perf_counter() - started:.2f} s, "
                f"{text_ir.count('gpu.binary')} kernels, "
                f"{len(re.findall(r'llvm.call @mgpuMemcpy', text_ir))} copy sites",
                file=sys.stderr,
            )
            return program, inputs

        def execute(program: ir.Module, inputs: list[ir.Type]) -> tuple[DeviceRun, np.ndarray]:
            """The run of ``program`` on fresh arguments, and its output."""
            arrays = _arguments(inputs, dtype)
            run = run_device_program(
                program, inputs, arrays, runtime=runtime, repeat=args.repeat + 1
            )
            return run, arrays[-1]

        try:
            original = ir.Module.parse(text)
            lowered = {"original": lower("original", original)}
            if args.calibrate:
                runs["original"], outputs["original"] = execute(*lowered["original"])
                if args.calibrate == "ops":
                    groups = _linalg_ops(original)
                    measured = hardware.with_op_seconds(
                        _measure_ops(groups, lower, execute),
                        "Op times measured by tools/bench_gpu.py --calibrate ops.",
                    )
                    _report_ops(original, groups, measured, hardware, runs["original"])
                    hardware = measured
                else:
                    hardware = _calibrated(hardware, original, runs["original"])
            hw = args.hw
            if args.calibrate:
                hw = str(Path(scratch) / "calibrated.toml")
                Path(hw).write_text(hardware.to_toml(), encoding="utf-8")
            offloaded = ir.Module.parse(text)
            started = time.perf_counter()
            build_pass_manager(
                f"builtin.module(hyper-offload-pipeline{{{mode} hw={hw}}})", context
            ).run(offloaded.operation)
            plan_s = time.perf_counter() - started
            lowered["offloaded"] = lower("offloaded", offloaded)
            print(
                f"planned with hyper-offload-pipeline{{{mode} hw={hardware.name}}} "
                f"in {plan_s:.2f} s",
                file=sys.stderr,
            )
            if args.compile_only:
                return 0
            for label, (program, inputs) in lowered.items():
                if label not in runs:
                    runs[label], outputs[label] = execute(program, inputs)
        except ExecutionError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        name = _signature(original)[0]
    same = np.array_equal(outputs["original"].view(np.uint8), outputs["offloaded"].view(np.uint8))
    print(f"@{name} on {args.compute} ({runtime.name}), {args.repeat} timed calls after a warm-up")
    print(
        f"{'program':10} {'median ms':>10} {'min ms':>9} {'peak MiB':>10} {'allocs':>7} "
        f"{'alloc+free ms':>14} {'memcpy ms':>10}"
    )
    for label, run in runs.items():
        print(
            f"{label:10} {run.median_s * 1e3:10.3f} {min(run.times[1:]) * 1e3:9.3f} "
            f"{run.peak_bytes / MiB:10.1f} {run.allocations:7d} "
            f"{run.allocator_s * 1e3 / len(run.times):14.3f} "
            f"{run.copy_issue_s * 1e3 / len(run.times):10.3f}"
        )
    base, ours = runs["original"], runs["offloaded"]
    time_ratio = ours.median_s / base.median_s
    print(
        f"offloaded/original: time {time_ratio:.3f}x, peak device memory "
        f"{ours.peak_bytes / base.peak_bytes:.3f}x; outputs bit-identical: {same}"
    )
    return 0 if same else 1


def _linalg_ops(module: ir.Module) -> dict[str, list[ir.Operation]]:
    """The top-level linalg ops of the module's function by op_signature."""
    function = functions_with_bodies(module.operation)[0]
    groups: dict[str, list[ir.Operation]] = {}
    for op in function.regions[0].blocks[0].operations:
        if op.operation.name.startswith("linalg."):
            groups.setdefault(op_signature(op.operation), []).append(op.operation)
    return groups


def _single_op_module(op: ir.Operation, name: str) -> tuple[ir.Module, list[ir.Type]] | None:
    """A module whose function @name runs a copy of ``op`` once on arguments
    of its operand types (the constants it or its payload uses copied in);
    None if it uses another value defined outside it that is not a memref
    operand."""
    parameters: list[ir.Type] = []
    slots: dict[ir.Value, int] = {}
    for operand in op.operands:
        if isinstance(operand.type, ir.MemRefType) and operand not in slots:
            slots[operand] = len(parameters)
            parameters.append(operand.type)
    nested = [op, *walk_preorder(op)]
    inner = {o.operation for o in nested}
    constants: dict[ir.Value, ir.Operation] = {}
    for user in nested:
        for operand in user.operands:
            if operand in slots or _defined_inside(operand, inner):
                continue
            owner = operand.owner
            if not isinstance(owner, ir.OpView) or owner.name != "arith.constant":
                return None
            constants[operand] = owner.operation
    module = ir.Module.create(op.location)
    with ir.InsertionPoint(module.body), op.location:
        function = func.FuncOp(name, ir.FunctionType.get(parameters, []))
        block = function.add_entry_block()
        with ir.InsertionPoint(block):
            copies = {value: constant.clone().results[0] for value, constant in constants.items()}
            clone = op.clone()
            for user in [clone, *walk_preorder(clone)]:
                for index, operand in enumerate(user.operands):
                    if operand in slots:
                        user.operands[index] = block.arguments[slots[operand]]
                    elif operand in copies:
                        user.operands[index] = copies[operand]
            func.ReturnOp([])
    return module, parameters


def _defined_inside(value: ir.Value, inner: set[ir.Operation]) -> bool:
    """Whether ``value`` is a result or block argument of an op in ``inner``
    (an op and the ops nested in it, none changed since)."""
    owner = value.owner
    operation = owner.owner if isinstance(owner, ir.Block) else owner
    while operation is not None:
        operation = operation.operation
        if operation in inner:
            return True
        operation = operation.parent
    return False


def _measure_ops(
    groups: dict[str, list[ir.Operation]],
    lower: Callable[[str, ir.Module], tuple[ir.Module, list[ir.Type]]],
    execute: Callable[[ir.Module, list[ir.Type]], tuple[DeviceRun, np.ndarray]],
) -> dict[str, float]:
    """Median seconds of one call of each op signature in ``groups``, its
    first op alone in a function lowered and run like the programs."""
    measured: dict[str, float] = {}
    for index, (signature, ops) in enumerate(groups.items()):
        label = f"op{index}"
        built = _single_op_module(ops[0], label)
        if built is None:
            continue
        single, _ = built
        run, _ = execute(*lower(label, single))
        measured[signature] = run.median_s
    return measured


def _report_ops(
    module: ir.Module,
    groups: dict[str, list[ir.Operation]],
    measured: HardwareProfile,
    profile: HardwareProfile,
    run: DeviceRun,
) -> None:
    """Per op signature: count, roofline and measured microseconds; then the
    simulated time of the original with the measured ops against its run."""
    model, roofline = CostModel(measured), CostModel(profile)
    print(f"{'ops':>4} {'roofline us':>12} {'measured us':>12} {'ratio':>9}  op", file=sys.stderr)
    for ops in groups.values():
        predicted, taken = roofline.cost(ops[0]).seconds, model.cost(ops[0]).seconds
        shape = ", ".join(str(operand.type) for operand in ops[0].operands)
        print(
            f"{len(ops):4d} {predicted * 1e6:12.1f} {taken * 1e6:12.1f} "
            f"{taken / predicted if predicted else float('inf'):9.1f}  {ops[0].name} ({shape})",
            file=sys.stderr,
        )
    function = functions_with_bodies(module.operation)[0]
    modelled = simulate(function, measured, timeline=False).makespan_s
    print(
        f"calibrated {profile.name} per op: simulated original {modelled * 1e3:.3f} ms, "
        f"measured {run.median_s * 1e3:.3f} ms",
        file=sys.stderr,
    )


def _calibrated(hardware: HardwareProfile, module: ir.Module, run: DeviceRun) -> HardwareProfile:
    """``hardware`` with its compute scaled so the simulated time of
    ``module`` is the median measured in ``run``."""
    function = functions_with_bodies(module.operation)[0]
    modelled = simulate(function, hardware, timeline=False).makespan_s
    measured = run.median_s
    if modelled <= 0 or measured <= 0:
        raise ExecutionError(
            f"cannot calibrate: simulated {modelled} s, measured {measured} s of the original"
        )
    factor = modelled / measured
    print(
        f"calibrated {hardware.name}: compute x{factor:.3g} (simulated {modelled * 1e3:.4g} ms, "
        f"measured {measured * 1e3:.3f} ms)",
        file=sys.stderr,
    )
    return hardware.with_compute_scaled(
        factor,
        f"Compute scaled by {factor:.6g} to the measured time of @"
        f"{_signature(module)[0]} by tools/bench_gpu.py --calibrate.",
    )


if __name__ == "__main__":
    sys.exit(main())
