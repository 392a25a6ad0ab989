// RUN: hyper-opt %s --split-input-file --cache-stream-static-slices 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-stream-static-slices 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --split-input-file --cache-stream-static-slices --cache-verify-schedule -o /dev/null
// RUN: hyper-opt %s --split-input-file --cache-stream-static-slices='hw=%S/../Inputs/unit.toml' 2>/dev/null | FileCheck %s --check-prefix=ISSUE
// RUN: hyper-opt %s --split-input-file --cache-stream-static-slices='hw=%S/../Inputs/unit.toml' --cache-verify-schedule -o /dev/null
// RUN: not hyper-opt %s --split-input-file --cache-stream-static-slices=hw=nope -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// JAX's unrolled form: a Python loop over P[i] reads one stacked weight at
// constant slices, the second through an expand_shape. The weight goes to
// the pool; slice 0 is prefetched at the start, slice 1 where slice 0 is
// first read; each is waited for before its first reader and evicted after
// its last; the reshape is made again on the device copy.

// REMARK: remark: streams %arg0 slice by slice (256 B a slice of each), each slice prefetched where the one before it is first read

// With hw= (the unit profile: slice 0's copy is waited for at once, the
// compute is far shorter than a copy) slice 1 is issued where the link
// starts its copy: after the wait for slice 0, not beside it.
// ISSUE-LABEL: func.func @unrolled(
// ISSUE: %[[S0:.+]] = memref.subview %{{.+}}[0, 0, 0] [1, 8, 8] [1, 1, 1]
// ISSUE-NEXT: %[[S1:.+]] = memref.subview %{{.+}}[1, 0, 0] [1, 8, 8] [1, 1, 1]
// ISSUE-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[S0]]
// ISSUE-NEXT: cache.wait %[[T0]]
// ISSUE-NEXT: %{{.+}}, %{{.+}} = cache.prefetch %[[S1]]
// ISSUE-NEXT: linalg.generic {{.*}} ins(%{{.+}}, %[[D0]] :
// BAD: error: unknown hardware profile 'nope'

