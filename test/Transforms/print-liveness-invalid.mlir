// RUN: hyper-opt %s --split-input-file --cache-print-liveness --verify-diagnostics
// RUN: not hyper-opt %s --split-input-file --cache-print-liveness=dynamic-dim-bound=16 2>&1 >/dev/null | FileCheck %s

// Tests that a dynamic size is an error naming the buffer, or takes the
// given upper bound (16 x 4 x f32 = 256 bytes).
// CHECK-LABEL: Buffer liveness: @dynamic
// CHECK: %alloc  alloc     256 (256 B)
func.func @dynamic(%n: index) {
  // expected-error @+1 {{cannot size buffer %alloc: memref<?x4xf32> has a dynamic shape; give an upper bound with dynamic-dim-bound=N}}
  %t = memref.alloc(%n) : memref<?x4xf32>
  memref.dealloc %t : memref<?x4xf32>
  return
}

// -----

// Tests that a dynamic argument is reported at the function.
// CHECK-LABEL: Buffer liveness: @dynamic_argument
// CHECK: %arg0   argument  64 (64 B)
// expected-error @+1 {{cannot size buffer %arg0: memref<?xf32> has a dynamic shape}}
func.func @dynamic_argument(%a: memref<?xf32>) {
  return
}

// -----

// Tests that a layout without strides cannot be sized, bound or not.
// CHECK: print-liveness-invalid.mlir:[[# @LINE + 2]]:1: error: cannot size buffer %arg0: {{.*}} has a layout that is not strided
// expected-error @+1 {{cannot size buffer %arg0: memref<4x8xf32, affine_map<(d0, d1) -> (d1, d0)>> has a layout that is not strided}}
func.func @permuted(%a: memref<4x8xf32, affine_map<(d0, d1) -> (d1, d0)>>) {
  return
}

// -----

// Tests that a function that cannot be sized (a dynamic stride) stops its
// own analysis only: the next function's table is still printed, and the
// pass fails.
// CHECK: Buffer liveness: @after_dynamic_stride
// CHECK-NEXT: buffer
// CHECK-NEXT: %arg0   argument  32 (32 B)
// CHECK: error: cannot size buffer %arg0: memref<8xf32, strided<[?]>> has a dynamic stride
// expected-error @+1 {{cannot size buffer %arg0}}
func.func @dynamic_stride(%a: memref<8xf32, strided<[?]>>) {
  return
}
func.func @after_dynamic_stride(%a: memref<8xf32>) {
  return
}

// -----

// Tests that tensors get a warning: they are values, no memory is counted
// until bufferization.
// CHECK: warning: its tensors are not counted: @on_tensors computes on tensors ('tensor.empty' defines a tensor)
func.func @on_tensors(%a: memref<8xf32>) {
  // expected-warning @+1 {{its tensors are not counted: @on_tensors computes on tensors ('tensor.empty' defines a tensor): buffers, and so device memory, exist only after bufferization; run --hyper-bufferize-pipeline first}}
  %e = tensor.empty() : tensor<8xf32>
  return
}
