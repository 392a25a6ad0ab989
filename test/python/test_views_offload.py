"""Buffers used through views move to the pool: the views made before a gap
are made again on the prefetched copy, and the program computes bit for bit
what it did before, on every runtime target."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.ir_utils import function_named
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager
from mlir import ir

UNIT = Path(__file__).resolve().parents[1] / "Inputs" / "unit.toml"

# An activation written through an expand_shape, read after a long stretch
# of compute through the same view and through a subview of it made later
# (the shapes torch-mlir's head splits have). The input %x feeds every
# value, so a stale view would read wrong numbers.
SOURCE = """
func.func @views(%x: memref<256xf32> {cache.policy = "keep"},
                 %o: memref<4x64xf32> {cache.policy = "keep"},
                 %p: memref<2x64xf32> {cache.policy = "keep"}) {
  %a = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%a : memref<256xf32>)
  %v = memref.expand_shape %a [[0, 1]] output_shape [4, 64] : memref<256xf32> into memref<4x64xf32>
  linalg.add ins(%v, %v : memref<4x64xf32>, memref<4x64xf32>) outs(%v : memref<4x64xf32>)
  %t = memref.alloc() : memref<250xf32>
  %c = arith.constant 1.5 : f32
  linalg.fill ins(%c : f32) outs(%t : memref<250xf32>)
  linalg.fill ins(%c : f32) outs(%t : memref<250xf32>)
  linalg.fill ins(%c : f32) outs(%t : memref<250xf32>)
  linalg.fill ins(%c : f32) outs(%t : memref<250xf32>)
  linalg.fill ins(%c : f32) outs(%t : memref<250xf32>)
  memref.dealloc %t : memref<250xf32>
  %y = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%c : f32) outs(%y : memref<1000xf32>)
  memref.dealloc %y : memref<1000xf32>
  %w = memref.subview %v[1, 0] [2, 64] [1, 1]
      : memref<4x64xf32> to memref<2x64xf32, strided<[64, 1], offset: 64>>
  linalg.add ins(%v, %v : memref<4x64xf32>, memref<4x64xf32>) outs(%o : memref<4x64xf32>)
  linalg.copy ins(%w : memref<2x64xf32, strided<[64, 1], offset: 64>>)
      outs(%p : memref<2x64xf32>)
  memref.dealloc %a : memref<256xf32>
  return
}
"""


def _run(module: ir.Module, target: str) -> tuple[np.ndarray, np.ndarray]:
    x = np.arange(256, dtype=np.float32) / 7
    o = np.zeros((4, 64), dtype=np.float32)
    p = np.zeros((2, 64), dtype=np.float32)
    run_function(module, "views", [x, o, p], target=target)
    return o, p


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_views_are_made_again_on_the_copy(target: str) -> None:
    with ir.Context():
        want = _run(ir.Module.parse(SOURCE), "cpu")
        module = ir.Module.parse(SOURCE)
        # Unoffloaded 7584 B (the 4000 B fill with everything else live);
        # with only the activation free to move, 6560 B.
        options = f"{{budget=6600 hw={UNIT}}}"
        build_pass_manager(f"hyper-offload-pipeline{options}").run(module.operation)
        function = function_named(module.operation, "views")
        text = str(module)
        # The activation went to the pool and came back as a new buffer
        # whose views the uses after the gap read.
        assert "cache.evict %alloc to" in text
        assert text.count("memref.expand_shape") == 2
        assert check_schedule(function) == []
        assert _native.remote_accesses(module.operation) == []
        got = _run(module, target)
    for have, expected in zip(got, want, strict=True):
        assert np.array_equal(have.view(np.uint32), expected.view(np.uint32))
    assert want[1][0, 0] == 2 * 64 / 7  # %p reads row 1 of 2 * x
