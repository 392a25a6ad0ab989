"""``cache-fuse-weight-transposes``: read weights through permuted maps, not transposed copies.

torch-mlir turns every ``nn.Linear`` into a ``linalg.transpose`` of the
weight (a constant, or an argument when weights are passed in) into a new
tensor, and a ``linalg.matmul`` reading that copy. Bufferized, the copy is a
buffer as large as the weight: weight and copy are resident together, and
offloading the weight still leaves the copy. This pass makes every consumer
read the weight itself, with the transpose's permutation applied to the
consumer's indexing map for that operand, and erases the transpose: the
smallest working set of a linear layer becomes its operands, not operands
plus a copy.

Before: linalg-on-tensors. After: the same values; each consumer reads the
same elements in the same iteration order (only where they are read from
changes), so results are bit-identical.

Conservative: only a ``linalg.transpose`` of an ``arith.constant`` or of a
function argument is fused, and only if every use of its result is an
input of a linalg op with an ``indexing_maps`` attribute (``linalg.matmul``,
``linalg.batch_matmul``, ``linalg.generic``, ...); otherwise it is left as
it is. Upstream's ``linalg-fold-into-elementwise`` does this for
``linalg.elementwise`` consumers only. Run it before bufferization
(``hyper-bufferize-pipeline`` does).

Example::

    %t = linalg.transpose ins(%w : tensor<64x32xf32>) outs(%e : tensor<32x64xf32>)
           permutation = [1, 0]
    %r = linalg.matmul ins(%x, %t : tensor<8x32xf32>, tensor<32x64xf32>)
           outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>

becomes::

    %r = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>,
                                        affine_map<(d0, d1, d2) -> (d1, d2)>,
                                        affine_map<(d0, d1, d2) -> (d0, d1)>]
           ins(%x, %w : tensor<8x32xf32>, tensor<64x32xf32>)
           outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.ir_utils import functions_with_bodies, walk_preorder
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class FuseWeightTransposesPass(ModulePass):
    """Fold transposes of weights into the indexing maps of their consumers."""

    name = "cache-fuse-weight-transposes"
    summary = "Read weights through permuted indexing maps instead of transposed copies."

    def run(self, module: ir.Operation) -> None:
        for function in functions_with_bodies(module):
            fused = fuse_weight_transposes(function)
            if fused:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"fused_transposes": fused}


def fuse_weight_transposes(function: ir.Operation) -> int:
    """Fuse every eligible ``linalg.transpose`` in ``function`` (see the
    module docstring); returns how many were fused."""
    entry_arguments = list(function.regions[0].blocks[0].arguments)
    fused = 0
    for op in list(walk_preorder(function)):
        if op.name != "linalg.transpose" or len(op.results) != 1:
            continue
        source = op.operands[0]
        owner = source.owner
        if isinstance(owner, ir.Block):
            if source not in entry_arguments:
                continue
        elif owner.operation.name != "arith.constant":
            continue
        permutation = list(ir.DenseI64ArrayAttr(op.attributes["permutation"]))
        uses = [(use.owner.operation, use.operand_number) for use in op.results[0].uses]
        if not uses or not all(_reads_as_input(user, number) for user, number in uses):
            continue
        for user, number in uses:
            attrs = ir.ArrayAttr(user.attributes["indexing_maps"])
            maps = [ir.AffineMapAttr(m).value for m in attrs]
            maps[number] = _permuted(maps[number], permutation)
            user.attributes["indexing_maps"] = ir.ArrayAttr.get(
                [ir.AffineMapAttr.get(m) for m in maps]
            )
            user.operands[number] = source
        op.erase()
        fused += 1
    return fused


def _reads_as_input(user: ir.Operation, number: int) -> bool:
    """Whether operand ``number`` of ``user`` is an input of a linalg op
    that reads each operand through an indexing map."""
    if not user.name.startswith("linalg.") or "indexing_maps" not in user.attributes:
        return False
    if "operandSegmentSizes" not in user.attributes:
        return False
    inputs = ir.DenseI32ArrayAttr(user.attributes["operandSegmentSizes"])[0]
    maps = ir.ArrayAttr(user.attributes["indexing_maps"])
    return number < inputs and len(maps) == len(user.operands)


def _permuted(read: ir.AffineMap, permutation: list[int]) -> ir.AffineMap:
    """The map reading the transpose's input where ``read`` read its
    result: result dim ``k`` of the transpose is input dim
    ``permutation[k]``."""
    results = list(read.results)
    permuted = list(results)
    for k, dim in enumerate(permutation):
        permuted[dim] = results[k]
    return ir.AffineMap.get(read.n_dims, read.n_symbols, permuted)
