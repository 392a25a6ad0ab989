"""Run a function on a GPU (or the host emulation of one), compute included.

``build_device_program(module, "f")`` makes a copy of ``module`` in which

- transfers are async ``gpu`` copies (``cache-lower-to-gpu``), pool memrefs
  host memrefs;
- every device ``memref.alloc``/``memref.dealloc`` is a ``gpu.alloc``/
  ``gpu.dealloc`` (pool allocations stay host memory);
- a driver ``@hyperoffload_bench(args..., %times: memref<?xf64>)`` copies the
  device arguments into ``gpu.alloc`` buffers, page-locks the pool arguments
  (``gpu.host_register``, so their copies are real DMA), calls ``f`` once per
  element of ``%times`` timing each call with ``rtclock``, and copies the
  device arguments back;
- with ``compute="gpu"``, linalg runs as kernels: parallel loops tiled and
  mapped to blocks and threads, outlined and compiled to PTX by upstream
  ``gpu-lower-to-nvvm-pipeline`` (``cubin-format=isa``: the driver JIT-compiles
  the PTX, no ``ptxas`` needed); with ``compute="host"`` linalg runs as host
  loops, which only the host emulation can do (its device memory is host
  memory).

``run_device_program`` runs the driver in the ExecutionEngine on an mgpu
runtime (``libmlir_cuda_runtime.so`` or ``libHyperOffloadMgpuHost.so``) with
``libHyperOffloadMgpuCounter.so`` in front of it, which records the peak of
device memory allocated through ``mgpuMemAlloc`` and the time spent inside
the runtime's ``mgpuMemAlloc``/``mgpuMemFree`` and ``mgpuMemcpy``.
"""

from __future__ import annotations

import ctypes
import dataclasses
import os
import statistics
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from mlir import execution_engine, ir, passmanager

from hyperoffload import _native
from hyperoffload.dialects.cache import is_remote
from hyperoffload.ir_utils import walk_preorder
from hyperoffload.runtime import (
    ExecutionError,
    copy_with_function,
    pack_arguments,
    runner_utils_library,
)
from hyperoffload.transforms.lower_to_gpu import lower_to_gpu

DRIVER = "hyperoffload_bench"
COUNTER_LIBRARY = "libHyperOffloadMgpuCounter.so"
HOST_RUNTIME = "libHyperOffloadMgpuHost.so"
COMPUTE = ("gpu", "host")

GPU_LOWERING = (
    "builtin.module(func.func(convert-linalg-to-parallel-loops, "
    "scf-parallel-loop-tiling{{parallel-loop-tile-sizes={tile} no-min-max-bounds=true}}, "
    "gpu-map-parallel-loops, "
    "convert-parallel-loops-to-gpu), lower-affine, "
    "gpu-lower-to-nvvm-pipeline{{cubin-chip={chip} cubin-features=+ptx80 cubin-format=isa}})"
)
HOST_LOWERING = (
    "builtin.module(convert-linalg-to-loops, expand-strided-metadata, lower-affine, "
    "convert-scf-to-cf, gpu-to-llvm, convert-math-to-llvm, convert-math-to-libm, "
    "convert-arith-to-llvm, finalize-memref-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, "
    "reconcile-unrealized-casts)"
)


# Every engine lives as long as the process. On the H200 machine the first
# large numpy multiply after a program's engine was dropped crashed in
# libgcc's unwinder (numpy's temporary elision calls backtrace(), which walks
# the unwind tables JIT code registers); with the engines kept, every run
# passed. A one-kernel probe did not crash either way, so the exact cause
# (unwind tables left registered for freed code, we think) is unconfirmed.
_ENGINES: list[execution_engine.ExecutionEngine] = []


@dataclasses.dataclass(frozen=True)
class DeviceRun:
    """What one run of the driver measured."""

    times: list[float]  # seconds, one per call of the function
    peak_bytes: int  # most device memory allocated at once, arguments included
    allocations: int  # device allocations made
    allocator_s: float  # wall time inside the runtime's mgpuMemAlloc/Free, all calls
    copy_issue_s: float  # wall time inside the runtime's mgpuMemcpy, all calls

    @property
    def median_s(self) -> float:
        """Median time of the calls after the first (the warm-up)."""
        return statistics.median(self.times[1:])


def cuda_runtime() -> Path:
    """The wheel's ``libmlir_cuda_runtime.so`` (needs ``libcuda.so.1``)."""
    return Path(runner_utils_library()).parent / "libmlir_cuda_runtime.so"


def host_runtime() -> Path:
    """The host emulation of the mgpu runtime built with this project."""
    return _native.library_path().parent / HOST_RUNTIME


