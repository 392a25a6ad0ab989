"""Loads the compiled cache-dialect library into the process's one MLIR copy.

The library ``_lib/libHyperOffloadCache.so`` is linked against the MLIR inside
the ``mlir`` wheel (``libMLIRPythonCAPI.so``), so the dialect it registers is
the one every :class:`mlir.ir.Context` uses. Its C entry points take the
upstream C API handles, reached through ``ctypes`` from the ``_CAPIPtr``
capsules of the Python objects; no binding library of our own is needed.

Loading two separately built copies of the dialect into one process aborts
MLIR (two dialects with one namespace). Two guards refuse that with an
``ImportError``: a process-wide record of the loaded library's path, kept on
the ``mlir._mlir_libs`` module (which exists once per process), and the
library itself, which declines to register into a registry that already holds
a ``cache`` dialect it did not insert.
"""

from __future__ import annotations

import ctypes
import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import overload

import mlir._mlir_libs as _mlir_libs
import numpy as np
from mlir import ir

LIBRARY_NAME = "libHyperOffloadCache.so"
PLUGIN_NAME = "libHyperOffloadCachePlugin.so"
_LIB_DIR = Path(__file__).resolve().parent / "_lib"
_PROCESS_RECORD = "_hyperoffload_cache_library"

# PyCapsule keeps a pointer to its name: these must outlive every capsule.
_MODULE_CAPSULE_NAME = b"mlir.ir.Module._CAPIPtr"


class _Handle(ctypes.Structure):
    """Any MLIR C API handle: a struct holding one pointer."""

    _fields_ = [("ptr", ctypes.c_void_p)]


class _StringRef(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("length", ctypes.c_size_t)]


_StringCallback = ctypes.CFUNCTYPE(None, _StringRef, ctypes.c_void_p)


class _BytesRef(ctypes.Structure):
    """An MlirStringRef whose data may hold NUL bytes (c_char_p would stop
    at the first)."""

    _fields_ = [("data", ctypes.c_void_p), ("length", ctypes.c_size_t)]


_BytesCallback = ctypes.CFUNCTYPE(None, _BytesRef, ctypes.c_void_p)
_EffectCallback = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_void_p)
_RemoteAccessCallback = ctypes.CFUNCTYPE(
    None, ctypes.c_uint64, ctypes.c_int32, ctypes.c_int32, ctypes.c_void_p
)

_pythonapi = ctypes.pythonapi
_pythonapi.PyCapsule_GetPointer.restype = ctypes.c_void_p
_pythonapi.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_pythonapi.PyCapsule_GetName.restype = ctypes.c_char_p
_pythonapi.PyCapsule_GetName.argtypes = [ctypes.py_object]
_pythonapi.PyCapsule_New.restype = ctypes.py_object
_pythonapi.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]


def library_path() -> Path:
    """Path of the dialect library that this package loads."""
    override = os.environ.get("HYPEROFFLOAD_LIBRARY_DIR")
    return (Path(override) if override else _LIB_DIR) / LIBRARY_NAME


def plugin_path() -> Path:
    """Path of the ``mlir-opt --load-dialect-plugin`` library."""
    return library_path().parent / PLUGIN_NAME


def _capsule_pointer(capsule: object) -> int:
    name = _pythonapi.PyCapsule_GetName(capsule)
    pointer = _pythonapi.PyCapsule_GetPointer(capsule, name)
    if not pointer:
        raise RuntimeError("null MLIR handle in capsule")
    return int(pointer)


# The name every operation capsule carries (the upstream bindings' own
# MLIR_PYTHON_CAPSULE_OPERATION); knowing it halves the cost of the
# hottest conversion, done for every op several times per analysis.
_OPERATION_CAPSULE = b"mlir.ir.Operation._CAPIPtr"


_VALUE_CAPSULE = b"mlir.ir.Value._CAPIPtr"
_TYPE_CAPSULE = b"mlir.ir.Type._CAPIPtr"


def _address(capsule: object, name: bytes) -> int:
    pointer = _pythonapi.PyCapsule_GetPointer(capsule, name)
    if not pointer:
        raise RuntimeError(f"null MLIR handle in capsule {name.decode()}")
    return int(pointer)


def operation_address(op: ir.Operation) -> int:
    """The address of the MLIR operation behind ``op``."""
    return _address(op._CAPIPtr, _OPERATION_CAPSULE)


def value_address(value: ir.Value) -> int:
    """The address behind ``value`` (its MlirValue pointer): a stable identity."""
    return _address(value._CAPIPtr, _VALUE_CAPSULE)


