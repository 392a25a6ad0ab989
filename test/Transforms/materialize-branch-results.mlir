// RUN: hyper-opt %s --split-input-file --cache-materialize-branch-results | FileCheck %s
// RUN: hyper-opt %s --split-input-file --hyper-bufferize-pipeline | FileCheck %s --check-prefix=BUF

// JAX's lax.cond as an early exit: one region yields the state as it was,
// the other a new one. Each region writes what it yields into one
// destination made before the scf.if.

// CHECK-LABEL: func.func @cond(
// CHECK: %[[D:.+]] = tensor.empty() : tensor<8x16xf32>
// CHECK-NEXT: scf.if %{{.+}} -> (tensor<8x16xf32>) {
// CHECK-NEXT:   %[[S:.+]] = bufferization.materialize_in_destination %[[H:[^ ]+]] in %[[D]] : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT:   scf.yield %[[S]] : tensor<8x16xf32>
// CHECK-NEXT: } else {
// CHECK:        %[[M:.+]] = linalg.matmul
// CHECK-NEXT:   %[[T:.+]] = bufferization.materialize_in_destination %[[M]] in %[[D]] : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT:   scf.yield %[[T]] : tensor<8x16xf32>

// Bufferized: the result is one buffer on either path, each region copies
// into it, and it is freed where bufferization knows it: no ownership
// flags, no helper (without the pass, a @dealloc_helper on
// memref<?xindex> that liveness cannot size).
// BUF-LABEL: func.func @cond(
// BUF-SAME: %[[W:[^:]+]]: memref<16x16xf32>, %[[X:[^:]+]]: memref<8x16xf32>, %{{[^:]+}}: i1, %[[OUT:[^:]+]]: memref<8x16xf32>)
// BUF: %[[R:.+]] = memref.alloc() {{.*}}: memref<8x16xf32>
// BUF: scf.if
// BUF-NEXT: memref.copy %[[X]], %[[R]]
// BUF-NEXT: } else {
// BUF: linalg.matmul ins(%[[X]], %[[W]] : {{.+}}) outs(%[[T:[^ ]+]] : memref<8x16xf32>)
// BUF: memref.copy %[[T]], %[[R]]
// BUF: memref.copy %[[R]], %[[OUT]]
// BUF-NOT: dealloc_helper
func.func @cond(%w: tensor<16x16xf32>, %x: tensor<8x16xf32>, %stop: i1) -> tensor<8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %r = scf.if %stop -> (tensor<8x16xf32>) {
    scf.yield %x : tensor<8x16xf32>
  } else {
    %e = tensor.empty() : tensor<8x16xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
    %m = linalg.matmul ins(%x, %w : tensor<8x16xf32>, tensor<16x16xf32>) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
    scf.yield %m : tensor<8x16xf32>
  }
  return %r : tensor<8x16xf32>
}

// -----

// Results with a dynamic shape are left alone, as are branches that
// yield no tensor.
// CHECK-LABEL: func.func @dynamic(
// CHECK-NOT: materialize_in_destination
// CHECK: return
func.func @dynamic(%x: tensor<?x16xf32>, %y: tensor<?x16xf32>, %stop: i1) -> tensor<?x16xf32> {
  %r = scf.if %stop -> (tensor<?x16xf32>) {
    scf.yield %x : tensor<?x16xf32>
  } else {
    scf.yield %y : tensor<?x16xf32>
  }
  scf.if %stop {
  }
  return %r : tensor<?x16xf32>
}
