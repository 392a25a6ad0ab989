// RUN: hyper-opt %s --split-input-file --cache-elide-argument-copies | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-elide-argument-copies --mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      @layer
// STATS-NEXT:   (S) 1 elided_copies
// STATS-NOT:  @written
// STATS-NOT:  @public_layer

// Nested jit after one-shot bufferization (identity layouts at function
// boundaries): each layer is passed its slice of the stacked weight. The
// slice at offset 0 casts to the identity layout; the one at offset 64 is
// copied into a fresh buffer. @layer only reads the weight, so it takes a
// strided layout with a dynamic offset and both calls pass their views.

// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]+]]: memref<4x8xf32>, %[[W:[^:]+]]: memref<2x8x8xf32>
// CHECK-NOT: memref.alloc() {{.*}} : memref<8x8xf32>
// CHECK-NOT: memref.copy
// CHECK: %[[V0:.+]] = memref.collapse_shape {{.*}} into memref<8x8xf32, strided<[8, 1]>>
// CHECK: %[[C0:.+]] = memref.cast %[[V0]] : memref<8x8xf32, strided<[8, 1]>> to memref<8x8xf32, strided<[8, 1], offset: ?>>
// CHECK: call @layer(%[[X]], %[[C0]], %{{.+}}) : (memref<4x8xf32>, memref<8x8xf32, strided<[8, 1], offset: ?>>, memref<4x8xf32>) -> ()
// CHECK: %[[V1:.+]] = memref.collapse_shape {{.*}} into memref<8x8xf32, strided<[8, 1], offset: 64>>
// CHECK: %[[C1:.+]] = memref.cast %[[V1]] : memref<8x8xf32, strided<[8, 1], offset: 64>> to memref<8x8xf32, strided<[8, 1], offset: ?>>
// CHECK: call @layer(%{{.+}}, %[[C1]], %{{.+}})
// CHECK-LABEL: func.func private @layer(
// CHECK-SAME: %{{[^:]+}}: memref<4x8xf32>, %{{[^:]+}}: memref<8x8xf32, strided<[8, 1], offset: ?>>, %{{[^:]+}}: memref<4x8xf32>)
// CHECK: linalg.matmul ins(%{{.+}}, %{{.+}} : memref<4x8xf32>, memref<8x8xf32, strided<[8, 1], offset: ?>>)
func.func @main(%x: memref<4x8xf32>, %w: memref<2x8x8xf32>, %out: memref<4x8xf32>) {
  %s0 = memref.subview %w[0, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1]>>
  %v0 = memref.collapse_shape %s0 [[0, 1], [2]] : memref<1x8x8xf32, strided<[64, 8, 1]>> into memref<8x8xf32, strided<[8, 1]>>
  %c0 = memref.cast %v0 : memref<8x8xf32, strided<[8, 1]>> to memref<8x8xf32>
  %h = memref.alloc() : memref<4x8xf32>
  call @layer(%x, %c0, %h) : (memref<4x8xf32>, memref<8x8xf32>, memref<4x8xf32>) -> ()
  %s1 = memref.subview %w[1, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>>
  %v1 = memref.collapse_shape %s1 [[0, 1], [2]] : memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>> into memref<8x8xf32, strided<[8, 1], offset: 64>>
  %copy = memref.alloc() : memref<8x8xf32>
  memref.copy %v1, %copy : memref<8x8xf32, strided<[8, 1], offset: 64>> to memref<8x8xf32>
  call @layer(%h, %copy, %out) : (memref<4x8xf32>, memref<8x8xf32>, memref<4x8xf32>) -> ()
  return
}
func.func private @layer(%x: memref<4x8xf32>, %w: memref<8x8xf32>, %out: memref<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<4x8xf32>)
  linalg.matmul ins(%x, %w : memref<4x8xf32>, memref<8x8xf32>) outs(%out : memref<4x8xf32>)
  return
}

// -----

// The callee writes the parameter: the copy protects the caller's buffer
// and stays.

