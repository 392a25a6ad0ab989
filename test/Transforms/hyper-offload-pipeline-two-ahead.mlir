// RUN: hyper-opt %s --hyper-offload-pipeline='budget=50% hw=gh200 loop-streaming=two-ahead peel-iterations=0' | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=50% hw=gh200 loop-streaming=two-ahead peel-iterations=0' --summary=- -o /dev/null | FileCheck %s --check-prefix=SUMMARY
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=50% hw=gh200 loop-streaming=two-ahead peel-iterations=0' --cache-lower-to-gpu -o /dev/null

// The pipeline's two-ahead form: the loop is fed before it one slice
// behind the other, from the top, each issued where the link takes it
// (slice 1 before the first layer; slice 2 once slice 1's copy is done,
// which on this link is after the layer), and the kernel prefetches slice
// i+2 into the memory slice i frees, waiting for slice i+1 through the
// token the iteration before carried in (and issued once that wait
// returns: on the one copy engine its copy queues behind slice i+1's).

// SUMMARY: streamed slices     96.0 KiB less peak (prefetched two iterations ahead)

// CHECK-LABEL: func.func @scan(
// CHECK:      %[[D0:.+]], %[[T0:.+]] = cache.prefetch
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK:      %[[D1:.+]], %[[T1:.+]] = cache.prefetch
// CHECK-NEXT: linalg.matmul ins(%{{.+}}, %[[D0]] :
// CHECK-NEXT: cache.evict %[[D0]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK:      %[[D2:.+]], %[[T2:.+]] = cache.prefetch
// CHECK-NEXT: %[[R:.+]]:3 = scf.for %{{.+}} iter_args(%[[CUR:.+]] = %[[D1]], %[[NEXT:.+]] = %[[D2]], %[[NT:.+]] = %[[T2]]) -> (memref<64x64xf32>, memref<64x64xf32>, !cache.token) {
// CHECK-NEXT:   linalg.matmul ins(%{{.+}}, %[[CUR]] :
// CHECK-NEXT:   cache.evict %[[CUR]]
// CHECK:        cache.wait %[[NT]]
// CHECK-NEXT:   %[[DN:.+]], %[[TN:.+]] = cache.prefetch
// CHECK-NEXT:   scf.yield %[[NEXT]], %[[DN]], %[[TN]]
// CHECK:      cache.wait %[[R]]#2
func.func @scan(%w: memref<8x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c8 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1] : memref<8x64x64xf32> to memref<64x64xf32, strided<[64, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<8x64xf32>, memref<64x64xf32, strided<[64, 1], offset: ?>>) outs(%y : memref<8x64xf32>)
  }
  return
}
