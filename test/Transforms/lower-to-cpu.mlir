// RUN: hyper-opt %s --split-input-file --cache-lower-to-cpu | FileCheck %s

// Tests that a prefetch becomes an allocation and a copy at the same point,
// a drop a dealloc, a write-back a copy then a dealloc, and waits vanish.
// CHECK-LABEL: func.func @schedule
// CHECK-SAME: (%[[W:.+]]: memref<64xf32>, %[[O:.+]]: memref<64xf32>)
// CHECK-NEXT: %[[POOL:.+]] = memref.alloc() : memref<64xf32>
// CHECK-NEXT: %[[D:.+]] = memref.alloc() : memref<64xf32>
// CHECK-NEXT: memref.copy %[[W]], %[[D]] : memref<64xf32> to memref<64xf32>
// CHECK-NEXT: linalg.copy ins(%[[D]] : memref<64xf32>) outs(%[[O]] : memref<64xf32>)
// CHECK-NEXT: memref.copy %[[D]], %[[POOL]] : memref<64xf32> to memref<64xf32>
// CHECK-NEXT: memref.dealloc %[[D]] : memref<64xf32>
// CHECK-NEXT: %[[B:.+]] = memref.alloc() : memref<64xf32>
// CHECK-NEXT: memref.copy %[[POOL]], %[[B]]
// CHECK-NEXT: linalg.copy ins(%[[B]] : memref<64xf32>) outs(%[[O]] : memref<64xf32>)
// CHECK-NEXT: memref.dealloc %[[B]] : memref<64xf32>
// CHECK-NEXT: memref.dealloc %[[POOL]] : memref<64xf32>
// CHECK-NEXT: return
func.func @schedule(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %pool = memref.alloc() : memref<64xf32, #cache.remote>
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d to %pool : memref<64xf32> to memref<64xf32, #cache.remote>
  %b, %tb = cache.prefetch %pool [%e] : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %tb
  linalg.copy ins(%b : memref<64xf32>) outs(%o : memref<64xf32>)
  %e2 = cache.evict %b : memref<64xf32>
  memref.dealloc %pool : memref<64xf32, #cache.remote>
  return
}

// -----

// Tests a dynamic size (the copy is sized from the source) and an evict of
// an argument, which is not freed: the caller owns it.
// CHECK-LABEL: func.func @dynamic
// CHECK:      %[[N:.+]] = memref.dim %arg0, %{{.+}} : memref<?x4xf32>
// CHECK-NEXT: %[[D:.+]] = memref.alloc(%[[N]]) : memref<?x4xf32>
// CHECK-NEXT: memref.copy %arg0, %[[D]]
// CHECK-NEXT: memref.dealloc %[[D]]
// CHECK-NOT:  memref.dealloc %arg1
// CHECK:      return
func.func @dynamic(%w: memref<?x4xf32, #cache.remote>, %x: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<?x4xf32, #cache.remote> -> memref<?x4xf32>
  cache.wait %t
  %e = cache.evict %d : memref<?x4xf32>
  %e2 = cache.evict %x : memref<8xf32>
  return
}
