"""``cache-materialize-branch-results``: give a branch's tensor results one buffer.

JAX's ``lax.cond`` (an early exit: ``cond(stop, lambda h: h, rest, h)``)
becomes an ``scf.if`` that yields a tensor from each region, one of them
often a value from above (the state as it was). Upstream one-shot
bufferization bufferizes it, but the result may then be either branch's
buffer, so ownership-based deallocation frees it under runtime ownership
flags through a ``@dealloc_helper`` on ``memref<?xindex>``, which no size
can be given to (``hyper-offload-pipeline`` refuses it). This pass, run
before bufferization in ``hyper-bufferize-pipeline``, gives each tensor
result whose sizes are known before the ``scf.if`` a ``tensor.empty``
destination made before it and makes every region write what it yields
into it with upstream's ``bufferization.materialize_in_destination``: the
result is that one buffer on either path, allocated and freed where
bufferization knows it (with a dynamic size, bufferization otherwise frees
the result under a runtime ownership flag and it stays aliased: never
offloaded).

A dynamic size is known before the ``scf.if`` when every region's result
has the same one there: a tensor from above has its own (``tensor.dim``),
a ``tensor.empty`` its size operands when they come from above, and a
destination-style op (linalg, ``tensor.insert_slice``,
``materialize_in_destination``) its destination's.

Before: ``scf.if`` ops with ranked tensor results. After: each one whose
sizes are known before it yields ``materialize_in_destination`` results
into one destination per result. Conservative: the copy is made even
where a branch could have computed into the destination in place; a
dynamic size computed inside a region, or different in two regions,
leaves the result alone.

Example::

    %r = scf.if %stop -> (tensor<8x16xf32>) {
      scf.yield %h : tensor<8x16xf32>
    } else {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
      scf.yield %m : tensor<8x16xf32>
    }

becomes::

    %d = tensor.empty() : tensor<8x16xf32>
    %r = scf.if %stop -> (tensor<8x16xf32>) {
      %s = bufferization.materialize_in_destination %h in %d : (...) -> tensor<8x16xf32>
      scf.yield %s : tensor<8x16xf32>
    } else {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
      %s = bufferization.materialize_in_destination %m in %d : (...) -> tensor<8x16xf32>
      scf.yield %s : tensor<8x16xf32>
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import arith, bufferization, tensor

from hyperoffload import _native
from hyperoffload.analysis.program import constant_int
from hyperoffload.ir_utils import walk_preorder
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class MaterializeBranchResultsPass(ModulePass):
    """Make each region of an ``scf.if`` write its tensor results into one
    destination per result, made before it with the sizes they share."""

    name = "cache-materialize-branch-results"
    summary = "Write the tensors an scf.if yields into one destination each (lax.cond's state)."

    def run(self, module: ir.Operation) -> None:
        for op in walk_preorder(module):
            if op.name == "scf.if":
                materialize_branch_results(op)


def materialize_branch_results(branch: ir.Operation) -> int:
    """Route each tensor result of ``branch`` (an ``scf.if``) whose sizes
    are known before it through a destination made before it; how many
    were."""
    changed = 0
    terminators = [
        region.blocks[0].operations[len(region.blocks[0].operations) - 1].operation
        for region in branch.regions
        if len(region.blocks)
    ]
    dims: dict[tuple[ir.Value, int], ir.Value] = {}
    for index, result in enumerate(branch.results):
        type_ = result.type
        if not isinstance(type_, ir.RankedTensorType):
            continue
        if any(
            t.operands[index].owner is not None
            and not isinstance(t.operands[index].owner, ir.Block)
            and t.operands[index].owner.operation.name == "bufferization.materialize_in_destination"
            for t in terminators
        ):
            continue  # done before
        sizes = _sizes_before(branch, [t.operands[index] for t in terminators], type_, dims)
        if sizes is None:
            continue
        with ir.InsertionPoint(branch), branch.location:
            destination = tensor.EmptyOp(
                [
                    size if size is not None else extent
                    for size, extent in zip(sizes, type_.shape, strict=True)
                ],
                type_.element_type,
            ).result
        for terminator in terminators:
            with ir.InsertionPoint(terminator), terminator.location:
                stored = bufferization.MaterializeInDestinationOp(
                    type_, terminator.operands[index], destination
                )
            terminator.operands[index] = stored.result
        changed += 1
    return changed


def _sizes_before(
    branch: ir.Operation,
    yielded: list[ir.Value],
    type_: ir.RankedTensorType,
    dims: dict[tuple[ir.Value, int], ir.Value],
) -> list[ir.Value | None] | None:
    """Per dimension of ``type_``, None where it is static, else a value
    before ``branch`` that every region's ``yielded`` value has as that
    size; None where some dynamic size is not known so (the regions
    disagree, or a size is computed inside one)."""
    sizes: list[ir.Value | None] = []
    for dim, extent in enumerate(type_.shape):
        if not ir.ShapedType.is_dynamic_size(extent):
            sizes.append(None)
            continue
        found = [_size_of(branch, value, dim) for value in yielded]
        if any(f is None for f in found):
            return None
        keys = {(f[0], f[1]) for f in found if f is not None}
        if len(keys) != 1:
            return None
        ((source, number),) = keys
        if number < 0:
            sizes.append(source)  # an index value from above
            continue
        # A tensor.dim above the scf.if that a region reads already.
        existing = next((f[2] for f in found if f is not None and f[2] is not None), None)
        if existing is not None:
            dims.setdefault((source, number), existing)
        if (source, number) not in dims:
            with ir.InsertionPoint(branch), branch.location:
                dims[source, number] = tensor.DimOp(
                    source, arith.ConstantOp(ir.IndexType.get(), number).result
                ).result
        sizes.append(dims[source, number])
    return sizes


def _size_of(
    branch: ir.Operation, value: ir.Value, dim: int
) -> tuple[ir.Value, int, ir.Value | None] | None:
    """Size ``dim`` of tensor ``value`` (yielded by a region of ``branch``)
    as a value from above ``branch``: ``(tensor, dim, the tensor.dim above
    that reads it, if one is used)`` for that dimension of a tensor defined
    above it, ``(index value, -1, None)`` for another index value defined
    above it; None where it is computed inside."""
    while True:
        owner = value.owner
        if isinstance(owner, ir.Block) or not _inside(owner.operation, branch):
            return value, dim, None
        op = owner.operation
        if op.name == "tensor.empty":
            dynamic = [
                i for i, e in enumerate(ir.RankedTensorType(value.type).shape)
                if ir.ShapedType.is_dynamic_size(e)
            ]  # fmt: skip
            size = op.operands[dynamic.index(dim)]
            return _index_from_above(branch, size)
        if op.name == "tensor.dim":
            return None
        inputs = _native.linalg_inputs(op)
        if inputs is not None:
            number = ir.OpResult(value).result_number
            value = op.operands[inputs + number]  # the result's init
        elif op.name in ("tensor.insert_slice", "bufferization.materialize_in_destination"):
            value = op.operands[1]  # the destination
        else:
            return None


def _index_from_above(
    branch: ir.Operation, size: ir.Value
) -> tuple[ir.Value, int, ir.Value | None] | None:
    """An index defined above ``branch``: ``tensor.dim %t, c`` with a
    constant ``c`` as ``(%t, c, size)``, any other as ``(size, -1, None)``."""
    owner = size.owner
    if isinstance(owner, ir.Block):
        return (size, -1, None) if not _inside(owner.owner.operation, branch) else None
    op = owner.operation
    if _inside(op, branch):
        return None
    if op.name == "tensor.dim":
        number = constant_int(op.operands[1])
        if number is not None:
            return op.operands[0], number, size
    return size, -1, None


def _inside(op: ir.Operation, ancestor: ir.Operation) -> bool:
    """Whether ``op`` is ``ancestor`` or nested in it."""
    current: ir.Operation | None = op
    while current is not None:
        if current == ancestor:
            return True
        parent = current.parent
        current = parent.operation if parent is not None else None
    return False
