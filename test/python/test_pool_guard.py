"""The guarded pool (hyperoffload.runtime.pool_guard, lib/Runtime/PoolGuard.cpp):
compute that touches #cache.remote memory faults on every runtime target
and is reported, while transfers (synchronous copies, copies on worker
threads, the host emulation's mgpuMemcpy) read and write it freely."""

from __future__ import annotations

import numpy as np
import pytest
from hyperoffload.runtime import TARGETS, PoolAccessError, run_function
from mlir import ir

SOURCE = """
memref.global "private" constant @table : memref<2048xf32, #cache.remote> = dense<2.0>

func.func @reads_pool(%w: memref<2048xf32, #cache.remote>, %o: memref<2048xf32>) {
  linalg.copy ins(%w : memref<2048xf32, #cache.remote>) outs(%o : memref<2048xf32>)
  return
}

func.func @loads_global_in_payload(%o: memref<2048xf32>) {
  %t = memref.get_global @table : memref<2048xf32, #cache.remote>
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      outs(%o : memref<2048xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %v = memref.load %t[%i] : memref<2048xf32, #cache.remote>
    linalg.yield %v : f32
  }
  return
}

func.func @writes_pool_buffer(%o: memref<2048xf32>) {
  %pool = memref.alloc() : memref<2048xf32, #cache.remote>
  linalg.copy ins(%o : memref<2048xf32>) outs(%pool : memref<2048xf32, #cache.remote>)
  memref.dealloc %pool : memref<2048xf32, #cache.remote>
  return
}

func.func @transfers(%w: memref<2048xf32, #cache.remote>, %o: memref<2048xf32>) {
  %t = memref.get_global @table : memref<2048xf32, #cache.remote>
  %d, %tw = cache.prefetch %w : memref<2048xf32, #cache.remote> -> memref<2048xf32>
  %g, %tg = cache.prefetch %t : memref<2048xf32, #cache.remote> -> memref<2048xf32>
  cache.wait %tw, %tg
  linalg.add ins(%d, %g : memref<2048xf32>, memref<2048xf32>) outs(%d : memref<2048xf32>)
  %pool = memref.alloc() : memref<2048xf32, #cache.remote>
  %e = cache.evict %d to %pool : memref<2048xf32> to memref<2048xf32, #cache.remote>
  %eg = cache.evict %g : memref<2048xf32>
  %back, %tb = cache.prefetch %pool [%e] : memref<2048xf32, #cache.remote> -> memref<2048xf32>
  cache.wait %tb
  linalg.copy ins(%back : memref<2048xf32>) outs(%o : memref<2048xf32>)
  %eb = cache.evict %back : memref<2048xf32>
  memref.dealloc %pool : memref<2048xf32, #cache.remote>
  return
}
"""


def _arrays() -> tuple[np.ndarray, np.ndarray]:
    return np.arange(2048, dtype=np.float32), np.zeros(2048, dtype=np.float32)


@pytest.mark.parametrize("target", TARGETS)
def test_transfers_read_and_write_the_guarded_pool(target: str) -> None:
    w, o = _arrays()
    with ir.Context():
        run_function(ir.Module.parse(SOURCE), "transfers", [w, o], target=target)
    assert np.array_equal(o, w + 2.0)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    ("function", "with_pool_argument"),
    [("reads_pool", True), ("loads_global_in_payload", False), ("writes_pool_buffer", False)],
)
def test_compute_touching_the_pool_faults(
    target: str, function: str, with_pool_argument: bool, capfd: pytest.CaptureFixture[str]
) -> None:
    w, o = _arrays()
    arguments = [w, o] if with_pool_argument else [o]
    with ir.Context(), pytest.raises(PoolAccessError, match=f"@{function} on target '{target}'"):
        run_function(ir.Module.parse(SOURCE), function, arguments, target=target)
    assert "compute accessed #cache.remote pool memory outside a transfer" in capfd.readouterr().err


def test_unguarded_runs_compute_the_pool_read() -> None:
    """What the guard is for: without it the host computes the numbers."""
    w, o = _arrays()
    with ir.Context():
        run_function(ir.Module.parse(SOURCE), "reads_pool", [w, o], guard_pool=False)
    assert np.array_equal(o, w)
