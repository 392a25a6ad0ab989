// RUN: hyper-opt %s --split-input-file --cache-split-static-slices 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-split-static-slices -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK

// Rows 0 and 2 of a stacked weight read in straight-line code (JAX's
// Python loop over P[i]): the parameter keeps the slice read first, row 2
// becomes a parameter of its own, appended; row 1, read by nothing, is not
// passed. The views' layouts lose the row's offset (canonicalize then
// folds the whole-buffer views away).

// REMARK: :[[@LINE+8]]:1: remark: splits %arg0 into 2 slices (%arg0, %arg2) (cache.slices)
// CHECK-LABEL: func.func @unrolled(
// CHECK-SAME: %[[W0:[^ ]+]]: memref<1x64xf32> {cache.slices = array<i64: 0, 0, 1>}, %[[X:[^ ]+]]: memref<64xf32>,
// CHECK-SAME: %[[W2:[^ ]+]]: memref<1x64xf32> {cache.slices = array<i64: 0, 2, 1>})
// CHECK: %[[C0:.+]] = memref.collapse_shape %[[W0]] {{\[\[}}0, 1]] : memref<1x64xf32> into memref<64xf32>
// CHECK-NEXT: linalg.add ins(%[[X]], %[[C0]] : memref<64xf32>, memref<64xf32>)
// CHECK-NEXT: %[[C2:.+]] = memref.collapse_shape %[[W2]] {{\[\[}}0, 1]] : memref<1x64xf32> into memref<64xf32>
// CHECK-NEXT: linalg.add ins(%[[X]], %[[C2]] : memref<64xf32>, memref<64xf32>)
func.func @unrolled(%w: memref<3x64xf32>, %x: memref<64xf32>) {
  %w0 = memref.subview %w[0, 0] [1, 64] [1, 1] : memref<3x64xf32> to memref<1x64xf32, strided<[64, 1]>>
  %c0 = memref.collapse_shape %w0 [[0, 1]] : memref<1x64xf32, strided<[64, 1]>> into memref<64xf32, strided<[1]>>
  linalg.add ins(%x, %c0 : memref<64xf32>, memref<64xf32, strided<[1]>>) outs(%x : memref<64xf32>)
  %w2 = memref.subview %w[2, 0] [1, 64] [1, 1] : memref<3x64xf32> to memref<1x64xf32, strided<[64, 1], offset: 128>>
  %c2 = memref.collapse_shape %w2 [[0, 1]] : memref<1x64xf32, strided<[64, 1], offset: 128>> into memref<64xf32, strided<[1], offset: 128>>
  linalg.add ins(%x, %c2 : memref<64xf32>, memref<64xf32, strided<[1], offset: 128>>) outs(%x : memref<64xf32>)
  return
}


// -----

// A slice passed to a callee whose parameter type names the slice's
// offset: split, the call's operand type would change, so the parameter
// is left whole.

// REMARK: :[[@LINE+12]]:3: remark: leaves %arg0 whole: a slice of it is passed to a call whose parameter type names the slice's offset
// CHECK-LABEL: func.func @called(%{{[^ ]+}}: memref<2x64xf32>, %{{[^ ]+}}: memref<1x64xf32>)

func.func private @read(%a: memref<1x64xf32, strided<[64, 1], offset: 64>>, %y: memref<1x64xf32>) {
  linalg.add ins(%a, %y : memref<1x64xf32, strided<[64, 1], offset: 64>>, memref<1x64xf32>) outs(%y : memref<1x64xf32>)
  return
}

func.func @called(%w: memref<2x64xf32>, %y: memref<1x64xf32>) {
  %w0 = memref.subview %w[0, 0] [1, 64] [1, 1] : memref<2x64xf32> to memref<1x64xf32, strided<[64, 1]>>
  linalg.add ins(%w0, %y : memref<1x64xf32, strided<[64, 1]>>, memref<1x64xf32>) outs(%y : memref<1x64xf32>)
  %w1 = memref.subview %w[1, 0] [1, 64] [1, 1] : memref<2x64xf32> to memref<1x64xf32, strided<[64, 1], offset: 64>>
  func.call @read(%w1, %y) : (memref<1x64xf32, strided<[64, 1], offset: 64>>, memref<1x64xf32>) -> ()
  return
}
