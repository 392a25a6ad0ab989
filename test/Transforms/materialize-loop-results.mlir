// RUN: hyper-opt %s --split-input-file --cache-materialize-loop-results | FileCheck %s
// RUN: hyper-opt %s --split-input-file --hyper-bufferize-pipeline | FileCheck %s --check-prefix=BUF

// JAX's lax.scan: the hidden state is a tensor carried by the loop, each
// iteration yields a new one. The yield writes it into the iteration
// argument, so upstream one-shot bufferization (which refuses the loop as
// given: "Yield operand #0 is not equivalent to the corresponding iter
// bbArg") keeps the state in one buffer.

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %{{[^:]+}}: tensor<4x64x64xf32>, %{{[^:]+}}: tensor<8x64xf32> {bufferization.writable = false})
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[H:.+]] = %{{.+}}) -> (tensor<8x64xf32>)  : i32 {
// CHECK:   %[[M:.+]] = linalg.matmul
// CHECK-NEXT:   %[[S:.+]] = bufferization.materialize_in_destination %[[M]] in %[[H]] : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
// CHECK-NEXT:   scf.yield %[[S]] : tensor<8x64xf32>

// Bufferized: the slice of the stacked weight is a subview in the loop (what
// cache-stream-loop-slices streams), the state is copied back in place, the
// temporary freed in the iteration; no ownership flags, no helper. The
// state starts as a copy of %x: the function's parameter is marked
// non-writable, so the call never overwrites its caller's input.
// BUF-LABEL: func.func @scan(
// BUF-SAME: %[[W:[^:]+]]: memref<4x64x64xf32>, %[[X:[^:]+]]: memref<8x64xf32>, %[[OUT:[^:]+]]: memref<8x64xf32>)
// BUF: %[[H:.+]] = memref.alloc()
// BUF-NEXT: memref.copy %[[X]], %[[H]]
// BUF: scf.for
// BUF:   memref.subview %[[W]][%{{.+}}, 0, 0] [1, 64, 64] [1, 1, 1]
// BUF:   %[[T:.+]] = memref.alloc()
// BUF:   linalg.matmul ins(%[[H]], %{{.+}} : {{.+}}) outs(%[[T]] : memref<8x64xf32>)
// BUF:   memref.copy %[[T]], %[[H]]
// BUF:   memref.dealloc %[[T]]
// BUF: }
// BUF: memref.copy %[[H]], %[[OUT]]
// BUF-NOT: writable
// BUF-NOT: dealloc_helper
func.func @scan(%w: tensor<4x64x64xf32>, %x: tensor<8x64xf32>) -> tensor<8x64xf32> {
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %c1 = arith.constant 1 : i32
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%h = %x) -> (tensor<8x64xf32>) : i32 {
    %j = arith.index_cast %i : i32 to index
    %s = tensor.extract_slice %w[%j, 0, 0] [1, 64, 64] [1, 1, 1] : tensor<4x64x64xf32> to tensor<64x64xf32>
    %e = tensor.empty() : tensor<8x64xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x64xf32>) -> tensor<8x64xf32>
    %m = linalg.matmul ins(%h, %s : tensor<8x64xf32>, tensor<64x64xf32>) outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
    scf.yield %m : tensor<8x64xf32>
  }
  return %r : tensor<8x64xf32>
}

// -----

// A loop yielding its own iteration argument is left alone.
// CHECK-LABEL: func.func @same(
// CHECK-NOT: materialize_in_destination
// CHECK: scf.yield %{{.+}} : tensor<4xf32>
func.func @same(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%h = %x) -> (tensor<4xf32>) {
    scf.yield %h : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

// JAX's lax.while_loop: an scf.while carrying the layer index and the
// state; its do region yields new ones, written into the do region's
// arguments (what the condition forwards), so one-shot bufferization keeps
// each in one buffer across iterations (it refuses the loop as given).

// CHECK-LABEL: func.func @while_loop(
// CHECK: scf.while (%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) : (i32, tensor<8x64xf32>) -> (i32, tensor<8x64xf32>) {
// CHECK: } do {
// CHECK: ^bb0(%[[I:.+]]: i32, %[[H:.+]]: tensor<8x64xf32>):
// CHECK:   %[[M:.+]] = linalg.matmul
// CHECK:   %[[S:.+]] = bufferization.materialize_in_destination %[[M]] in %[[H]] : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
// CHECK-NEXT:   scf.yield %{{.+}}, %[[S]] : i32, tensor<8x64xf32>

// BUF-LABEL: func.func @while_loop(
// BUF-SAME: %[[W:[^:]+]]: memref<4x64x64xf32>, %[[X:[^:]+]]: memref<8x64xf32>, %[[N:[^:]+]]: i32, %[[OUT:[^:]+]]: memref<8x64xf32>)
// BUF: %[[H:.+]] = memref.alloc()
// BUF-NEXT: memref.copy %[[X]], %[[H]]
// BUF: scf.while
// BUF: } do {
// BUF:   memref.subview %[[W]][%{{.+}}, 0, 0] [1, 64, 64] [1, 1, 1]
// BUF:   %[[T:.+]] = memref.alloc()
// BUF:   linalg.matmul ins(%[[H]], %{{.+}} : {{.+}}) outs(%[[T]] : memref<8x64xf32>)
// BUF:   memref.copy %[[T]], %[[H]]
// BUF:   memref.dealloc %[[T]]
// BUF: }
// BUF: memref.copy %[[H]], %[[OUT]]
// BUF-NOT: dealloc_helper
func.func @while_loop(%w: tensor<4x64x64xf32>, %x: tensor<8x64xf32>, %n: i32) -> tensor<8x64xf32> {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %zero = arith.constant 0.0 : f32
  %r:2 = scf.while (%i = %c0, %h = %x) : (i32, tensor<8x64xf32>) -> (i32, tensor<8x64xf32>) {
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i, %h : i32, tensor<8x64xf32>
  } do {
  ^bb0(%i: i32, %h: tensor<8x64xf32>):
    %j = arith.index_cast %i : i32 to index
    %s = tensor.extract_slice %w[%j, 0, 0] [1, 64, 64] [1, 1, 1] : tensor<4x64x64xf32> to tensor<64x64xf32>
    %e = tensor.empty() : tensor<8x64xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x64xf32>) -> tensor<8x64xf32>
    %m = linalg.matmul ins(%h, %s : tensor<8x64xf32>, tensor<64x64xf32>) outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
    %next = arith.addi %i, %c1 : i32
    scf.yield %next, %m : i32, tensor<8x64xf32>
  }
  return %r#1 : tensor<8x64xf32>
}
