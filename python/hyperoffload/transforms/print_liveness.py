"""``cache-print-liveness``: print buffer lifetimes and the device-memory profile.

For every function with a body, prints the root buffers (arguments,
allocations, globals, prefetched copies) with their size, definition, last
use, free point and uses, then the peak of the device-memory profile and
the buffers live there (:class:`hyperoffload.analysis.liveness.BufferLiveness`
documents the rules). ``format=json`` prints the same data, plus the whole
profile, for tools.

Before: any IR on memrefs. After: the IR is unchanged; the table goes to
standard error (``output=-``) or to a file.

Conservative: aliases belong to every root they may point into; a buffer
used inside a loop it is defined outside of is live to the loop's end. A
dynamic size is an error naming the buffer unless ``dynamic-dim-bound``
gives an upper bound; a layout without strides is an error too.

Example::

    func.func @f(%a: memref<16xf32>) {
      %t = memref.alloc() : memref<16xf32>
      linalg.copy ins(%a : memref<16xf32>) outs(%t : memref<16xf32>)
      memref.dealloc %t : memref<16xf32>
      return
    }

becomes:: (the same IR, and on standard error)

    // -----// Buffer liveness: @f (4 ops) //----- //
    buffer  kind      size       defined at       last use        freed at           uses
    %arg0   argument  64 (64 B)  entry            #2 linalg.copy  end                #2 read
    %alloc  alloc     64 (64 B)  #1 memref.alloc  #2 linalg.copy  #3 memref.dealloc  #2 write, ...
    peak: 128 bytes (128 B) at #1 memref.alloc
    live at peak: %arg0 (64), %alloc (64)
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Literal

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.output import write_text
from hyperoffload.sim.report import liveness_json, liveness_table
from hyperoffload.transforms.pass_base import (
    ModulePass,
    dynamic_dim_bound_option,
    functions_option,
)


@dataclasses.dataclass(frozen=True)
class PrintLivenessPass(ModulePass):
    """Print the liveness of every function; the IR is left unchanged."""

    name = "cache-print-liveness"
    summary = "Print buffer lifetimes, sizes and the device-memory peak of every function."

    format: Literal["text", "json"] = dataclasses.field(
        default="text", metadata={"help": "text table or JSON"}
    )
    output: str = dataclasses.field(
        default="-", metadata={"help": "file to write, or - for standard error"}
    )
    dynamic_dim_bound: int = dynamic_dim_bound_option()
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        results = []
        failed = False
        for function in self.selected_functions(module):
            tensors = self.tensor_problem(function)
            if tensors is not None:
                self.emit_warning(tensors[0], f"its tensors are not counted: {tensors[1]}")
            try:
                results.append(
                    BufferLiveness(function, dynamic_dim_bound=self.dynamic_dim_bound or None)
                )
            except LivenessError as err:
                # The other functions are still printed; the pass fails.
                self.emit_error(err.location, err.message)
                failed = True
        self.write(module, results)
        if failed:
            raise self.failure(module, "a function cannot be analysed")

    def write(self, module: ir.Operation, results: list[BufferLiveness]) -> None:
        """Print the tables (or JSON) of ``results`` where asked."""
        if self.format == "json":
            text = json.dumps({"functions": [liveness_json(r) for r in results]}, indent=2) + "\n"
        else:
            text = "".join(liveness_table(r) for r in results)
        if self.output == "-":
            sys.stderr.write(text)
            sys.stderr.flush()
            return
        try:
            write_text(self.output, text)
        except OSError as err:
            raise self.fail(module, f"cannot write liveness to '{self.output}': {err}") from None