// CHECK-LABEL: func.func @unrolled(
// CHECK-SAME: %[[W:.+]]: memref<2x8x8xf32, #cache.remote>, %[[X:.+]]: memref<4x8xf32>, %[[Y:.+]]: memref<4x8xf32>, %[[Z:.+]]: memref<4x1x8xf32>)
// CHECK-NEXT: %[[S0:.+]] = memref.subview %[[W]][0, 0, 0] [1, 8, 8] [1, 1, 1]
// CHECK-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[S0]]
// CHECK:      %[[S1:.+]] = memref.subview %[[W]][1, 0, 0] [1, 8, 8] [1, 1, 1]
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[S1]]
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: linalg.generic {{.*}} ins(%[[X]], %[[D0]] : memref<4x8xf32>, memref<1x8x8xf32>)
// CHECK:      cache.evict %[[D0]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: %[[E:.+]] = memref.expand_shape %[[D1]] {{.*}} : memref<1x8x8xf32> into memref<1x8x1x8xf32>
// CHECK-NEXT: linalg.generic {{.*}} ins(%[[X]], %[[E]] : memref<4x8xf32>, memref<1x8x1x8xf32>)
// CHECK:      cache.evict %[[D1]]
// CHECK-NEXT: return
#x = affine_map<(d0, d1, d2, d3) -> (d0, d2)>
#w = affine_map<(d0, d1, d2, d3) -> (d3, d2, d1)>
#y = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
#x5 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3)>
#w5 = affine_map<(d0, d1, d2, d3, d4) -> (d4, d3, d1, d2)>
#z5 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>
func.func @unrolled(%w: memref<2x8x8xf32>, %x: memref<4x8xf32>, %y: memref<4x8xf32>, %z: memref<4x1x8xf32>) {
  %s0 = memref.subview %w[0, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1]>>
  %s1 = memref.subview %w[1, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>>
  %e1 = memref.expand_shape %s1 [[0], [1], [2, 3]] output_shape [1, 8, 1, 8] : memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>> into memref<1x8x1x8xf32, strided<[64, 8, 8, 1], offset: 64>>
  linalg.generic {indexing_maps = [#x, #w, #y], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%x, %s0 : memref<4x8xf32>, memref<1x8x8xf32, strided<[64, 8, 1]>>) outs(%y : memref<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  linalg.generic {indexing_maps = [#x5, #w5, #z5], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %e1 : memref<4x8xf32>, memref<1x8x1x8xf32, strided<[64, 8, 8, 1], offset: 64>>) outs(%z : memref<4x1x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Left whole: a slice written (an output of a linalg op), a slice that is
// not whole along the first dimension, a single slice.

// CHECK-LABEL: func.func @left_alone(
// CHECK-SAME: %{{.+}}: memref<2x8xf32>, %{{.+}}: memref<2x8xf32>, %{{.+}}: memref<2x8xf32>
// CHECK-NOT: cache.prefetch
func.func @left_alone(%written: memref<2x8xf32>, %half: memref<2x8xf32>, %once: memref<2x8xf32>, %c: f32) {
  %a0 = memref.subview %written[0, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<1x8xf32, strided<[8, 1]>>
  %a1 = memref.subview %written[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 8>>
  linalg.fill ins(%c : f32) outs(%a0 : memref<1x8xf32, strided<[8, 1]>>)
  linalg.copy ins(%a0 : memref<1x8xf32, strided<[8, 1]>>) outs(%a1 : memref<1x8xf32, strided<[8, 1], offset: 8>>)
  %b0 = memref.subview %half[0, 0] [1, 4] [1, 1] : memref<2x8xf32> to memref<1x4xf32, strided<[8, 1]>>
  %b1 = memref.subview %half[1, 0] [1, 4] [1, 1] : memref<2x8xf32> to memref<1x4xf32, strided<[8, 1], offset: 8>>
  linalg.copy ins(%b0 : memref<1x4xf32, strided<[8, 1]>>) outs(%b1 : memref<1x4xf32, strided<[8, 1], offset: 8>>)
  %o0 = memref.subview %once[0, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<1x8xf32, strided<[8, 1]>>
  linalg.copy ins(%o0 : memref<1x8xf32, strided<[8, 1]>>) outs(%a1 : memref<1x8xf32, strided<[8, 1], offset: 8>>)
  return
}

// -----

// Nested jit after cache-elide-argument-copies: each layer is a call passed
// its slice (collapsed, cast to the callee's strided parameter). The callee
// only reads the parameter, so the call reads the slice: each slice is
// fetched one call ahead and passed on as its device copy, cast to the
// parameter's type.

// REMARK: remark: streams %arg0 slice by slice (256 B a slice of each), each slice prefetched where the one before it is first read

// CHECK-LABEL: func.func @calls(
// CHECK-SAME: %[[W:[^:]+]]: memref<2x8x8xf32, #cache.remote>, %[[X:[^:]+]]: memref<4x8xf32>
// CHECK-NEXT: %[[S0:.+]] = memref.subview %[[W]][0, 0, 0]
// CHECK-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[S0]]
// CHECK:      %[[S1:.+]] = memref.subview %[[W]][1, 0, 0]
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[S1]]
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: %[[V0:.+]] = memref.collapse_shape %[[D0]] {{.*}} : memref<1x8x8xf32> into memref<8x8xf32>
// CHECK-NEXT: %[[P0:.+]] = memref.cast %[[V0]] : memref<8x8xf32> to memref<8x8xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: call @layer(%[[X]], %[[P0]], %{{.+}})
// CHECK-NEXT: cache.evict %[[D0]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK:      call @layer(%{{.+}}, %{{.+}}, %{{.+}})
// CHECK-NEXT: cache.evict %[[D1]]
func.func @calls(%w: memref<2x8x8xf32>, %x: memref<4x8xf32>, %out: memref<4x8xf32>) {
  %s0 = memref.subview %w[0, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1]>>
  %v0 = memref.collapse_shape %s0 [[0, 1], [2]] : memref<1x8x8xf32, strided<[64, 8, 1]>> into memref<8x8xf32, strided<[8, 1]>>
  %c0 = memref.cast %v0 : memref<8x8xf32, strided<[8, 1]>> to memref<8x8xf32, strided<[8, 1], offset: ?>>
  %h = memref.alloc() : memref<4x8xf32>
  call @layer(%x, %c0, %h) : (memref<4x8xf32>, memref<8x8xf32, strided<[8, 1], offset: ?>>, memref<4x8xf32>) -> ()
  %s1 = memref.subview %w[1, 0, 0] [1, 8, 8] [1, 1, 1] : memref<2x8x8xf32> to memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>>
  %v1 = memref.collapse_shape %s1 [[0, 1], [2]] : memref<1x8x8xf32, strided<[64, 8, 1], offset: 64>> into memref<8x8xf32, strided<[8, 1], offset: 64>>
  %c1 = memref.cast %v1 : memref<8x8xf32, strided<[8, 1], offset: 64>> to memref<8x8xf32, strided<[8, 1], offset: ?>>
  call @layer(%h, %c1, %out) : (memref<4x8xf32>, memref<8x8xf32, strided<[8, 1], offset: ?>>, memref<4x8xf32>) -> ()
  memref.dealloc %h : memref<4x8xf32>
  return
}
func.func private @layer(%x: memref<4x8xf32>, %w: memref<8x8xf32, strided<[8, 1], offset: ?>>, %out: memref<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<4x8xf32>)
  linalg.matmul ins(%x, %w : memref<4x8xf32>, memref<8x8xf32, strided<[8, 1], offset: ?>>) outs(%out : memref<4x8xf32>)
  return
}

// -----

// A callee that writes what it is passed: the slices stay where they are.

// CHECK-LABEL: func.func @writing_calls(
// CHECK-SAME: %{{.+}}: memref<2x8xf32>
// CHECK-NOT: cache.prefetch
func.func @writing_calls(%w: memref<2x8xf32>) {
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<1x8xf32, strided<[8, 1]>>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 8>>
  %c0 = memref.cast %s0 : memref<1x8xf32, strided<[8, 1]>> to memref<1x8xf32, strided<[8, 1], offset: ?>>
  %c1 = memref.cast %s1 : memref<1x8xf32, strided<[8, 1], offset: 8>> to memref<1x8xf32, strided<[8, 1], offset: ?>>
  call @zero(%c0) : (memref<1x8xf32, strided<[8, 1], offset: ?>>) -> ()
  call @zero(%c1) : (memref<1x8xf32, strided<[8, 1], offset: ?>>) -> ()
  return
}
func.func private @zero(%w: memref<1x8xf32, strided<[8, 1], offset: ?>>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%w : memref<1x8xf32, strided<[8, 1], offset: ?>>)
  return
}
