// RUN: hyper-opt %s --split-input-file --cache-lower-to-cpu | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-lower-to-cpu=mode=async | FileCheck %s --check-prefix=ASYNC
// RUN: hyper-opt %s --split-input-file --cache-lower-to-cpu=guard-pool=true | FileCheck %s --check-prefix=GUARD
// RUN: hyper-opt %s --split-input-file --cache-lower-to-cpu='mode=async guard-pool=true' | FileCheck %s --check-prefix=GUARD-ASYNC

// With guard-pool=true each transfer's copy opens the guarded pool (the
// runtime's hyperoffload_pool_open/close, declared once); compute does not.
// GUARD:      func.func private @hyperoffload_pool_close()
// GUARD-NEXT: func.func private @hyperoffload_pool_open()
// GUARD-LABEL: func.func @schedule
// GUARD:      call @hyperoffload_pool_open() : () -> ()
// GUARD-NEXT: memref.copy %arg0, %{{.+}} : memref<64xf32> to memref<64xf32>
// GUARD-NEXT: call @hyperoffload_pool_close() : () -> ()
// GUARD-NEXT: linalg.copy
// GUARD-NEXT: call @hyperoffload_pool_open() : () -> ()
// GUARD-NEXT: memref.copy
// GUARD-NEXT: call @hyperoffload_pool_close() : () -> ()
// GUARD-NEXT: memref.dealloc
// GUARD-ASYNC-LABEL: func.func @schedule
// GUARD-ASYNC: async.execute {
// GUARD-ASYNC-NEXT: func.call @hyperoffload_pool_open() : () -> ()
// GUARD-ASYNC-NEXT: memref.copy %arg0
// GUARD-ASYNC-NEXT: func.call @hyperoffload_pool_close() : () -> ()

// With mode=async each copy runs in an async.execute region after its
// dependencies; waits become awaits; the free nothing waits for is awaited
// before return.
// ASYNC-LABEL: func.func @schedule
// ASYNC-NEXT: %[[POOL:.+]] = memref.alloc() : memref<64xf32>
// ASYNC-NEXT: %[[D:.+]] = memref.alloc() : memref<64xf32>
// ASYNC-NEXT: %[[T:.+]] = async.execute {
// ASYNC-NEXT:   memref.copy %arg0, %[[D]]
// ASYNC:      async.await %[[T]] : !async.token
// ASYNC-NEXT: linalg.copy ins(%[[D]]
// ASYNC-NEXT: %[[WB:.+]] = async.execute {
// ASYNC-NEXT:   memref.copy %[[D]], %[[POOL]] :
// ASYNC-NEXT:   memref.dealloc %[[D]]
// ASYNC:      %[[B:.+]] = memref.alloc() : memref<64xf32>
// ASYNC-NEXT: %[[TB:.+]] = async.execute [%[[WB]]] {
// ASYNC-NEXT:   memref.copy %[[POOL]], %[[B]]
// ASYNC:      async.await %[[TB]]
// ASYNC:      %[[F:.+]] = async.execute {
// ASYNC-NEXT:   memref.dealloc %[[B]]
// ASYNC:      memref.dealloc %[[POOL]]
// ASYNC-NEXT: async.await %[[F]] : !async.token
// ASYNC-NEXT: return

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
// CHECK-SAME: (%[[W:[a-z0-9_]+]]: memref<?x4xf32>, %[[X:[a-z0-9_]+]]: memref<8xf32>)
// CHECK:      %[[N:.+]] = memref.dim %[[W]], %{{.+}} : memref<?x4xf32>
// CHECK-NEXT: %[[D:.+]] = memref.alloc(%[[N]]) : memref<?x4xf32>
// CHECK-NEXT: memref.copy %[[W]], %[[D]]
// CHECK-NEXT: memref.dealloc %[[D]]
// CHECK-NOT:  memref.dealloc %[[X]]
// CHECK:      return
func.func @dynamic(%w: memref<?x4xf32, #cache.remote>, %x: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<?x4xf32, #cache.remote> -> memref<?x4xf32>
  cache.wait %t
  %e = cache.evict %d : memref<?x4xf32>
  %e2 = cache.evict %x : memref<8xf32>
  return
}