class _LivenessArrays(ctypes.Structure):
    """HyperoffloadLivenessArrays (hyperoffload-c/Cache.h)."""

    _fields_ = [
        ("numPositions", ctypes.c_int64),
        ("operations", ctypes.POINTER(ctypes.c_uint64)),
        ("parent", ctypes.POINTER(ctypes.c_int64)),
        ("end", ctypes.POINTER(ctypes.c_int64)),
        ("repeating", ctypes.POINTER(ctypes.c_uint8)),
        ("descends", ctypes.POINTER(ctypes.c_uint8)),
        ("positionName", ctypes.POINTER(ctypes.c_int32)),
        ("opNames", ctypes.c_void_p),
        ("opNamesSize", ctypes.c_int64),
        ("positionCostClass", ctypes.POINTER(ctypes.c_int32)),
        ("numCostClasses", ctypes.c_int64),
        ("costClassKeyOffsets", ctypes.POINTER(ctypes.c_int64)),
        ("costClassKeys", ctypes.POINTER(ctypes.c_uint64)),
        ("numRoots", ctypes.c_int64),
        ("rootKind", ctypes.POINTER(ctypes.c_int32)),
        ("rootType", ctypes.POINTER(ctypes.c_uint64)),
        ("rootDefinedAt", ctypes.POINTER(ctypes.c_int64)),
        ("rootFreedAt", ctypes.POINTER(ctypes.c_int64)),
        ("rootFreedBy", ctypes.POINTER(ctypes.c_int64)),
        ("rootLastUse", ctypes.POINTER(ctypes.c_int64)),
        ("rootEscapes", ctypes.POINTER(ctypes.c_uint8)),
        ("rootValue", ctypes.POINTER(ctypes.c_uint64)),
        ("rootNames", ctypes.c_void_p),
        ("rootNamesSize", ctypes.c_int64),
        ("useOffsets", ctypes.POINTER(ctypes.c_int64)),
        ("usePosition", ctypes.POINTER(ctypes.c_int64)),
        ("useEffect", ctypes.POINTER(ctypes.c_int8)),
        ("numValues", ctypes.c_int64),
        ("values", ctypes.POINTER(ctypes.c_uint64)),
        ("valueRootOffsets", ctypes.POINTER(ctypes.c_int64)),
        ("valueRoots", ctypes.POINTER(ctypes.c_int32)),
        ("tokenOffsets", ctypes.POINTER(ctypes.c_int64)),
        ("tokenDefs", ctypes.POINTER(ctypes.c_int64)),
        ("numAccesses", ctypes.c_int64),
        ("accessPosition", ctypes.POINTER(ctypes.c_int64)),
        ("accessRoot", ctypes.POINTER(ctypes.c_int32)),
        ("accessBits", ctypes.POINTER(ctypes.c_uint8)),
    ]


_I64 = ctypes.POINTER(ctypes.c_int64)
_F64 = ctypes.POINTER(ctypes.c_double)


class _PlanInput(ctypes.Structure):
    """HyperoffloadPlanInput (hyperoffload-c/Planner.h)."""

    _fields_ = [
        ("numSteps", ctypes.c_int64),
        ("stepStart", _F64),
        ("baseProfile", _I64),
        ("numGaps", ctypes.c_int64),
        ("gapAfter", _I64),
        ("gapBefore", _I64),
        ("gapFreeFrom", _I64),
        ("gapTransfer", _F64),
        ("gapWriteback", _F64),
        ("gapBytes", _I64),
        ("gapMembers", _I64),
        ("gapForced", ctypes.POINTER(ctypes.c_uint8)),
        ("budget", ctypes.c_int64),
        ("strategy", ctypes.c_int32),
        ("order", ctypes.c_int32),
        ("placement", ctypes.c_int32),
        ("distanceThreshold", ctypes.c_int64),
        ("prefetchDistance", ctypes.c_int64),
        ("lazyOptions", ctypes.c_int64),
    ]


class _PlaceInput(ctypes.Structure):
    """HyperoffloadPlaceInput (hyperoffload-c/Planner.h)."""

    _fields_ = [
        ("numSteps", ctypes.c_int64),
        ("stepStart", _F64),
        ("numTransfers", ctypes.c_int64),
        ("step", _I64),
        ("lower", _I64),
        ("firstUse", _I64),
        ("wait", _I64),
        ("freeAt", _I64),
        ("bytes", _I64),
        ("seconds", _F64),
        ("budget", ctypes.c_int64),
        ("maxInflight", ctypes.c_int64),
    ]


class _PlanOutput(ctypes.Structure):
    """HyperoffloadPlanOutput (hyperoffload-c/Planner.h)."""

    _fields_ = [
        ("prefetchAt", _I64),
        ("freeFrom", _I64),
        ("exposed", _F64),
        ("profile", _I64),
        ("failedStep", ctypes.c_int64),
        ("failedBytes", ctypes.c_int64),
    ]