def build_device_program(
    module: ir.Module,
    name: str,
    *,
    compute: str = "gpu",
    tile: Sequence[int] = (8, 32),
    chip: str = "sm_90",
) -> ir.Module:
    """A copy of ``module`` with ``@hyperoffload_bench`` driving ``name``,
    lowered to the LLVM dialect (see the module docstring)."""
    if compute not in COMPUTE:
        raise ExecutionError(f"unknown compute target '{compute}' ({', '.join(COMPUTE)})")
    program, function = copy_with_function(module, name)
    signature = ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value)
    if len(signature.results):
        raise ExecutionError(f"@{name} returns values; the driver runs functions without results")
    inputs = list(signature.inputs)
    remote_arguments = [isinstance(t, ir.MemRefType) and is_remote(t) for t in inputs]
    # By result: an op's hash follows its types, which lowering changes.
    pool_allocations = {
        op.results[0]
        for op in walk_preorder(function)
        if op.name == "memref.alloc" and is_remote(ir.MemRefType(op.results[0].type))
    }
    problem = lower_to_gpu(program.operation)
    if problem is not None:
        raise ExecutionError(problem[1])
    _allocate_on_device(function, pool_allocations)
    inputs = list(ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value).inputs)
    driver = ir.Module.parse(_driver_source(name, inputs, remote_arguments), program.context)
    for op in list(driver.body.operations)[1:]:  # all but the callee's declaration
        program.body.append(op.detach_from_parent())
    if compute == "gpu":
        pipeline = GPU_LOWERING.format(tile=",".join(str(t) for t in tile), chip=chip)
    else:
        pipeline = HOST_LOWERING
    try:
        passmanager.PassManager.parse(pipeline, program.context).run(program.operation)
    except ir.MLIRError as err:
        raise ExecutionError(f"lowering @{name} for the device failed: {err}") from None
    return program


def _allocate_on_device(function: ir.Operation, pool_allocations: set[ir.Value]) -> None:
    """Device ``memref.alloc``/``dealloc`` -> ``gpu.alloc``/``dealloc``, each
    on a stream of its own that the host waits for (``gpu-to-llvm`` lowers
    frees only in async form)."""
    token = "!gpu.async.token"
    device_buffers: set[ir.Value] = set()
    for op in list(walk_preorder(function)):
        if op.name == "memref.alloc" and op.results[0] not in pool_allocations:
            with ir.InsertionPoint(op), op.location:
                start = _gpu_op("gpu.wait", [token], [], {})
                alloc = _gpu_op(
                    "gpu.alloc",
                    [op.results[0].type, token],
                    [start.results[0], *op.operands],
                    {"operandSegmentSizes": ir.DenseI32ArrayAttr.get([1, len(op.operands), 0])},
                )
                _gpu_op("gpu.wait", [], [alloc.results[1]], {})
            op.results[0].replace_all_uses_with(alloc.results[0])
            device_buffers.add(alloc.results[0])
            op.erase()
        elif op.name == "memref.dealloc" and op.operands[0] in device_buffers:
            with ir.InsertionPoint(op), op.location:
                start = _gpu_op("gpu.wait", [token], [], {})
                free = _gpu_op("gpu.dealloc", [token], [start.results[0], op.operands[0]], {})
                _gpu_op("gpu.wait", [], [free.results[0]], {})
            op.erase()


def _gpu_op(
    name: str, results: list[ir.Type | str], operands: list[ir.Value], attributes: dict
) -> ir.Operation:
    types = [ir.Type.parse(t) if isinstance(t, str) else t for t in results]
    return ir.Operation.create(name, results=types, operands=operands, attributes=attributes)


