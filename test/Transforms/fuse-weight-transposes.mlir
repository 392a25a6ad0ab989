// RUN: hyper-opt %s --split-input-file --cache-fuse-weight-transposes | FileCheck %s

// Tests torch-mlir's nn.Linear: the transposed copy of a constant weight is
// gone, the matmul reads the weight with the B map permuted.
// CHECK-DAG: #[[$A:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$BT:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$C:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @linear
// CHECK-SAME: (%[[X:.+]]: tensor<8x32xf32>)
// CHECK: %[[W:.+]] = arith.constant dense<1.000000e+00> : tensor<64x32xf32>
// CHECK-NOT: linalg.transpose
// CHECK: linalg.matmul indexing_maps = [#[[$A]], #[[$BT]], #[[$C]]] ins(%[[X]], %[[W]] : tensor<8x32xf32>, tensor<64x32xf32>)
func.func @linear(%x: tensor<8x32xf32>) -> tensor<8x64xf32> {
  %w = arith.constant dense<1.0> : tensor<64x32xf32>
  %e = tensor.empty() : tensor<32x64xf32>
  %t = linalg.transpose ins(%w : tensor<64x32xf32>) outs(%e : tensor<32x64xf32>) permutation = [1, 0]
  %z = arith.constant 0.0 : f32
  %o = tensor.empty() : tensor<8x64xf32>
  %f = linalg.fill ins(%z : f32) outs(%o : tensor<8x64xf32>) -> tensor<8x64xf32>
  %r = linalg.matmul ins(%x, %t : tensor<8x32xf32>, tensor<32x64xf32>) outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
  return %r : tensor<8x64xf32>
}

// -----

// Tests a weight passed as an argument, read by two consumers, one a
// linalg.generic whose map for it is permuted too.
// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$T:.+]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @argument_weight
// CHECK-SAME: (%[[X:.+]]: tensor<8x32xf32>, %[[W:.+]]: tensor<32x8xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[$ID]], #[[$T]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[W]] : tensor<8x32xf32>, tensor<32x8xf32>)
// CHECK: linalg.matmul indexing_maps = [{{.+}}] ins(%{{.+}}, %[[W]] : tensor<8x8xf32>, tensor<32x8xf32>)
func.func @argument_weight(%x: tensor<8x32xf32>, %w: tensor<32x8xf32>) -> tensor<8x32xf32> {
  %e = tensor.empty() : tensor<8x32xf32>
  %t = linalg.transpose ins(%w : tensor<32x8xf32>) outs(%e : tensor<8x32xf32>) permutation = [1, 0]
  %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %t : tensor<8x32xf32>, tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<8x32xf32>
  %z = arith.constant 0.0 : f32
  %o = tensor.empty() : tensor<8x32xf32>
  %f = linalg.fill ins(%z : f32) outs(%o : tensor<8x32xf32>) -> tensor<8x32xf32>
  %q = tensor.empty() : tensor<8x8xf32>
  %g = linalg.fill ins(%z : f32) outs(%q : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.matmul ins(%g, %t : tensor<8x8xf32>, tensor<8x32xf32>) outs(%f : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}

// -----

// Tests what is left alone: a transpose of an activation (computed here),
// and a transpose of a weight whose result is also returned.
// CHECK-LABEL: func.func @kept
// CHECK-COUNT-2: linalg.transpose
func.func @kept(%x: tensor<8x32xf32>) -> (tensor<32x8xf32>, tensor<32x8xf32>) {
  %w = arith.constant dense<2.0> : tensor<8x32xf32>
  %e = tensor.empty() : tensor<8x32xf32>
  %a = linalg.add ins(%x, %w : tensor<8x32xf32>, tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) -> tensor<8x32xf32>
  %o = tensor.empty() : tensor<32x8xf32>
  %t = linalg.transpose ins(%a : tensor<8x32xf32>) outs(%o : tensor<32x8xf32>) permutation = [1, 0]
  %u = linalg.transpose ins(%w : tensor<8x32xf32>) outs(%o : tensor<32x8xf32>) permutation = [1, 0]
  return %t, %u : tensor<32x8xf32>, tensor<32x8xf32>
}