def _load() -> ctypes.PyDLL:
    path = library_path().resolve()
    recorded = getattr(_mlir_libs, _PROCESS_RECORD, None)
    if recorded is not None:
        recorded_path, recorded_lib = recorded
        if recorded_path != path:
            raise ImportError(
                f"the cache dialect library is already loaded from {recorded_path}; "
                f"refusing to load a second copy from {path} (two copies of one "
                "dialect abort MLIR). Import hyperoffload from one installation only."
            )
        return recorded_lib
    if not path.is_file():
        raise ImportError(
            f"cache dialect library not found at {path}: hyperoffload must be "
            "installed with `pip install .` so its C++ part is built"
        )
    # PyDLL keeps the GIL held: MLIR calls back into Python diagnostic handlers.
    lib = ctypes.PyDLL(str(path))
    lib.hyperoffloadCacheRegisterDialect.restype = ctypes.c_bool
    lib.hyperoffloadCacheRegisterDialect.argtypes = [_Handle]
    lib.hyperoffloadCacheLibraryIdentity.restype = ctypes.c_void_p
    lib.hyperoffloadCacheLibraryIdentity.argtypes = []
    lib.hyperoffloadParseSourceString.restype = _Handle
    lib.hyperoffloadParseSourceString.argtypes = [_Handle, _StringRef, _StringRef]
    lib.hyperoffloadGetAvailableDialects.restype = None
    lib.hyperoffloadGetAvailableDialects.argtypes = [_Handle, _StringCallback, ctypes.c_void_p]
    lib.hyperoffloadEmitDiagnostic.restype = None
    lib.hyperoffloadEmitDiagnostic.argtypes = [_Handle, ctypes.c_int, _StringRef]
    lib.hyperoffloadContextSetPrintOpOnDiagnostic.restype = None
    lib.hyperoffloadContextSetPrintOpOnDiagnostic.argtypes = [_Handle, ctypes.c_bool]
    lib.hyperoffloadGetMemoryEffects.restype = ctypes.c_int
    lib.hyperoffloadGetMemoryEffects.argtypes = [_Handle, _EffectCallback, ctypes.c_void_p]
    lib.hyperoffloadFindRemoteAccesses.restype = ctypes.c_int64
    lib.hyperoffloadFindRemoteAccesses.argtypes = [_Handle, _RemoteAccessCallback, ctypes.c_void_p]
    lib.hyperoffloadFirstTensorDefinition.restype = _Handle
    lib.hyperoffloadFirstTensorDefinition.argtypes = [_Handle]
    lib.hyperoffloadInstallCrashHandler.restype = None
    lib.hyperoffloadInstallCrashHandler.argtypes = [_StringRef]
    lib.hyperoffloadSetCrashStage.restype = None
    lib.hyperoffloadSetCrashStage.argtypes = [_StringRef]
    lib.hyperoffloadPassManagerTrackStages.restype = None
    lib.hyperoffloadPassManagerTrackStages.argtypes = [_Handle]
    lib.hyperoffloadStripRemoteSpace.restype = None
    lib.hyperoffloadStripRemoteSpace.argtypes = [_Handle]
    lib.hyperoffloadValueUses.restype = ctypes.c_int64
    lib.hyperoffloadValueUses.argtypes = [
        _Handle,
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.POINTER(ctypes.c_int32),
        ctypes.c_int64,
    ]
    lib.hyperoffloadSetOperands.restype = None
    lib.hyperoffloadSetOperands.argtypes = [
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.POINTER(ctypes.c_int32),
        ctypes.c_int64,
        _Handle,
    ]
    lib.hyperoffloadBuildPrefetch.restype = None
    lib.hyperoffloadBuildPrefetch.argtypes = [
        _Handle,
        _Handle,
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_int64,
        ctypes.POINTER(ctypes.c_uint64),
    ]
    lib.hyperoffloadBuildEvict.restype = _Handle
    lib.hyperoffloadBuildEvict.argtypes = [_Handle, _Handle, _Handle]
    lib.hyperoffloadBuildWait.restype = None
    lib.hyperoffloadBuildWait.argtypes = [_Handle, ctypes.POINTER(ctypes.c_uint64), ctypes.c_int64]
    lib.hyperoffloadMoveBefore.restype = None
    lib.hyperoffloadMoveBefore.argtypes = [
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_int64,
    ]
    lib.hyperoffloadOpsWithAttribute.restype = None
    lib.hyperoffloadOpsWithAttribute.argtypes = [
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_int64,
        _StringRef,
        ctypes.POINTER(ctypes.c_uint8),
    ]
    lib.hyperoffloadRegionOpNames.restype = None
    lib.hyperoffloadRegionOpNames.argtypes = [_Handle, _StringCallback, ctypes.c_void_p]
    lib.hyperoffloadLinalgStaticLoopRanges.restype = ctypes.c_int
    lib.hyperoffloadLinalgStaticLoopRanges.argtypes = [
        _Handle,
        ctypes.POINTER(ctypes.c_int64),
        ctypes.c_int,
    ]
    lib.hyperoffloadOperationKey.restype = ctypes.c_int
    lib.hyperoffloadOperationKey.argtypes = [
        _Handle,
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_int,
    ]
    lib.hyperoffloadPrintValueNames.restype = None
    lib.hyperoffloadPrintValueNames.argtypes = [
        _Handle,
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_int64,
        _BytesCallback,
        ctypes.c_void_p,
    ]
    lib.hyperoffloadLoopOpNames.restype = None
    lib.hyperoffloadLoopOpNames.argtypes = [_StringCallback, ctypes.c_void_p]
    lib.hyperoffloadLivenessAnalyse.restype = ctypes.c_void_p
    lib.hyperoffloadLivenessAnalyse.argtypes = [_Handle]
    lib.hyperoffloadLivenessGetArrays.restype = _LivenessArrays
    lib.hyperoffloadLivenessGetArrays.argtypes = [ctypes.c_void_p]
    lib.hyperoffloadLivenessDestroy.restype = None
    lib.hyperoffloadLivenessDestroy.argtypes = [ctypes.c_void_p]
    lib.hyperoffloadPlaceTransfers.restype = None
    lib.hyperoffloadPlaceTransfers.argtypes = [
        ctypes.POINTER(_PlaceInput),
        _I64,
        _I64,
        _F64,
    ]
    lib.hyperoffloadPlanGaps.restype = ctypes.c_bool
    lib.hyperoffloadPlanGaps.argtypes = [
        ctypes.POINTER(_PlanInput),
        ctypes.POINTER(_PlanOutput),
    ]
    setattr(_mlir_libs, _PROCESS_RECORD, (path, lib))
    return lib


_lib = _load()


def register_dialect(registry: ir.DialectRegistry) -> None:
    """Insert the cache dialect into ``registry``.

    Raises ImportError if the registry already holds a ``cache`` dialect from a
    different copy of the library.
    """
    handle = _Handle(_capsule_pointer(registry._CAPIPtr))
    if not _lib.hyperoffloadCacheRegisterDialect(handle):
        raise ImportError(
            "the MLIR dialect registry already holds a 'cache' dialect from another "
            "copy of the library; refusing to register a second one"
        )


