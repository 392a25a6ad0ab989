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
  // expected-error @+1 {{cache-plan-offload plans functions without cache ops (other than the streamed slices of cache-stream-loop-slices); run cache-strip-transfers first}}
  %d, %t = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>
  cache.wait %t
  %e = cache.evict %d : memref<250xf32>
  return
}

// -----

// Tests that each function is planned alone: both infeasible functions get
// their error (the first does not stop the second), and the one that fits
// is planned.
// expected-error @+1 {{budget of 1500 bytes is infeasible}}
func.func @first_infeasible(%a: memref<250xf32>, %o: memref<250xf32>) {
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
func.func @fits(%a: memref<100xf32>, %o: memref<100xf32>) {
  linalg.copy ins(%a : memref<100xf32>) outs(%o : memref<100xf32>)
  return
}
// expected-error @+1 {{budget of 1500 bytes is infeasible}}
func.func @second_infeasible(%a: memref<250xf32>, %o: memref<250xf32>) {
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}

// -----

// Tests that a budget on tensors (values, not buffers yet) is refused at
// the first tensor, with the way out.
// expected-error @+1 {{cache-plan-offload cannot meet a budget: @on_tensors computes on tensors (takes tensors): buffers, and so device memory, exist only after bufferization; run --hyper-bufferize-pipeline first}}
func.func @on_tensors(%a: tensor<64xf32>) -> tensor<64xf32> {
  return %a : tensor<64xf32>
}

// -----

func.func @buffers(%a: memref<64xf32>, %o: memref<64xf32>) {
  // expected-error @+1 {{cache-plan-offload cannot meet a budget: @buffers computes on tensors ('tensor.empty' defines a tensor)}}
  %e = tensor.empty() : tensor<64xf32>
  return
}
