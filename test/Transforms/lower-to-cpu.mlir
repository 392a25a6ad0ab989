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

// -----

// A token the loop carries across iterations (a slice prefetched two
// iterations ahead): the copies complete where they are issued (sync) or
// are awaited at the end of the iteration that issues them (async), so the
// loop no longer carries it; the buffers stay carried and are freed.

// CHECK-LABEL: func.func @two_ahead(
// CHECK:      memref.alloc() : memref<8xf32>
// CHECK:      %[[A1:.+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT: memref.copy %{{.+}}, %[[A1]]
// CHECK-NEXT: %[[R:.+]]:2 = scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[CUR:.+]] = %{{.+}}, %[[NEXT:.+]] = %[[A1]]) -> (memref<8xf32>, memref<8xf32>) {
// CHECK:        %[[AN:.+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT:   memref.copy %{{.+}}, %[[AN]]
// CHECK-NEXT:   linalg.add ins(%[[CUR]], %{{.+}} : memref<8xf32>, memref<8xf32>)
// CHECK-NEXT:   memref.dealloc %[[CUR]] : memref<8xf32>
// CHECK-NEXT:   scf.yield %[[NEXT]], %[[AN]] : memref<8xf32>, memref<8xf32>
// CHECK:      memref.dealloc %[[R]]#0
// CHECK:      memref.dealloc %[[R]]#1
// ASYNC-LABEL: func.func @two_ahead(
// ASYNC:      async.execute {
// ASYNC:      %[[T1:.+]] = async.execute {
// ASYNC:      scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (memref<8xf32>, memref<8xf32>) {
// ASYNC:        %[[TN:.+]] = async.execute {
// ASYNC:        async.await %[[T1]] : !async.token
// ASYNC-NEXT:   async.await %[[TN]] : !async.token
// ASYNC:        scf.yield
func.func @two_ahead(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %nt
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  cache.wait %r#2
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}