def _driver_source(name: str, inputs: list[ir.Type], remote: list[bool]) -> str:
    """The driver's text: set-up, the timed calls, copy-back."""
    params = [f"%a{i}: {t}" for i, t in enumerate(inputs)]
    setup: list[str] = []
    teardown: list[str] = []
    arguments: list[str] = []
    for i, type_ in enumerate(inputs):
        if not isinstance(type_, ir.MemRefType):
            arguments.append(f"%a{i}")
            continue
        memref = ir.MemRefType(type_)
        unranked = f"memref<*x{memref.element_type}>"
        if remote[i]:
            setup.append(f"%u{i} = memref.cast %a{i} : {type_} to {unranked}")
            setup.append(f"gpu.host_register %u{i} : {unranked}")
            teardown.append(f"gpu.host_unregister %u{i} : {unranked}")
            arguments.append(f"%a{i}")
            continue
        sizes = []
        for dim, extent in enumerate(memref.shape):
            if ir.ShapedType.is_dynamic_size(extent):
                setup.append(f"%i{i}_{dim} = arith.constant {dim} : index")
                setup.append(f"%n{i}_{dim} = memref.dim %a{i}, %i{i}_{dim} : {type_}")
                sizes.append(f"%n{i}_{dim}")
        setup += [
            f"%s{i} = gpu.wait async",
            f"%d{i}, %t{i} = gpu.alloc async [%s{i}] ({', '.join(sizes)}) : {type_}",
            f"%c{i} = gpu.memcpy async [%t{i}] %d{i}, %a{i} : {type_}, {type_}",
            f"gpu.wait [%c{i}]",
        ]
        teardown += [
            f"%r{i} = gpu.wait async",
            f"%b{i} = gpu.memcpy async [%r{i}] %a{i}, %d{i} : {type_}, {type_}",
            f"%f{i} = gpu.dealloc async [%b{i}] %d{i} : {type_}",
            f"gpu.wait [%f{i}]",
        ]
        arguments.append(f"%d{i}")
    types = ", ".join(str(t) for t in inputs)
    body = "\n    ".join(
        [
            *setup,
            "%zero = arith.constant 0 : index",
            "%one = arith.constant 1 : index",
            "%calls = memref.dim %times, %zero : memref<?xf64>",
            "scf.for %k = %zero to %calls step %one {",
            "  %start = func.call @rtclock() : () -> f64",
            f"  func.call @{name}({', '.join(arguments)}) : ({types}) -> ()",
            "  %end = func.call @rtclock() : () -> f64",
            "  %took = arith.subf %end, %start : f64",
            "  memref.store %took, %times[%k] : memref<?xf64>",
            "}",
            *teardown,
            "return",
        ]
    )
    separator = ", " if params else ""
    return (
        f"func.func private @{name}({types})\n"
        "func.func private @rtclock() -> f64\n"
        f"func.func @{DRIVER}({', '.join(params)}{separator}%times: memref<?xf64>) "
        "attributes {llvm.emit_c_interface} {\n"
        f"    {body}\n}}\n"
    )


def run_device_program(
    program: ir.Module,
    inputs: list[ir.Type],
    arguments: Sequence[object],
    *,
    runtime: Path,
    repeat: int = 1,
) -> DeviceRun:
    """Run ``@hyperoffload_bench`` of a program from
    :func:`build_device_program` (``inputs``: the types of the original
    function's parameters) ``repeat`` times on the mgpu runtime at
    ``runtime``; numpy arguments are written back in place."""
    counter_path = _native.library_path().parent / COUNTER_LIBRARY
    os.environ["HYPEROFFLOAD_MGPU_RUNTIME"] = str(runtime)
    # Loaded first and globally, the counter's mgpuMemAlloc/Free are the
    # ones the JIT binds; it forwards to the runtime.
    counter = ctypes.CDLL(str(counter_path), mode=ctypes.RTLD_GLOBAL)
    for symbol in (
        "hyperoffloadMgpuPeakBytes",
        "hyperoffloadMgpuAllocations",
        "hyperoffloadMgpuAllocatorNanos",
        "hyperoffloadMgpuCopyIssueNanos",
    ):
        getattr(counter, symbol).restype = ctypes.c_uint64
    times = np.zeros(repeat, dtype=np.float64)
    with program.context, ir.Location.unknown():
        times_type = ir.MemRefType.get([ir.ShapedType.get_dynamic_size()], ir.F64Type.get())
    packed = pack_arguments(DRIVER, [*inputs, times_type], [*arguments, times])
    engine = execution_engine.ExecutionEngine(
        program,
        opt_level=2,
        shared_libs=[str(counter_path), str(runtime), runner_utils_library()],
    )
    _ENGINES.append(engine)
    engine.initialize()
    counter.hyperoffloadMgpuResetPeak()
    engine.invoke(DRIVER, *packed)
    if counter.hyperoffloadMgpuAllocations() == 0 and "@mgpuMemAlloc" in str(program):
        raise ExecutionError(
            "device allocations bypassed the memory counter: the mgpu runtime was loaded "
            "into this process before it; run in a fresh process"
        )
    return DeviceRun(
        times=[float(t) for t in times],
        peak_bytes=int(counter.hyperoffloadMgpuPeakBytes()),
        allocations=int(counter.hyperoffloadMgpuAllocations()),
        allocator_s=counter.hyperoffloadMgpuAllocatorNanos() * 1e-9,
        copy_issue_s=counter.hyperoffloadMgpuCopyIssueNanos() * 1e-9,
    )