// CHECK-LABEL: func.func @writes(
// CHECK: memref.copy
// CHECK: call @written(%{{.+}}) : (memref<8xf32>) -> ()
// CHECK-LABEL: func.func private @written(
// CHECK-SAME: memref<8xf32>)
func.func @writes(%w: memref<2x8xf32>) {
  %s = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  %copy = memref.alloc() : memref<8xf32>
  memref.copy %s, %copy : memref<8xf32, strided<[1], offset: 8>> to memref<8xf32>
  call @written(%copy) : (memref<8xf32>) -> ()
  return
}
func.func private @written(%w: memref<8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%w : memref<8xf32>)
  return
}

// -----

// The caller writes the stacked buffer after the copy: the copy keeps the
// values the callee must read, and stays.

// CHECK-LABEL: func.func @overwritten(
// CHECK: memref.copy
// CHECK: linalg.fill
// CHECK: call @reader(%{{.+}}) : (memref<8xf32>, memref<f32>) -> ()
func.func @overwritten(%w: memref<2x8xf32>, %r: memref<f32>) {
  %s = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  %copy = memref.alloc() : memref<8xf32>
  memref.copy %s, %copy : memref<8xf32, strided<[1], offset: 8>> to memref<8xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%w : memref<2x8xf32>)
  call @reader(%copy, %r) : (memref<8xf32>, memref<f32>) -> ()
  return
}
func.func private @reader(%w: memref<8xf32>, %r: memref<f32>) {
  linalg.reduce ins(%w : memref<8xf32>) outs(%r : memref<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return
}

// -----

// A public callee keeps its signature (other modules may call it).

// CHECK-LABEL: func.func @public_caller(
// CHECK: memref.copy
// CHECK-LABEL: func.func @public_layer(
// CHECK-SAME: memref<8xf32>
func.func @public_caller(%w: memref<2x8xf32>, %r: memref<f32>) {
  %s = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  %copy = memref.alloc() : memref<8xf32>
  memref.copy %s, %copy : memref<8xf32, strided<[1], offset: 8>> to memref<8xf32>
  call @public_layer(%copy, %r) : (memref<8xf32>, memref<f32>) -> ()
  return
}
func.func @public_layer(%w: memref<8xf32>, %r: memref<f32>) {
  linalg.reduce ins(%w : memref<8xf32>) outs(%r : memref<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return
}

// -----

// The copy is passed twice to one call: the second parameter would read an
// empty buffer, so the copy stays.

// CHECK-LABEL: func.func @twice(
// CHECK: memref.copy
// CHECK: call @two_readers(%[[C:.+]], %[[C]], %{{.+}}) : (memref<8xf32>, memref<8xf32>, memref<f32>) -> ()
func.func @twice(%w: memref<2x8xf32>, %r: memref<f32>) {
  %s = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  %copy = memref.alloc() : memref<8xf32>
  memref.copy %s, %copy : memref<8xf32, strided<[1], offset: 8>> to memref<8xf32>
  call @two_readers(%copy, %copy, %r) : (memref<8xf32>, memref<8xf32>, memref<f32>) -> ()
  return
}
func.func private @two_readers(%a: memref<8xf32>, %b: memref<8xf32>, %r: memref<f32>) {
  linalg.reduce ins(%a : memref<8xf32>) outs(%r : memref<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  linalg.reduce ins(%b : memref<8xf32>) outs(%r : memref<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return
}

// -----

// The callee's address is taken (func.constant): something other than the
// calls may call it with the old signature, so it keeps it and the copy stays.

// CHECK-LABEL: func.func @address_taken(
// CHECK: memref.copy
// CHECK-LABEL: func.func private @taken(
// CHECK-SAME: memref<8xf32>
func.func @address_taken(%w: memref<2x8xf32>, %r: memref<f32>) -> ((memref<8xf32>, memref<f32>) -> ()) {
  %s = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: 8>>
  %copy = memref.alloc() : memref<8xf32>
  memref.copy %s, %copy : memref<8xf32, strided<[1], offset: 8>> to memref<8xf32>
  call @taken(%copy, %r) : (memref<8xf32>, memref<f32>) -> ()
  %f = func.constant @taken : (memref<8xf32>, memref<f32>) -> ()
  return %f : (memref<8xf32>, memref<f32>) -> ()
}
func.func private @taken(%w: memref<8xf32>, %r: memref<f32>) {
  linalg.reduce ins(%w : memref<8xf32>) outs(%r : memref<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return
}
