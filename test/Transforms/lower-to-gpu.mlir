// RUN: hyper-opt %s --split-input-file --cache-lower-to-gpu | FileCheck %s

// Tests the one-to-one mapping: every async op has one dependency, joins go
// through gpu.wait async, a write-back copies before the free, waits block
// the host, and the free nothing waits for is waited right after it (a
// token used in another block would not survive upstream gpu-to-llvm,
// whose greedy rewrite merges two branches that end alike).
// CHECK-LABEL: func.func @schedule
// CHECK-SAME: (%[[W:.+]]: memref<64xf32>, %[[O:.+]]: memref<64xf32>)
// CHECK-NEXT: %[[POOL:.+]] = memref.alloc() : memref<64xf32>
// CHECK-NEXT: %[[S0:.+]] = gpu.wait async{{$}}
// CHECK-NEXT: %[[D:.+]], %[[A0:.+]] = gpu.alloc async [%[[S0]]] () : memref<64xf32>
// CHECK-NEXT: %[[C0:.+]] = gpu.memcpy async [%[[A0]]] %[[D]], %[[W]] : memref<64xf32>, memref<64xf32>
// CHECK-NEXT: gpu.wait [%[[C0]]]
// CHECK-NEXT: linalg.copy ins(%[[D]] : memref<64xf32>) outs(%[[O]] : memref<64xf32>)
// CHECK-NEXT: %[[S1:.+]] = gpu.wait async{{$}}
// CHECK-NEXT: %[[WB:.+]] = gpu.memcpy async [%[[S1]]] %[[POOL]], %[[D]]
// CHECK-NEXT: %[[F:.+]] = gpu.dealloc async [%[[WB]]] %[[D]] : memref<64xf32>
// CHECK-NEXT: %[[S2:.+]] = gpu.wait async [%[[F]]]
// CHECK-NEXT: %[[B:.+]], %[[A1:.+]] = gpu.alloc async [%[[S2]]] () : memref<64xf32>
// CHECK-NEXT: %[[C1:.+]] = gpu.memcpy async [%[[A1]]] %[[B]], %[[POOL]]
// CHECK-NEXT: gpu.wait [%[[C1]]]
// CHECK-NEXT: linalg.copy ins(%[[B]] : memref<64xf32>)
// CHECK-NEXT: %[[S3:.+]] = gpu.wait async{{$}}
// CHECK-NEXT: %[[F2:.+]] = gpu.dealloc async [%[[S3]]] %[[B]] : memref<64xf32>
// CHECK-NEXT: gpu.wait [%[[F2]]]
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

// Tests that a host allocation written back is freed by the host once the
// copy is waited for, and that an evicted argument is not freed.
// CHECK-LABEL: func.func @host
// CHECK:      %[[C:.+]] = gpu.memcpy async [%{{.+}}] %{{.+}}, %[[A:.+]] :
// CHECK-NEXT: gpu.wait [%[[C]]]
// CHECK-NEXT: memref.dealloc %[[A]] : memref<8xf32>
// CHECK-NOT:  gpu.dealloc
// CHECK:      return
func.func @host(%x: memref<8xf32>, %pool: memref<8xf32, #cache.remote>) {
  %a = memref.alloc() : memref<8xf32>
  %e = cache.evict %a to %pool : memref<8xf32> to memref<8xf32, #cache.remote>
  %e2 = cache.evict %x : memref<8xf32>
  cache.wait %e, %e2
  return
}

// -----

// Tests that a token waited for twice, or waited for and then depended on,
// is synchronised once: a gpu.wait destroys the stream, so the second wait
// is left out and the later dependency dropped (its copy is complete).
// CHECK-LABEL: func.func @waited_twice
// CHECK:      %[[C:.+]] = gpu.memcpy async
// CHECK-NEXT: gpu.wait [%[[C]]]
// CHECK-NEXT: linalg.copy
// CHECK-NEXT: %[[J:.+]] = gpu.wait async{{$}}
// CHECK-NEXT: gpu.dealloc async [%[[J]]]
// CHECK-NOT:  gpu.wait [%[[C]]]
// CHECK:      return
func.func @waited_twice(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d [%t] : memref<64xf32>
  cache.wait %t
  return
}

// -----

// Tests that a token a loop carries (as an event) with two uses in the body
// is consumed once: one gpu.wait async at the body's top turns it into a
// stream both uses take (the evict's dependency, the wait).
// CHECK-LABEL: func.func @two_ahead_shared
// CHECK:      scf.for %{{.+}} iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}, %[[EV:.+]] = %{{.+}}) -> (memref<8xf32>, memref<8xf32>, !gpu.async.token) {
// CHECK-NEXT:   %[[S:.+]] = gpu.wait async [%[[EV]]]
// CHECK:        %[[J:.+]] = gpu.wait async [%[[S]]]
// CHECK-NEXT:   %[[F:.+]] = gpu.dealloc async [%[[J]]]
// CHECK-NEXT:   gpu.wait [%[[F]]]
// CHECK-NEXT:   gpu.wait [%[[S]]]
// CHECK-NEXT:   llvm.call @mgpuEventCreate()
// CHECK:        scf.yield
func.func @two_ahead_shared(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
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
    %e = cache.evict %cur [%nt] : memref<8xf32>
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
