// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices="distance=2" 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices="distance=2" 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices="distance=2" --cache-verify-schedule -o /dev/null
// RUN: not hyper-opt %s --cache-stream-loop-slices="distance=3" -o %t 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: test ! -e %t

// Each slice prefetched two iterations ahead: upstream's pipeliner in three
// stages (views and prefetches, waits, work) after the first iteration is
// peeled. The peeled iteration issues slices 1 and 2 behind its own; the
// kernel runs the layer on slice i, evicts it, prefetches slice i+2 into
// the memory freed (two slices of the weight on the device, not three) and
// waits for slice i+1, whose token the iteration before carried in beside
// its buffer. The epilogue runs the last two layers, waiting for the last
// slice (the loop's token result) before the last.

// REMARK: remark: streams %arg0 slice by slice (16 KiB per iteration), each prefetched 2 iterations ahead
// BAD: error: distance must be 1 or 2, got 3

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[W:.+]]: memref<5x64x64xf32, #cache.remote>, %[[X:.+]]: memref<8x64xf32>, %[[Y:.+]]: memref<8x64xf32>)
// CHECK: memref.subview %[[W]][0, 0, 0]
// CHECK: %[[D0:.+]], %[[T0:.+]] = cache.prefetch
// CHECK-NEXT: memref.subview %[[W]][1, 0, 0]
// CHECK-NEXT: memref.cast
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch
// CHECK-NEXT: memref.subview %[[W]][2, 0, 0]
// CHECK-NEXT: memref.cast
// CHECK-NEXT: %[[D2:.+]], %[[T2:.+]] = cache.prefetch
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[D0]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: cache.evict %[[D0]] : memref<64x64xf32>
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: %[[R:.+]]:3 = scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[CUR:.+]] = %[[D1]], %[[NEXT:.+]] = %[[D2]], %[[NT:.+]] = %[[T2]]) -> (memref<64x64xf32>, memref<64x64xf32>, !cache.token) {
// CHECK-NEXT:   linalg.matmul ins(%[[X]], %[[CUR]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT:   cache.evict %[[CUR]] : memref<64x64xf32>
// CHECK-NEXT:   %[[AHEAD:.+]] = arith.addi %[[I]], %{{.+}} : index
// CHECK-NEXT:   %[[SN:.+]] = memref.subview %[[W]][%[[AHEAD]], 0, 0]
// CHECK-NEXT:   %[[DN:.+]], %[[TN:.+]] = cache.prefetch %[[SN]]
// CHECK-NEXT:   cache.wait %[[NT]]
// CHECK-NEXT:   scf.yield %[[NEXT]], %[[DN]], %[[TN]] : memref<64x64xf32>, memref<64x64xf32>, !cache.token
// CHECK-NEXT: }
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[R]]#0 : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: cache.evict %[[R]]#0 : memref<64x64xf32>
// CHECK-NEXT: cache.wait %[[R]]#2
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[R]]#1 : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: cache.evict %[[R]]#1 : memref<64x64xf32>
// CHECK-NEXT: return
func.func @scan(%w: memref<5x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c5 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1] : memref<5x64x64xf32> to memref<64x64xf32, strided<[64, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<8x64xf32>, memref<64x64xf32, strided<[64, 1], offset: ?>>) outs(%y : memref<8x64xf32>)
  }
  return
}

// -----

// Three iterations: after the first, peeled, too few for three stages;
// fetched one ahead instead, and the remark says why.

// REMARK: remark: streams %arg0 slice by slice (16 KiB per iteration), each prefetched one iteration ahead (too few iterations to fetch 2 ahead)

// CHECK-LABEL: func.func @short(
// CHECK-NOT: !cache.token
// CHECK: return
func.func @short(%w: memref<3x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %c3 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1] : memref<3x64x64xf32> to memref<64x64xf32, strided<[64, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<8x64xf32>, memref<64x64xf32, strided<[64, 1], offset: ?>>) outs(%y : memref<8x64xf32>)
  }
  return
}
