"""Budgets: parsing, and resolving a percentage against the unoffloaded peak,
with or without an analysis the caller already has."""

from __future__ import annotations

import pytest
from conftest import first_function
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.transforms.budget import Budget
from mlir import ir

PLAIN = """
func.func @f(%w: memref<500xf32>, %o: memref<500xf32>) {
  %t = memref.alloc() : memref<1000xf32>
  linalg.copy ins(%w : memref<500xf32>) outs(%o : memref<500xf32>)
  memref.dealloc %t : memref<1000xf32>
  return
}
"""

# The same program with %w in the pool, fetched after %t is freed: its own
# peak is 6000 B, but the unoffloaded peak counts %w on the device from the
# start, as if the transfers were stripped.
SCHEDULED = """
func.func @f(%w: memref<500xf32, #cache.remote>, %o: memref<500xf32>) {
  %t = memref.alloc() : memref<1000xf32>
  memref.dealloc %t : memref<1000xf32>
  %d, %tok = cache.prefetch %w : memref<500xf32, #cache.remote> -> memref<500xf32>
  cache.wait %tok
  linalg.copy ins(%d : memref<500xf32>) outs(%o : memref<500xf32>)
  %e = cache.evict %d : memref<500xf32>
  return
}
"""


@pytest.mark.parametrize("text", [PLAIN, SCHEDULED])
def test_percentages_resolve_against_the_unoffloaded_peak(context: ir.Context, text: str) -> None:
    module = ir.Module.parse(text)  # owns the function: keep it alive
    function = first_function(module)
    liveness = BufferLiveness(function)
    budget = Budget.parse("50%")
    # 2000 + 2000 + 4000 bytes with everything on the device.
    assert budget.resolve(function) == 4000
    assert budget.resolve(function, liveness=liveness) == 4000


def test_sizes_resolve_to_themselves(context: ir.Context) -> None:
    module = ir.Module.parse(PLAIN)
    function = first_function(module)
    assert Budget.parse("3KiB").resolve(function) == 3072
    with pytest.raises(ValueError, match="percentage budget must be in"):
        Budget.parse("150%")