def parse_source(source: str, source_name: str, context: ir.Context) -> ir.Module | None:
    """Parse ``source`` as ``mlir-opt`` does (implicit top-level module).

    Locations carry ``source_name``. Diagnostics go to the context's handlers;
    returns None if parsing or verification failed.
    """
    data = source.encode("utf-8")
    name = source_name.encode("utf-8")
    handle = _lib.hyperoffloadParseSourceString(
        _Handle(_capsule_pointer(context._CAPIPtr)),
        _StringRef(data, len(data)),
        _StringRef(name, len(name)),
    )
    if not handle.ptr:
        return None
    capsule = _pythonapi.PyCapsule_New(handle.ptr, _MODULE_CAPSULE_NAME, None)
    return ir.Module._CAPICreate(capsule)


def loop_op_names() -> frozenset[str]:
    """Names of the ops whose regions the liveness walk treats as loops."""
    names: list[str] = []

    def collect(ref: _StringRef, _user: object) -> None:
        names.extend(ctypes.string_at(ref.data, ref.length).decode().split(","))

    _lib.hyperoffloadLoopOpNames(_StringCallback(collect), None)
    return frozenset(names)


def available_dialects(context: ir.Context) -> list[str]:
    """Names of every dialect registered in ``context``, sorted."""
    names: list[str] = []

    def collect(ref: _StringRef, _user: object) -> None:
        names.extend(ctypes.string_at(ref.data, ref.length).decode().split(","))

    callback = _StringCallback(collect)
    _lib.hyperoffloadGetAvailableDialects(
        _Handle(_capsule_pointer(context._CAPIPtr)), callback, None
    )
    return [n for n in names if n]


SEVERITY_ERROR = 0
SEVERITY_WARNING = 1
SEVERITY_REMARK = 3


def emit_diagnostic(location: ir.Location, severity: int, message: str) -> None:
    """Emit a diagnostic of ``severity`` (``SEVERITY_*``) at ``location``."""
    data = message.encode("utf-8")
    _lib.hyperoffloadEmitDiagnostic(
        _Handle(_capsule_pointer(location._CAPIPtr)), severity, _StringRef(data, len(data))
    )


def set_print_op_on_diagnostic(context: ir.Context, enable: bool) -> None:
    """Whether diagnostics on an op get a note that prints the op."""
    _lib.hyperoffloadContextSetPrintOpOnDiagnostic(
        _Handle(_capsule_pointer(context._CAPIPtr)), enable
    )


EFFECT_READ = 0
EFFECT_WRITE = 1
EFFECT_ALLOCATE = 2
EFFECT_FREE = 3

EFFECTS_DECLARED = 0
EFFECTS_RECURSIVE = 1
EFFECTS_UNKNOWN = 2

_effects_sink: list[tuple[int, int, int]] = []


@_EffectCallback
def _collect_effect(kind: int, operand: int, result: int, _user: object) -> None:
    _effects_sink.append((kind, operand, result))


def memory_effects(op: ir.Operation) -> tuple[int, list[tuple[int, int, int]]]:
    """The memory effects ``op`` declares (upstream MemoryEffectOpInterface).

    Returns ``(status, effects)``: status is one of ``EFFECTS_*``; each effect
    is ``(EFFECT_* kind, operand index or -1, result index or -1)``.
    """
    _effects_sink.clear()
    status = _lib.hyperoffloadGetMemoryEffects(
        _Handle(operation_address(op)), _collect_effect, None
    )
    effects = list(_effects_sink)
    _effects_sink.clear()
    return status, effects


_KEY_CAPACITY = 64
_key_buffer = (ctypes.c_uint64 * _KEY_CAPACITY)()


def operation_key(op: ir.Operation) -> tuple[int, ...]:
    """What ``op``'s cost follows from (hyperoffloadOperationKey): name,
    attributes, operand types and aliasing, the ops of its regions, as
    pointers to uniqued objects. Equal keys mean equal costs within one
    context; never compare keys across contexts."""
    handle = _Handle(operation_address(op))
    count = _lib.hyperoffloadOperationKey(handle, _key_buffer, _KEY_CAPACITY)
    if count <= _KEY_CAPACITY:
        return tuple(_key_buffer[:count])
    buffer = (ctypes.c_uint64 * count)()
    _lib.hyperoffloadOperationKey(handle, buffer, count)
    return tuple(buffer)


_DYNAMIC = -(2**63)


# Why an operand in the pool is an access (HyperoffloadRemoteAccess).
REMOTE_ACCESS_DECLARED, REMOTE_ACCESS_UNKNOWN, REMOTE_ACCESS_CAST = 0, 1, 2


def remote_accesses(root: ir.Operation) -> list[tuple[int, int, int]]:
    """Every access to ``#cache.remote`` memory by an op nested in ``root``
    at any depth, region payloads included: (op address, operand number,
    ``REMOTE_ACCESS_*``), in pre-order. The cache ops, views, terminators,
    calls, region-branch ops and ops that neither read nor write the
    operand do not access it (``hyperoffloadFindRemoteAccesses``)."""
    found: list[tuple[int, int, int]] = []

    @_RemoteAccessCallback
    def collect(op: int, operand: int, reason: int, _user: object) -> None:
        found.append((op, operand, reason))

    _lib.hyperoffloadFindRemoteAccesses(_Handle(operation_address(root)), collect, None)
    return found


def first_tensor_definition(root: ir.Operation) -> ir.Operation | None:
    """The first op in ``root`` (pre-order, ``root`` included for its
    block arguments) that defines a tensor value, if any
    (``hyperoffloadFirstTensorDefinition``)."""
    found = _lib.hyperoffloadFirstTensorDefinition(_Handle(operation_address(root)))
    return operation_at(found.ptr) if found.ptr else None


