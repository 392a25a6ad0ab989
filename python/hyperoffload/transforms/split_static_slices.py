"""``cache-split-static-slices``: pass each slice of a stacked weight as a parameter of its own.

The unrolled counterpart of ``cache-peel-loop-slices``. Straight-line code
reading a stacked parameter at constant slices (JAX's Python loop over
``P[i]``; see :mod:`hyperoffload.analysis.static_slices`) holds every
layer's slice in one buffer, which the planner can only move whole;
``cache-stream-static-slices`` streams it slice by slice, but the first
slice's copy then has nothing to hide behind and every slice is copied.
At decode that costs everything: the JAX unrolled export at 7B sizes
streamed nothing within 1% (0.0%), where the same program with a weight
array per layer cut 9.3%.

This pass splits each such parameter into its slices: the parameter keeps
the slice read first (its type becomes one slice), each other slice read
becomes a parameter of its own, appended, and each view reads its own
parameter at offset 0 (the views and the reshapes of them keep their
layouts, their static offsets shifted to the new buffer). The planner then
decides each slice alone, as for a weight array per layer.

ABI: as for ``cache-peel-loop-slices``, each parameter that holds rows of
a parameter as given says which (``cache.slices = array<i64: P, R, N>``);
rows nothing reads are not passed; ``hyperoffload.runtime.run_function``
splits the arguments of the function as given.

Before: a function whose parameters may be stacked weights read at
constant slices. After: the same values computed; each such parameter
split into one parameter per slice read.

Conservative: what the analysis is (whole slices at constant indices,
read by linalg ops or read-only calls in the function body, no caller);
where a view's layout offset is dynamic below a reshape the offset stays
as it was (a cast to a dynamic offset); a function that does not verify
after the split is left as it was, with a remark.

Options: ``functions=``.

Example::

    func.func @f(%w: memref<2x64xf32>, %x: memref<64xf32>) {
      %w0 = memref.subview %w[0, 0] [1, 64] [1, 1]
          : memref<2x64xf32> to memref<1x64xf32, strided<[64, 1]>>
      ...
      %w1 = memref.subview %w[1, 0] [1, 64] [1, 1]
          : memref<2x64xf32> to memref<1x64xf32, strided<[64, 1], offset: 64>>
      ...
    }

becomes::

    func.func @f(%w: memref<1x64xf32> {cache.slices = array<i64: 0, 0, 1>},
                 %x: memref<64xf32>,
                 %w1: memref<1x64xf32> {cache.slices = array<i64: 0, 1, 1>}) {
      %v0 = memref.subview %w[0, 0] [1, 64] [1, 1] ...
      ...
      %v1 = memref.subview %w1[0, 0] [1, 64] [1, 1]
          : memref<1x64xf32> to memref<1x64xf32, strided<[64, 1]>>
      ...
    }
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection

from mlir import ir

from hyperoffload.analysis.static_slices import RESHAPES, StaticStream, find_static_streams
from hyperoffload.ir_utils import update_function_type
from hyperoffload.transforms.pass_base import ModulePass, functions_option, run_or_restore
from hyperoffload.transforms.peel_loop_slices import (
    SLICES_ATTRIBUTE,
    argument_attributes,
    slice_attributes,
)


@dataclasses.dataclass(frozen=True)
class SplitStaticSlicesPass(ModulePass):
    """Split stacked weights read at constant slices into one parameter
    per slice."""

    name = "cache-split-static-slices"
    summary = (
        "Pass each slice of a stacked parameter straight-line code reads at constant "
        "slices as a parameter of its own."
    )
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        for function in self.selected_functions(module):
            function, remarks = split_static_slices(function)
            for where, message in remarks:
                self.emit_remark(where, message)
            split = sorted({rows[0] for rows in slice_attributes(function).values()})
            if split:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"split": split}


def split_static_slices(
    function: ir.Operation, arguments: Collection[int] | None = None
) -> tuple[ir.Operation, list[tuple[ir.Operation, str]]]:
    """Split each stacked parameter of ``function`` read at constant slices
    (those among ``arguments``, by number, if given) into its slices (see
    the module docstring). The function (a copy may take its place) and
    the remarks, each with the op it is about."""
    streams = [
        stream
        for stream in find_static_streams(function)
        if arguments is None or stream.argument.arg_number in arguments
    ]
    if not streams:
        return function, []
    remarks: list[tuple[ir.Operation, str]] = []
    # Per stream kept, the views (and reshapes of them) to retype.
    kept: list[tuple[StaticStream, list[tuple[ir.Value, ir.MemRefType]]]] = []
    for stream in streams:
        row_elements = math.prod(ir.MemRefType(stream.argument.type).shape[1:])
        retypes: list[tuple[ir.Value, ir.MemRefType]] = []
        for view in stream.slices:
            row = ir.DenseI64ArrayAttr(view.attributes["static_offsets"])[0]
            found, call = _retyped(view.results[0], row * row_elements)
            if call is not None:
                remarks.append(
                    (
                        call,
                        f"leaves %arg{stream.argument.arg_number} whole: a slice of it is "
                        "passed to a call whose parameter type names the slice's offset",
                    )
                )
                break
            retypes.extend(found)
        else:
            kept.append((stream, retypes))
    if not kept:
        return function, remarks
    pristine = function.clone()
    body = function.regions[0].blocks[0]
    attributes = argument_attributes(function)
    described: list[str] = []
    for stream, retypes in kept:
        argument = stream.argument
        number = argument.arg_number
        type_ = ir.MemRefType(argument.type)
        one = ir.MemRefType.get([1, *type_.shape[1:]], type_.element_type, loc=function.location)
        added: list[str] = []
        for k, view in enumerate(stream.slices):
            offsets = list(ir.DenseI64ArrayAttr(view.attributes["static_offsets"]))
            row = offsets[0]
            if k == 0:
                target = argument
                argument.set_type(one)
                attributes[number] = {
                    **attributes[number],
                    SLICES_ATTRIBUTE: ir.DenseI64ArrayAttr.get([number, row, 1]),
                }
            else:
                target = body.add_argument(one, view.location)
                attributes.append({SLICES_ATTRIBUTE: ir.DenseI64ArrayAttr.get([number, row, 1])})
                added.append(f"%arg{target.arg_number}")
            view.operands[0] = target
            view.attributes["static_offsets"] = ir.DenseI64ArrayAttr.get([0, *offsets[1:]])
        for value, retyped in retypes:
            value.set_type(retyped)
        described.append(
            f"%arg{number} into {len(stream.slices)} slices (%arg{number}, {', '.join(added)})"
        )
    function.attributes["arg_attrs"] = ir.ArrayAttr.get([ir.DictAttr.get(a) for a in attributes])
    update_function_type(function)
    try:
        function.verify()
    except ir.MLIRError as err:
        ir.InsertionPoint(function).insert(pristine)
        function.erase()
        problem = err.error_diagnostics[0].message if err.error_diagnostics else str(err)
        remarks.append((pristine, f"leaves its stacked parameters whole: split, {problem}"))
        return pristine, remarks
    function, _ = run_or_restore(function, "func.func(canonicalize)")
    return function, [*remarks, (function, f"splits {', '.join(described)} (cache.slices)")]


def _retyped(
    value: ir.Value, elements: int
) -> tuple[list[tuple[ir.Value, ir.MemRefType]], ir.Operation | None]:
    """``value`` (a view of a slice) and the reshapes of it whose static
    layout offset moves ``elements`` down once the slice starts its own
    buffer, each with its new type; and a call among their users whose
    operand type that would change (its callee's parameter type would no
    longer match), if any. An identity layout is at offset 0 already (the
    slice at row 0); a dynamic offset (a cast) holds for any."""
    if not elements:
        return [], None
    type_ = ir.MemRefType(value.type)
    layout = type_.layout
    if (
        not isinstance(layout, ir.StridedLayoutAttr)
        or layout.offset == ir.ShapedType.get_dynamic_stride_or_offset()
    ):
        return [], None
    retyped = ir.MemRefType.get(
        type_.shape,
        type_.element_type,
        ir.StridedLayoutAttr.get(layout.offset - elements, list(layout.strides)),
        type_.memory_space,
    )
    found = [(value, retyped)]
    for use in value.uses:
        owner = use.owner
        user = owner.operation if hasattr(owner, "operation") else owner
        if user.name in RESHAPES and use.operand_number == 0:
            below, call = _retyped(user.results[0], elements)
            found.extend(below)
            if call is not None:
                return found, call
        elif user.name == "func.call":
            return found, user
    return found, None
