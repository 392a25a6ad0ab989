"""Run functions of a module on the CPU through upstream's ExecutionEngine.

``run_function(module, "f", [a, b, 1.5])`` lowers a copy of ``module`` (its
transfers become synchronous host copies, see ``cache-lower-to-cpu``), takes
it to the LLVM dialect with upstream passes and calls ``f`` with numpy
arrays for its memref arguments (written in place: out-parameters work) and
Python numbers for its scalars (a function whose stacked parameters
``cache-peel-loop-slices`` split also takes the arguments of the function
as given: :func:`split_arguments`). Unsupported input is refused with
:class:`ExecutionError` before anything that could abort the process.

By default the pool is guarded (:mod:`hyperoffload.runtime.pool_guard`):
the program runs in a child process in which ``#cache.remote`` memory is
inaccessible except to transfers, so compute that touches the pool is
reported as :class:`PoolAccessError` instead of computing the right numbers
from host memory, and any other crash is an :class:`ExecutionError`.
"""

from __future__ import annotations

import ctypes
import json
import mmap
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from mlir import execution_engine, ir, passmanager
from mlir.runtime import get_ranked_memref_descriptor

from hyperoffload import _native
from hyperoffload.ir_utils import function_named, walk_preorder
from hyperoffload.runtime import pool_guard
from hyperoffload.transforms.lower_to_cpu import lower_to_cpu
from hyperoffload.transforms.lower_to_gpu import lower_to_gpu
from hyperoffload.transforms.peel_loop_slices import slice_attributes

MGPU_HOST_LIBRARY = "libHyperOffloadMgpuHost.so"
RUNNER_UTILS = "libmlir_runner_utils.so"

LOWERING = (
    "builtin.module({async_}convert-linalg-to-loops, convert-vector-to-scf, "
    "expand-strided-metadata, lower-affine, convert-scf-to-cf, {gpu}{async_llvm}"
    "convert-vector-to-llvm, convert-math-to-llvm, convert-math-to-libm, convert-arith-to-llvm, "
    "convert-index-to-llvm, finalize-memref-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, "
    "reconcile-unrealized-casts)"
)
TARGETS = ("cpu", "cpu-async", "gpu")
_ASYNC_ENGINES: list[execution_engine.ExecutionEngine] = []

_NUMPY = {
    "f16": np.float16,
    "f32": np.float32,
    "f64": np.float64,
    "i8": np.int8,
    "i16": np.int16,
    "i32": np.int32,
    "i64": np.int64,
    "index": np.int64,
}
_CTYPES = {
    "f32": ctypes.c_float,
    "f64": ctypes.c_double,
    "i32": ctypes.c_int32,
    "i64": ctypes.c_int64,
    "index": ctypes.c_int64,
    "i8": ctypes.c_int8,
    "i16": ctypes.c_int16,
}


class ExecutionError(Exception):
    """The function cannot be run here, or its arguments do not match."""


class PoolAccessError(ExecutionError):
    """Compute read or wrote ``#cache.remote`` memory outside a transfer."""


def runner_utils_library() -> str:
    """Path of upstream's ``libmlir_c_runner_utils.so`` in the MLIR wheel
    (its siblings are the async and CUDA runtimes)."""
    import mlir

    return str(Path(next(iter(mlir.__path__))) / "lib" / "libmlir_c_runner_utils.so")


def run_function(
    module: ir.Module,
    name: str,
    arguments: Sequence[object],
    *,
    target: str = "cpu",
    repeat: int = 1,
    guard_pool: bool = True,
) -> list[float]:
    """Run ``name`` of ``module`` ``repeat`` times; memref arguments are
    updated. Returns the wall time of each call (compilation excluded).

    ``target="cpu"`` lowers transfers to synchronous copies
    (``cache-lower-to-cpu``), ``target="cpu-async"`` to copies on the async
    runtime's worker threads. ``target="gpu"`` lowers them to async ``gpu``
    copies (``cache-lower-to-gpu``) and upstream ``gpu-to-llvm``, and runs
    the ``mgpu*`` calls on the host emulation (streams as worker threads),
    so the GPU path's stream ordering is exercised on any machine.

    With ``guard_pool`` (the default) the call runs in a child process with
    the pool guarded (see the module docstring); the arrays are shared with
    it, so out-parameters are written as without.
    """
    if target not in TARGETS:
        raise ExecutionError(f"unknown target '{target}' ({', '.join(TARGETS)})")
    # The lowerings build ops: they need the module's context as the current
    # one, whatever the caller's is.
    with module.context, ir.Location.unknown(module.context):
        return _run_function(module, name, arguments, target, repeat, guard_pool)