def install_crash_handler(input_name: str) -> None:
    """On a crash (SIGSEGV, SIGABRT, ...), write one line naming
    ``input_name`` and the stage running, and exit with status 1
    (``hyperoffloadInstallCrashHandler``). For drivers only: it replaces
    whatever handler the process had."""
    data = input_name.encode()
    _lib.hyperoffloadInstallCrashHandler(_StringRef(data, len(data)))


def set_crash_stage(stage: str) -> None:
    """What the driver does now, as the crash handler will name it."""
    data = stage.encode()
    _lib.hyperoffloadSetCrashStage(_StringRef(data, len(data)))


def track_stages(pass_manager: object) -> None:
    """Make ``pass_manager`` (an ``mlir.passmanager.PassManager``) record
    each pass it starts, for the crash handler."""
    address = _capsule_pointer(pass_manager._CAPIPtr)  # type: ignore[attr-defined]
    _lib.hyperoffloadPassManagerTrackStages(_Handle(address))


def strip_remote_space(root: ir.Operation) -> None:
    """Drop the ``#cache.remote`` memory space from every type in ``root``
    and its nested ops, attributes included (``hyperoffloadStripRemoteSpace``)."""
    _lib.hyperoffloadStripRemoteSpace(_Handle(operation_address(root)))


def operation_at(address: int) -> ir.Operation:
    """The op at ``address`` (an MlirOperation pointer) as a Python op."""
    capsule = _pythonapi.PyCapsule_New(address, _OPERATION_CAPSULE, None)
    return ir.Operation._CAPICreate(capsule)


def value_uses(value: ir.Value) -> list[tuple[int, int]]:
    """The uses of ``value`` in use-list order (that of ``value.uses``), as
    (owner address, operand number): no Python op made per use."""
    handle = _Handle(value_address(value))
    capacity = 8
    while True:
        owners = (ctypes.c_uint64 * capacity)()
        numbers = (ctypes.c_int32 * capacity)()
        count = _lib.hyperoffloadValueUses(handle, owners, numbers, capacity)
        if count <= capacity:
            return list(zip(owners[:count], numbers[:count], strict=True))
        capacity = count


def value_at(address: int) -> ir.Value:
    """The value at ``address`` (:func:`value_address`) as a Python value."""
    capsule = _pythonapi.PyCapsule_New(address, _VALUE_CAPSULE, None)
    return ir.Value._CAPICreate(capsule)


def set_operands(uses: list[tuple[int, int]], value: ir.Value | int) -> None:
    """Make ``value`` (or the value at that address) operand ``number`` of
    the op at ``owner`` for each (owner address, operand number) of ``uses``."""
    if not uses:
        return
    owners = (ctypes.c_uint64 * len(uses))(*(owner for owner, _ in uses))
    numbers = (ctypes.c_int32 * len(uses))(*(number for _, number in uses))
    address = value if isinstance(value, int) else value_address(value)
    _lib.hyperoffloadSetOperands(owners, numbers, len(uses), _Handle(address))


def move_before(moves: list[tuple[int, int]]) -> None:
    """Move the op at ``op`` right before the op at ``anchor`` (addresses),
    for each (op, anchor) of ``moves``, in order."""
    if not moves:
        return
    ops = (ctypes.c_uint64 * len(moves))(*(op for op, _ in moves))
    anchors = (ctypes.c_uint64 * len(moves))(*(anchor for _, anchor in moves))
    _lib.hyperoffloadMoveBefore(ops, anchors, len(moves))


# Builders of cache ops from addresses (op and value pointers, as
# operation_address and value_address give them): a rewrite inserting
# thousands of transfers makes no Python op, value or insertion point per
# op. Each builds right before ``anchor``, at its location, unverified.


def build_prefetch(anchor: int, source: int, dependencies: list[int]) -> tuple[int, int]:
    """``cache.prefetch`` of ``source`` after ``dependencies`` (tokens):
    the addresses of its device buffer and its token."""
    tokens = (ctypes.c_uint64 * len(dependencies))(*dependencies)
    results = (ctypes.c_uint64 * 2)()
    _lib.hyperoffloadBuildPrefetch(
        _Handle(anchor), _Handle(source), tokens, len(dependencies), results
    )
    return results[0], results[1]


def build_evict(anchor: int, buffer: int, destination: int | None = None) -> int:
    """``cache.evict`` of ``buffer`` (written back into ``destination``
    if given): the address of its token."""
    token = _lib.hyperoffloadBuildEvict(_Handle(anchor), _Handle(buffer), _Handle(destination))
    return int(token.ptr)


def build_wait(anchor: int, tokens: list[int]) -> None:
    """``cache.wait`` on ``tokens``."""
    array = (ctypes.c_uint64 * len(tokens))(*tokens)
    _lib.hyperoffloadBuildWait(_Handle(anchor), array, len(tokens))


def with_attribute(addresses: list[int], name: str) -> list[int]:
    """Indices into ``addresses`` (op addresses) of the ops carrying an
    attribute called ``name``."""
    if not addresses:
        return []
    ops = (ctypes.c_uint64 * len(addresses))(*addresses)
    has = (ctypes.c_uint8 * len(addresses))()
    key = name.encode()
    _lib.hyperoffloadOpsWithAttribute(ops, len(addresses), _StringRef(key, len(key)), has)
    return [i for i, flag in enumerate(has) if flag]


