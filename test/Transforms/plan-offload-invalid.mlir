// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=1500 hw=%S/../Inputs/unit.toml' --verify-diagnostics

// Tests an infeasible budget: the copy needs both buffers at once (2000 B).
// expected-error @+1 {{budget of 1500 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 2000 bytes}}
func.func @infeasible(%a: memref<250xf32>, %o: memref<250xf32>) {
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}

// -----

// Tests that a function that already has transfers is refused.
func.func @scheduled(%w: memref<250xf32, #cache.remote>) {
  // expected-error @+1 {{cache-plan-offload plans functions without cache ops; run cache-strip-transfers first}}
  %d, %t = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>
  cache.wait %t
  %e = cache.evict %d : memref<250xf32>
  return
}
