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

// A dynamic size both regions' results have, known before the scf.if
// (the state's own, and that of a new tensor made with it): the
// destination is made with it. Bufferized, one buffer on either path: no
// runtime ownership flag decides who frees the result.
// CHECK-LABEL: func.func @dynamic_known(
// CHECK-SAME: %[[X:[^:]+]]: tensor<?x16xf32>
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK-NEXT: %[[N:.+]] = tensor.dim %[[X]], %[[C0]] : tensor<?x16xf32>
// CHECK-NEXT: %[[D:.+]] = tensor.empty(%[[N]]) : tensor<?x16xf32>
// CHECK-NEXT: scf.if %{{.+}} -> (tensor<?x16xf32>) {
// CHECK-NEXT:   %[[S:.+]] = bufferization.materialize_in_destination %[[X]] in %[[D]]
// CHECK:        %[[M:.+]] = linalg.matmul
// CHECK-NEXT:   bufferization.materialize_in_destination %[[M]] in %[[D]]
// BUF-LABEL: func.func @dynamic_known(
// BUF: %[[R:.+]] = memref.alloc(%{{.+}}) {{.*}}: memref<?x16xf32>
// BUF-NEXT: scf.if
// BUF-NOT: scf.if
// BUF: return
func.func @dynamic_known(%x: tensor<?x16xf32>, %w: tensor<16x16xf32>, %stop: i1) -> tensor<16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x16xf32>
  %r = scf.if %stop -> (tensor<?x16xf32>) {
    scf.yield %x : tensor<?x16xf32>
  } else {
    %e = tensor.empty(%n) : tensor<?x16xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
    %m = linalg.matmul ins(%x, %w : tensor<?x16xf32>, tensor<16x16xf32>) outs(%f : tensor<?x16xf32>) -> tensor<?x16xf32>
    scf.yield %m : tensor<?x16xf32>
  }
  %s = tensor.extract_slice %r[0, 0] [16, 16] [1, 1] : tensor<?x16xf32> to tensor<16x16xf32>
  return %s : tensor<16x16xf32>
}

// -----

// Dynamic sizes the regions do not share (two inputs of unrelated sizes)
// are left alone, as are branches that yield no tensor.
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