def region_op_names(op: ir.Operation) -> list[str]:
    """Names of the ops directly in the blocks of ``op``'s regions, in order
    (without making a Python object, nor loading a dialect module, per op)."""
    names: list[str] = []

    def collect(ref: _StringRef, _user: object) -> None:
        text = ctypes.string_at(ref.data, ref.length).decode()
        names.extend(text.split(",") if text else [])

    _lib.hyperoffloadRegionOpNames(_Handle(operation_address(op)), _StringCallback(collect), None)
    return names


def linalg_loop_ranges(op: ir.Operation) -> list[int | None] | None:
    """Static loop ranges of a linalg op (None for a dynamic range), or None
    if ``op`` is not a linalg op (upstream LinalgOp interface)."""
    capacity = 16
    buffer = (ctypes.c_int64 * capacity)()
    count = _lib.hyperoffloadLinalgStaticLoopRanges(
        _Handle(operation_address(op)), buffer, capacity
    )
    if count < 0:
        return None
    if count > capacity:
        buffer = (ctypes.c_int64 * count)()
        _lib.hyperoffloadLinalgStaticLoopRanges(_Handle(operation_address(op)), buffer, count)
    return [None if buffer[i] == _DYNAMIC else int(buffer[i]) for i in range(count)]


ROOT_KINDS = ("argument", "alloc", "alloca", "global", "prefetch", "allocated", "opaque")
USE_EFFECTS = (
    "none",
    "read",
    "write",
    "read-write",
    "free",
    "unknown",
    "alloc",
    "alloc/read",
    "alloc/write",
)


class OperationList(Sequence[ir.Operation]):
    """Operations by address, each made into a Python op on first access:
    making one for every op of a large function costs more than most
    analyses read. Assigning an index replaces its op."""

    __slots__ = ("_addresses", "_made")

    def __init__(self, addresses: list[int]) -> None:
        self._addresses = addresses
        self._made: list[ir.Operation | None] = [None] * len(addresses)

    def __len__(self) -> int:
        return len(self._addresses)

    @overload
    def __getitem__(self, index: int) -> ir.Operation: ...

    @overload
    def __getitem__(self, index: slice) -> list[ir.Operation]: ...

    def __getitem__(self, index: int | slice) -> ir.Operation | list[ir.Operation]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._addresses)))]
        op = self._made[index]
        if op is None:
            op = self._made[index] = operation_at(self._addresses[index])
        return op

    def __setitem__(self, index: int, op: ir.Operation) -> None:
        self._made[index] = op

    @property
    def addresses(self) -> list[int]:
        """The ops' addresses (:func:`operation_address`)."""
        return self._addresses


# The bits of an access (HyperoffloadAccessBit): what one op may do to a root.
ACCESS_READ = 1
ACCESS_WRITE = 2
ACCESS_ALLOC = 4
ACCESS_FREE = 8
ACCESS_UNKNOWN = 16


@dataclasses.dataclass
class LivenessWalk:
    """What hyperoffloadLivenessAnalyse found, as Python lists.

    Per program position its op (and address), parent position, last nested
    position, whether its regions repeat, whether the walk descends into
    them (an op with regions, not linalg), its op name and cost class (-1:
    not a linalg op; ``class_keys[c]`` is class c's operation_key); per root
    buffer its kind (an index of ROOT_KINDS), type, definition, free point,
    freeing position (-1: the end), last use (-1: none), escape flag, value
    address, name (a global's ``@symbol``; empty for the others, whose
    printed names :func:`value_names` gives) and uses: those of root r are
    entries ``use_offsets[r]`` up to ``use_offsets[r + 1]`` of
    ``use_positions`` and ``use_effects`` (an index of USE_EFFECTS);
    ``roots`` maps value
    addresses to root indices. The ``!cache.token`` operands of position p
    are entries ``token_offsets[p]`` up to ``token_offsets[p + 1]`` of
    ``token_defs``: the positions of the ops defining them (-1: a block
    argument). The accesses are the uses again in program
    order (an op's in the order its operands first name the roots): their
    positions, roots and ``ACCESS_*`` bits.
    """

    operations: OperationList
    addresses: list[int]
    parent: list[int]
    end: list[int]
    repeating: list[int]
    descends: list[int]
    op_names: list[str]
    cost_class: list[int]
    class_keys: list[tuple[int, ...]]
    kinds: list[int]
    types: list[ir.Type]
    defined_at: list[int]
    freed_at: list[int]
    freed_by: list[int]
    last_use: list[int]
    escapes: list[int]
    values: list[int]
    names: list[str]
    use_offsets: list[int]
    use_positions: list[int]
    use_effects: list[int]
    roots: dict[int, tuple[int, ...]]
    token_offsets: list[int]
    token_defs: list[int]
    access_position: list[int]
    access_root: list[int]
    access_bits: list[int]


def _array(pointer: object, count: int) -> list[int]:
    if count == 0:
        return []
    return np.ctypeslib.as_array(pointer, shape=(count,)).tolist()


def _strings(pointer: int | None, size: int) -> list[str]:
    if not size or pointer is None:
        return []
    return ctypes.string_at(pointer, size).decode("utf-8")[:-1].split("\0")