def _run_function(
    module: ir.Module,
    name: str,
    arguments: Sequence[object],
    target: str,
    repeat: int,
    guard_pool: bool,
) -> list[float]:
    """:func:`run_function` within the module's context."""
    copy, function = copy_with_function(module, name)
    for op in walk_preorder(copy.operation):
        for value in [*op.operands, *op.results]:
            if not isinstance(value.type, ir.MemRefType):
                continue
            element = ir.MemRefType(value.type).element_type
            if isinstance(element, ir.IntegerType) and ir.IntegerType(element).width < 8:
                # Lowering linalg to loops turns every use into loads and
                # stores of it, which finalize-memref-to-llvm aborts on.
                raise ExecutionError(
                    f"'{op.name}' uses {value.type}: memrefs of integers narrower than "
                    "8 bits abort upstream's finalize-memref-to-llvm; store bytes (i8) instead"
                )
    guarded = guard_pool and bool(pool_guard.guard_pool(copy, function))
    if target == "gpu":
        problem = lower_to_gpu(copy.operation)
    else:
        mode = "async" if target == "cpu-async" else "sync"
        problem = lower_to_cpu(copy.operation, mode, guard_pool=guarded)
    if problem is not None:
        raise ExecutionError(problem[1])
    inputs = list(ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value).inputs)
    arguments = split_arguments(function, arguments)
    shared = _shared_arrays(arguments) if guard_pool else list(arguments)
    packed = pack_arguments(name, inputs, shared)
    function.attributes["llvm.emit_c_interface"] = ir.UnitAttr.get(copy.context)
    try:
        asynchronous = target == "cpu-async"
        pipeline = LOWERING.format(
            gpu="gpu-to-llvm, " if target == "gpu" else "",
            async_=(
                "async-to-async-runtime, async-runtime-ref-counting, "
                "async-runtime-ref-counting-opt, "
                if asynchronous
                else ""
            ),
            async_llvm="convert-async-to-llvm, " if asynchronous else "",
        )
        passmanager.PassManager.parse(pipeline, copy.context).run(copy.operation)
    except ir.MLIRError as err:
        raise ExecutionError(f"lowering @{name} to LLVM failed: {err}") from None
    # The C runner utils (vector.print's printF32, ...) and the C++ ones
    # (printMemrefF32, ...), as mlir-runner links them.
    libraries = [runner_utils_library(), str(Path(runner_utils_library()).parent / RUNNER_UTILS)]
    if target == "cpu-async":
        libraries.append(str(Path(runner_utils_library()).parent / "libmlir_async_runtime.so"))
    if target == "gpu" or guarded:
        # The host emulation of the mgpu API, and the pool guard.
        libraries.append(str(_native.library_path().parent / MGPU_HOST_LIBRARY))
    try:
        engine = execution_engine.ExecutionEngine(copy, opt_level=2, shared_libs=libraries)
    except RuntimeError as err:  # a symbol no library provides, say
        raise ExecutionError(f"cannot compile @{name} for '{target}': {err}") from None
    if target == "cpu-async":
        # Destroying an engine tears down the async runtime's process-wide
        # state, under the feet of any other engine using it (a child
        # process inherits it too): keep them.
        _ASYNC_ENGINES.append(engine)
    if not guard_pool:
        return _invoke(engine, name, packed, repeat)
    times = _invoke_in_child(engine, name, packed, repeat, target)
    for array, copied in zip(arguments, shared, strict=True):
        if isinstance(array, np.ndarray):
            array[...] = copied
    return times


def _invoke(
    engine: execution_engine.ExecutionEngine, name: str, packed: list[object], repeat: int
) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            engine.invoke(name, *packed)
        except RuntimeError as err:  # "Unknown function": a symbol it needs is missing
            raise ExecutionError(
                f"cannot call @{name}: {err} (the JIT could not link it: a function it calls "
                "is defined nowhere, see 'Symbols not found' on stderr)"
            ) from None
        times.append(time.perf_counter() - started)
    return times


def _shared_arrays(arguments: Sequence[object]) -> list[object]:
    """The arguments with each numpy array copied into page-aligned memory
    shared with a child process (anonymous shared mappings)."""
    shared: list[object] = []
    for value in arguments:
        if isinstance(value, np.ndarray) and value.flags["C_CONTIGUOUS"]:
            mapping = mmap.mmap(-1, max(value.nbytes, 1))
            copy = np.frombuffer(mapping, dtype=value.dtype, count=value.size).reshape(value.shape)
            copy[...] = value
            shared.append(copy)
        else:
            shared.append(value)
    return shared


