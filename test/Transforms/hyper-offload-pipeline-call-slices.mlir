// RUN: hyper-opt %s --hyper-offload-pipeline='budget=5000 hw=%S/../Inputs/unit.toml functions=main' | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=5000 hw=%S/../Inputs/unit.toml functions=main' --summary=- -o /dev/null | FileCheck %s --check-prefix=SUMMARY
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=5000 hw=%S/../Inputs/unit.toml functions=main stream-loops=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=WHOLE

// Nested jit after hyper-bufferize-pipeline: each call of @layer is passed
// its slice of the stacked weight %w (cache-elide-argument-copies made the
// parameter strided). On the unit profile a slice's copy takes 1 s, a call
// 1.25 s; the peak as given is 6000 bytes at a call (the three slices, %x,
// %o and @layer's temporary). Whole, %w is read by every call and cannot
// move; fetched slice by slice, one call ahead, two slices are on the
// device at a time: 5000 bytes. Each device copy is cast to @layer's
// parameter type; the first slice's copy has nothing to hide behind. Each
// prefetch is issued when the link starts its copy: the next slice's after
// the wait for the one before.

// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[W:[^:]+]]: memref<3x250xf32, #cache.remote>, %[[X:[^:]+]]: memref<250xf32>, %[[O:[^:]+]]: memref<250xf32>)
// CHECK-NEXT: %[[S0:.+]] = memref.subview %[[W]][0, 0] [1, 250] [1, 1]
// CHECK-NEXT: %[[S1:.+]] = memref.subview %[[W]][1, 0] [1, 250] [1, 1]
// CHECK-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[S0]]
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: %[[C0:.+]] = memref.cast %[[D0]] : memref<250xf32> to memref<250xf32, strided<[1], offset: ?>>
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[S1]]
// CHECK-NEXT: call @layer(%[[C0]], %[[X]], %[[O]])
// CHECK-NEXT: cache.evict %[[D0]]
// CHECK-NEXT: %[[S2:.+]] = memref.subview %[[W]][2, 0] [1, 250] [1, 1]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: %[[C1:.+]] = memref.cast %[[D1]]
// CHECK-NEXT: %[[D2:.+]], %[[T2:.+]] = cache.prefetch %[[S2]]
// CHECK-NEXT: call @layer(%[[C1]], %[[O]], %[[X]])
// CHECK-NEXT: cache.evict %[[D1]]
// CHECK-NEXT: cache.wait %[[T2]]
// CHECK-NEXT: %[[C2:.+]] = memref.cast %[[D2]]
// CHECK-NEXT: call @layer(%[[C2]], %[[X]], %[[O]])
// CHECK-NEXT: cache.evict %[[D2]]
// CHECK-NEXT: return

// SUMMARY: @main on unit, simulated:
// SUMMARY-NEXT: peak device memory        5.9 KiB ->       4.9 KiB (16.7% less; budget found 4.9 KiB)
// SUMMARY: streamed slices     1000 B less peak

// Without streaming the stacked weight is read by every call: a located error.
// WHOLE: call-slices.mlir:[[@LINE+8]]:1: error: budget of 5000 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 6000 bytes, at 'func.call', where nothing is left to offload
func.func private @layer(%w: memref<250xf32, strided<[1], offset: ?>>, %x: memref<250xf32>, %o: memref<250xf32>) {
  %t = memref.alloc() : memref<250xf32>
  linalg.add ins(%w, %x : memref<250xf32, strided<[1], offset: ?>>, memref<250xf32>) outs(%t : memref<250xf32>)
  memref.copy %t, %o : memref<250xf32> to memref<250xf32>
  memref.dealloc %t : memref<250xf32>
  return
}
func.func @main(%w: memref<3x250xf32>, %x: memref<250xf32>, %o: memref<250xf32>) {
  %s0 = memref.subview %w[0, 0] [1, 250] [1, 1] : memref<3x250xf32> to memref<250xf32, strided<[1]>>
  %c0 = memref.cast %s0 : memref<250xf32, strided<[1]>> to memref<250xf32, strided<[1], offset: ?>>
  call @layer(%c0, %x, %o) : (memref<250xf32, strided<[1], offset: ?>>, memref<250xf32>, memref<250xf32>) -> ()
  %s1 = memref.subview %w[1, 0] [1, 250] [1, 1] : memref<3x250xf32> to memref<250xf32, strided<[1], offset: 250>>
  %c1 = memref.cast %s1 : memref<250xf32, strided<[1], offset: 250>> to memref<250xf32, strided<[1], offset: ?>>
  call @layer(%c1, %o, %x) : (memref<250xf32, strided<[1], offset: ?>>, memref<250xf32>, memref<250xf32>) -> ()
  %s2 = memref.subview %w[2, 0] [1, 250] [1, 1] : memref<3x250xf32> to memref<250xf32, strided<[1], offset: 500>>
  %c2 = memref.cast %s2 : memref<250xf32, strided<[1], offset: 500>> to memref<250xf32, strided<[1], offset: ?>>
  call @layer(%c2, %x, %o) : (memref<250xf32, strided<[1], offset: ?>>, memref<250xf32>, memref<250xf32>) -> ()
  return
}