def liveness_walk(function: ir.Operation) -> LivenessWalk:
    """Run the C++ liveness walk over ``function`` (a func.func with a body)."""
    handle = _lib.hyperoffloadLivenessAnalyse(_Handle(operation_address(function)))
    try:
        arrays = _lib.hyperoffloadLivenessGetArrays(handle)
        op_names = _strings(arrays.opNames, arrays.opNamesSize)
        roots = arrays.numRoots
        count = arrays.numPositions
        position_names = [op_names[i] for i in _array(arrays.positionName, count)]
        addresses = _array(arrays.operations, count)
        operations = OperationList(addresses)
        class_offsets = _array(arrays.costClassKeyOffsets, arrays.numCostClasses + 1)
        class_keys = _array(arrays.costClassKeys, class_offsets[-1])
        type_pointers = _array(arrays.rootType, roots)
        types: dict[int, ir.Type] = {}
        for pointer in set(type_pointers):
            capsule = _pythonapi.PyCapsule_New(pointer, _TYPE_CAPSULE, None)
            types[pointer] = ir.Type._CAPICreate(capsule)
        offsets = _array(arrays.useOffsets, roots + 1)
        positions = _array(arrays.usePosition, offsets[-1] if offsets else 0)
        token_offsets = _array(arrays.tokenOffsets, count + 1)
        value_offsets = _array(arrays.valueRootOffsets, arrays.numValues + 1)
        value_roots = _array(arrays.valueRoots, value_offsets[-1] if value_offsets else 0)
        value_map = {
            address: tuple(value_roots[value_offsets[i] : value_offsets[i + 1]])
            for i, address in enumerate(_array(arrays.values, arrays.numValues))
        }
        return LivenessWalk(
            operations=operations,
            addresses=addresses,
            parent=_array(arrays.parent, count),
            end=_array(arrays.end, count),
            repeating=_array(arrays.repeating, count),
            descends=_array(arrays.descends, count),
            op_names=position_names,
            cost_class=_array(arrays.positionCostClass, count),
            class_keys=[
                tuple(class_keys[class_offsets[c] : class_offsets[c + 1]])
                for c in range(arrays.numCostClasses)
            ],
            kinds=_array(arrays.rootKind, roots),
            types=[types[pointer] for pointer in type_pointers],
            defined_at=_array(arrays.rootDefinedAt, roots),
            freed_at=_array(arrays.rootFreedAt, roots),
            freed_by=_array(arrays.rootFreedBy, roots),
            last_use=_array(arrays.rootLastUse, roots),
            escapes=_array(arrays.rootEscapes, roots),
            values=_array(arrays.rootValue, roots),
            names=_strings(arrays.rootNames, arrays.rootNamesSize),
            use_offsets=offsets,
            use_positions=positions,
            use_effects=_array(arrays.useEffect, len(positions)),
            roots=value_map,
            token_offsets=token_offsets,
            token_defs=_array(arrays.tokenDefs, token_offsets[-1]),
            access_position=_array(arrays.accessPosition, arrays.numAccesses),
            access_root=_array(arrays.accessRoot, arrays.numAccesses),
            access_bits=_array(arrays.accessBits, arrays.numAccesses),
        )
    finally:
        _lib.hyperoffloadLivenessDestroy(handle)


def value_names(scope: ir.Operation, addresses: list[int]) -> list[str]:
    """The names the printer gives the values at ``addresses``
    (:func:`value_address`), all inside ``scope`` (an op isolated from
    above, e.g. a func.func), numbering ``scope`` once. The values must
    still exist: call it before changing the IR they were read from."""
    if not addresses:
        return []
    pointers = (ctypes.c_uint64 * len(addresses))(*addresses)
    names: list[str] = []

    def collect(ref: _BytesRef, _user: object) -> None:
        names.extend(_strings(ref.data, ref.length))

    _lib.hyperoffloadPrintValueNames(
        _Handle(operation_address(scope)),
        pointers,
        len(addresses),
        _BytesCallback(collect),
        None,
    )
    return names


PLAN_STRATEGIES = ("ours", "on-demand", "distance")
PLAN_ORDERS = ("largest", "streaming")
PLAN_PLACEMENTS = ("room", "ideal")


@dataclasses.dataclass(frozen=True)
class PlanGaps:
    """The per-step and per-gap inputs of :func:`plan_gaps` (see
    hyperoffload-c/Planner.h); arrays are made contiguous of the C types."""

    step_start: np.ndarray
    base_profile: np.ndarray
    after: np.ndarray
    before: np.ndarray
    free_from: np.ndarray
    transfer: np.ndarray
    writeback: np.ndarray
    nbytes: np.ndarray
    members: np.ndarray  # (gaps, 3): applied together, ascending, -1 padded
    forced: np.ndarray

    def __post_init__(self) -> None:
        for name, dtype in (
            ("step_start", np.float64),
            ("base_profile", np.int64),
            ("after", np.int64),
            ("before", np.int64),
            ("free_from", np.int64),
            ("transfer", np.float64),
            ("writeback", np.float64),
            ("nbytes", np.int64),
            ("members", np.int64),
            ("forced", np.uint8),
        ):
            object.__setattr__(self, name, np.ascontiguousarray(getattr(self, name), dtype))
        gaps = len(self.after)
        if len(self.base_profile) != len(self.step_start) or self.members.shape != (gaps, 3):
            raise ValueError("plan_gaps: arrays of inconsistent lengths")
        for name in ("before", "free_from", "transfer", "writeback", "nbytes", "forced"):
            if len(getattr(self, name)) != gaps:
                raise ValueError(f"plan_gaps: {name} has {len(getattr(self, name))} gaps")


@dataclasses.dataclass
class GapPlan:
    """What :func:`plan_gaps` chose: per gap the prefetch step (-1: kept on
    the device), first free step and exposed seconds; bytes per step; and
    when infeasible, the peak step with no option left and its bytes."""

    feasible: bool
    prefetch_at: np.ndarray
    free_from: np.ndarray
    exposed: np.ndarray
    profile: np.ndarray
    failed_step: int
    failed_bytes: int


def _pointer(array: np.ndarray, kind: type) -> object:
    return array.ctypes.data_as(ctypes.POINTER(kind))


