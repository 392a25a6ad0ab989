"""A pool that faults: compute touching ``#cache.remote`` memory is caught.

On the host the pool is host memory like the device's, so a schedule whose
compute reads a pool buffer (a kernel dereferencing host memory, on a real
device) computes the right numbers. :func:`guard_pool` instruments a copy
of cache IR, before its transfers are lowered, so that at run time every
pool buffer's pages are inaccessible except while a transfer copies it
(``lib/Runtime/PoolGuard.cpp`` in ``libHyperOffloadMgpuHost.so``):

- each ``memref.alloc`` in the pool is page-aligned and registered right
  after it (``hyperoffload_pool_protect``), released before its
  ``memref.dealloc``;
- the entry function registers its pool arguments and every pool global
  (page-aligned, and no longer ``constant``: LLVM would forward loads of
  a device copy to the constant it was copied from) at its start and
  releases them before it returns;
- the transfers open the pool around each copy: ``cache-lower-to-cpu
  guard-pool=true``, and the host emulation's ``mgpuMemcpy``.

A load or store of pool memory elsewhere faults; the handler names the
address and exits with :data:`POOL_FAULT_EXIT`, which ``run_function``
(running the program in a child process) reports as
:class:`PoolAccessError`. Buffers with a dynamic size are not guarded; the
first and last partial pages of a buffer the runtime did not allocate stay
accessible.
"""

from __future__ import annotations

from mlir import ir
from mlir.dialects import arith, func, memref

from hyperoffload.ir_utils import is_remote_memref, walk_preorder
from hyperoffload.sizes import SizeError, memref_bytes
from hyperoffload.transforms.lower_to_cpu import declare_functions

POOL_PROTECT, POOL_RELEASE = "hyperoffload_pool_protect", "hyperoffload_pool_release"
POOL_FAULT_EXIT = 86  # kPoolFaultExit in lib/Runtime/PoolGuard.cpp
PAGE_ALIGNMENT = 4096


def _size(type_: ir.Type) -> int | None:
    try:
        return memref_bytes(ir.MemRefType(type_), None)
    except SizeError:
        return None


def _register(call: str, value: ir.Value, size: int) -> None:
    pointer = memref.extract_aligned_pointer_as_index(value)
    bytes_ = arith.constant(ir.IndexType.get(), size)
    func.call([], call, [pointer, bytes_])


def guard_pool(module: ir.Module, entry: ir.Operation) -> int:
    """Instrument ``module`` (cache IR, not yet lowered) so its pool buffers
    fault outside transfers when ``entry`` runs; returns how many buffers
    are guarded (allocations counted once, where they are made)."""
    index = ir.IndexType.get()
    guarded = 0
    at_entry: list[tuple[str | None, ir.Value | None, ir.Type, int]] = []
    i64 = ir.IntegerType.get_signless(64)
    for op in list(walk_preorder(module.operation)):
        if op.name == "memref.global":
            type_ = ir.TypeAttr(op.attributes["type"]).value
            size = _size(type_)
            if is_remote_memref(type_) and size:
                op.attributes["alignment"] = ir.IntegerAttr.get(i64, PAGE_ALIGNMENT)
                # A constant global is immutable to LLVM, which then reads
                # a load of the device copy straight from the global the
                # copy came from (memcpy forwarding): a pool read no real
                # device could make. Mutable (its pages are, by mprotect),
                # the opaque guard calls around the copy stop that.
                if "constant" in op.attributes:
                    del op.attributes["constant"]
                symbol = ir.StringAttr(op.attributes["sym_name"]).value
                at_entry.append((symbol, None, type_, size))
        elif op.name == "memref.alloc" and is_remote_memref(op.results[0].type):
            size = _size(op.results[0].type)
            if not size:
                continue
            buffer = op.results[0]
            op.attributes["alignment"] = ir.IntegerAttr.get(i64, PAGE_ALIGNMENT)
            with ir.InsertionPoint.after(op), op.location:
                _register(POOL_PROTECT, buffer, size)
            for use in list(buffer.uses):
                owner = use.owner.operation
                if owner.name == "memref.dealloc":
                    with ir.InsertionPoint(owner), owner.location:
                        _register(POOL_RELEASE, buffer, size)
            guarded += 1
    for argument in entry.regions[0].blocks[0].arguments:
        size = _size(argument.type) if isinstance(argument.type, ir.MemRefType) else None
        if size and is_remote_memref(argument.type):
            at_entry.append((None, argument, argument.type, size))
    if not guarded and not at_entry:
        return 0
    declare_functions(
        module.operation, {POOL_PROTECT: [index, index], POOL_RELEASE: [index, index]}
    )
    body = entry.regions[0].blocks[0]
    values: list[tuple[ir.Value, int]] = []
    with ir.InsertionPoint.at_block_begin(body), entry.location:
        for symbol, value, type_, size in at_entry:
            if value is None:
                value = memref.get_global(type_, symbol)
            _register(POOL_PROTECT, value, size)
            values.append((value, size))
    for op in walk_preorder(entry):
        if op.name == "func.return" and op.parent.operation == entry:
            with ir.InsertionPoint(op), op.location:
                for value, size in values:
                    _register(POOL_RELEASE, value, size)
    return guarded + len(at_entry)