def _invoke_in_child(
    engine: execution_engine.ExecutionEngine,
    name: str,
    packed: list[object],
    repeat: int,
    target: str,
) -> list[float]:
    """:func:`_invoke` in a forked child; a pool fault or a crash there is
    an exception here, never the end of this process."""
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: run, report, and leave without cleaning up
        os.close(read_end)
        try:
            report = json.dumps({"times": _invoke(engine, name, packed, repeat)})
            status = 0
        except BaseException as err:  # reported to the parent, never raised here
            report = json.dumps({"error": f"{type(err).__name__}: {err}"})
            status = 1
        os.write(write_end, report.encode())
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == pool_guard.POOL_FAULT_EXIT:
        raise PoolAccessError(
            f"@{name} on target '{target}' read or wrote #cache.remote pool memory outside "
            "a transfer (a page fault in the guarded pool; see the address on stderr)"
        )
    if os.WIFSIGNALED(status):
        raise ExecutionError(
            f"@{name} on target '{target}' crashed with signal {os.WTERMSIG(status)}"
        )
    result = json.loads(b"".join(chunks) or b"{}")
    if "error" in result or not os.WIFEXITED(status) or os.WEXITSTATUS(status):
        raise ExecutionError(
            f"@{name} on target '{target}' failed: {result.get('error', f'status {status}')}"
        )
    return list(result["times"])


def copy_with_function(module: ir.Module, name: str) -> tuple[ir.Module, ir.Operation]:
    """A copy of ``module`` to lower, and its function ``@name``."""
    copy = ir.Module.parse(str(module), module.context)
    function = function_named(copy.operation, name)
    if function is None:
        raise ExecutionError(f"no function @{name} with a body in the module")
    return copy, function


def split_arguments(function: ir.Operation, arguments: Sequence[object]) -> list[object]:
    """The arguments of ``function`` from ``arguments``, those of the
    function as given, where ``cache-peel-loop-slices`` split stacked
    parameters (``cache.slices = array<i64: P, R, N>``: rows ``R`` to
    ``R + N`` of argument ``P``, as numpy views, so what the function
    writes lands in the array given); ``arguments`` as they are where the
    function has no such parameter or they are already as many as its
    parameters."""
    slices = slice_attributes(function)
    count = len(function.regions[0].blocks[0].arguments)
    if not slices or len(arguments) == count:
        return list(arguments)
    given = count - sum(1 for number, (of, _, _) in slices.items() if of != number)
    if len(arguments) != given:
        return list(arguments)  # pack_arguments says what does not match
    split: list[object] = []
    for number in range(count):
        if number not in slices:
            split.append(arguments[number])
            continue
        of, first, rows = slices[number]
        value = arguments[of]
        if not isinstance(value, np.ndarray) or value.ndim == 0 or value.shape[0] < first + rows:
            raise ExecutionError(
                f"argument #{of}: expected an array of at least {first + rows} rows, "
                f"split by cache.slices"
            )
        split.append(value[first : first + rows])
    return split


def pack_arguments(name: str, inputs: list[ir.Type], arguments: Sequence[object]) -> list[object]:
    """ExecutionEngine arguments for ``@name`` with parameter types ``inputs``:
    numpy arrays for memrefs (checked against element type and static
    shape), Python numbers for scalars; ExecutionError names a mismatch."""
    if len(arguments) != len(inputs):
        raise ExecutionError(f"@{name} takes {len(inputs)} arguments, got {len(arguments)}")
    packed: list[object] = []
    for index, (type_, value) in enumerate(zip(inputs, arguments, strict=True)):
        if isinstance(type_, ir.MemRefType):
            element = str(type_.element_type)
            expected = _NUMPY.get(element)
            if expected is None:
                raise ExecutionError(f"argument #{index}: element type {element} is not supported")
            if not isinstance(value, np.ndarray) or value.dtype != expected:
                raise ExecutionError(
                    f"argument #{index}: expected a numpy array of {np.dtype(expected)} for "
                    f"{type_}, got {type(value).__name__}"
                    + (f" of {value.dtype}" if isinstance(value, np.ndarray) else "")
                )
            shape = list(type_.shape)
            if len(shape) != value.ndim or any(
                not ir.ShapedType.is_dynamic_size(d) and d != n
                for d, n in zip(shape, value.shape, strict=True)
            ):
                raise ExecutionError(
                    f"argument #{index}: expected shape {shape} for {type_}, "
                    f"got {list(value.shape)}"
                )
            if not value.flags["C_CONTIGUOUS"]:
                raise ExecutionError(f"argument #{index}: the array must be C-contiguous")
            descriptor = get_ranked_memref_descriptor(value)
            packed.append(ctypes.pointer(ctypes.pointer(descriptor)))
        else:
            kind = _CTYPES.get(str(type_))
            if kind is None:
                raise ExecutionError(f"argument #{index}: scalar type {type_} is not supported")
            packed.append(ctypes.pointer(kind(value)))  # type: ignore[arg-type]
    return packed
