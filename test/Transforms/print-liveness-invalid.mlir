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
