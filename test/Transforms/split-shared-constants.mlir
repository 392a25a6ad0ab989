// RUN: hyper-opt %s --split-input-file --cache-split-shared-constants | FileCheck %s
// RUN: hyper-opt %s --split-input-file --hyper-bufferize-pipeline 2>/dev/null | FileCheck %s --check-prefix=PIPELINE

// Tests that a tensor constant two unranked casts read gets a second copy
// for one of them (linalg-fuse-elementwise-ops folds both collapse_shapes
// into one constant; one-shot bufferization then fails with "cannot avoid
// RaW conflict" on the casts, though it accepts the program as written),
// and that the bufferize pipeline takes the program.
// CHECK-LABEL: func.func @two_casts
// CHECK-COUNT-2: arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: tensor.cast
// CHECK-NEXT: tensor.cast
// PIPELINE-LABEL: func.func @two_casts
// PIPELINE: memref.get_global
// PIPELINE: call @ext(
func.func private @ext(tensor<*xf32>, tensor<*xf32>) -> i64
func.func @two_casts() -> i64 {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %u = tensor.cast %c : tensor<4xf32> to tensor<*xf32>
  %v = tensor.cast %c : tensor<4xf32> to tensor<*xf32>
  %r = call @ext(%u, %v) : (tensor<*xf32>, tensor<*xf32>) -> i64
  return %r : i64
}

// -----

// Tests the shape the pipeline meets: two constants that collapse to the
// same values.
// PIPELINE-LABEL: func.func @collapsed_constants
// PIPELINE: call @ext2(
func.func private @ext2(tensor<*xf32>, tensor<*xf32>) -> i64
func.func @collapsed_constants() -> i64 {
  %c = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %d = arith.constant dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>
  %a = tensor.collapse_shape %c [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
  %b = tensor.collapse_shape %d [[0, 1]] : tensor<4x1xf32> into tensor<4xf32>
  %u = tensor.cast %a : tensor<4xf32> to tensor<*xf32>
  %v = tensor.cast %b : tensor<4xf32> to tensor<*xf32>
  %r = call @ext2(%u, %v) : (tensor<*xf32>, tensor<*xf32>) -> i64
  return %r : i64
}

// -----

// Tests that a constant other ops read is not copied (a weight must stay
// one buffer), nor one cast alone.
// CHECK-LABEL: func.func @weight
// CHECK-COUNT-1: arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK-NOT: arith.constant dense
func.func @weight(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<*xf32>) {
  %w = arith.constant dense<2.0> : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.add ins(%x, %w : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %b = linalg.mul ins(%x, %w : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %u = tensor.cast %w : tensor<4xf32> to tensor<*xf32>
  return %a, %b, %u : tensor<4xf32>, tensor<4xf32>, tensor<*xf32>
}