def plan_gaps(
    gaps: PlanGaps,
    budget: int,
    *,
    strategy: str,
    order: str,
    placement: str,
    distance_threshold: int,
    prefetch_distance: int,
    lazy_options: int,
) -> GapPlan:
    """Run the planner's choice loop (hyperoffloadPlanGaps) over ``gaps``."""
    steps = len(gaps.step_start) - 1
    count = len(gaps.after)
    inputs = _PlanInput(
        numSteps=steps,
        stepStart=_pointer(gaps.step_start, ctypes.c_double),
        baseProfile=_pointer(gaps.base_profile, ctypes.c_int64),
        numGaps=count,
        gapAfter=_pointer(gaps.after, ctypes.c_int64),
        gapBefore=_pointer(gaps.before, ctypes.c_int64),
        gapFreeFrom=_pointer(gaps.free_from, ctypes.c_int64),
        gapTransfer=_pointer(gaps.transfer, ctypes.c_double),
        gapWriteback=_pointer(gaps.writeback, ctypes.c_double),
        gapBytes=_pointer(gaps.nbytes, ctypes.c_int64),
        gapMembers=_pointer(gaps.members, ctypes.c_int64),
        gapForced=_pointer(gaps.forced, ctypes.c_uint8),
        budget=budget,
        strategy=PLAN_STRATEGIES.index(strategy),
        order=PLAN_ORDERS.index(order),
        placement=PLAN_PLACEMENTS.index(placement),
        distanceThreshold=distance_threshold,
        prefetchDistance=prefetch_distance,
        lazyOptions=lazy_options,
    )
    prefetch_at = np.empty(count, dtype=np.int64)
    free_from = np.empty(count, dtype=np.int64)
    exposed = np.empty(count, dtype=np.float64)
    profile = np.empty(steps + 1, dtype=np.int64)
    outputs = _PlanOutput(
        prefetchAt=_pointer(prefetch_at, ctypes.c_int64),
        freeFrom=_pointer(free_from, ctypes.c_int64),
        exposed=_pointer(exposed, ctypes.c_double),
        profile=_pointer(profile, ctypes.c_int64),
    )
    feasible = bool(_lib.hyperoffloadPlanGaps(ctypes.byref(inputs), ctypes.byref(outputs)))
    return GapPlan(
        feasible=feasible,
        prefetch_at=prefetch_at,
        free_from=free_from,
        exposed=exposed,
        profile=profile,
        failed_step=int(outputs.failedStep),
        failed_bytes=int(outputs.failedBytes),
    )


@dataclasses.dataclass(frozen=True)
class Transfers:
    """The transfers :func:`place_transfers` places, in placing order (see
    hyperoffload-c/Planner.h): per transfer its current step, the lowest
    step it may move to, the steps of its first use, its wait and its
    buffer's free, its bytes and its copy seconds."""

    step: np.ndarray
    lower: np.ndarray
    first_use: np.ndarray
    wait: np.ndarray
    free_at: np.ndarray
    nbytes: np.ndarray
    seconds: np.ndarray

    def __post_init__(self) -> None:
        for name in ("step", "lower", "first_use", "wait", "free_at", "nbytes"):
            object.__setattr__(self, name, np.ascontiguousarray(getattr(self, name), np.int64))
        object.__setattr__(self, "seconds", np.ascontiguousarray(self.seconds, np.float64))
        count = len(self.step)
        for name in ("lower", "first_use", "wait", "free_at", "nbytes", "seconds"):
            if len(getattr(self, name)) != count:
                raise ValueError(f"place_transfers: {name} has {len(getattr(self, name))} entries")


def place_transfers(
    step_start: np.ndarray,
    profile: np.ndarray,
    transfers: Transfers,
    budget: int | None,
    max_inflight: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Run the placement loop of cache-schedule-transfers
    (hyperoffloadPlaceTransfers): each transfer's issue step and copy
    start. ``profile`` (int64, one entry per step start) is updated in
    place; indices must lie within it."""
    starts = np.ascontiguousarray(step_start, dtype=np.float64)
    if profile.dtype != np.int64 or not profile.flags.c_contiguous:
        raise ValueError("place_transfers: profile must be a contiguous int64 array")
    steps = len(starts) - 1
    if len(profile) != steps + 1:
        raise ValueError("place_transfers: profile and step starts differ in length")
    count = len(transfers.step)
    for name in ("step", "lower", "first_use", "wait", "free_at"):
        values = getattr(transfers, name)
        if count and (values.min() < 0 or values.max() > steps):
            raise ValueError(f"place_transfers: {name} out of the steps")
    inputs = _PlaceInput(
        numSteps=steps,
        stepStart=_pointer(starts, ctypes.c_double),
        numTransfers=count,
        step=_pointer(transfers.step, ctypes.c_int64),
        lower=_pointer(transfers.lower, ctypes.c_int64),
        firstUse=_pointer(transfers.first_use, ctypes.c_int64),
        wait=_pointer(transfers.wait, ctypes.c_int64),
        freeAt=_pointer(transfers.free_at, ctypes.c_int64),
        bytes=_pointer(transfers.nbytes, ctypes.c_int64),
        seconds=_pointer(transfers.seconds, ctypes.c_double),
        budget=-1 if budget is None else budget,
        maxInflight=max_inflight,
    )
    point = np.empty(count, dtype=np.int64)
    begin = np.empty(count, dtype=np.float64)
    _lib.hyperoffloadPlaceTransfers(
        ctypes.byref(inputs),
        _pointer(profile, ctypes.c_int64),
        _pointer(point, ctypes.c_int64),
        _pointer(begin, ctypes.c_double),
    )
    return point, begin
