// RUN: hyper-opt %s --split-input-file --cache-strip-transfers | FileCheck %s
// RUN: hyper-opt %s --split-input-file --pass-pipeline='builtin.module(cache-strip-transfers, canonicalize)' | FileCheck %s --check-prefix=CANON

// Tests that prefetched buffers are replaced by their sources, waits and
// drops vanish, and the signature loses #cache.remote.
// CHECK-LABEL: func.func @prefetch_use_evict
// CHECK-SAME: (%[[W:.+]]: memref<64xf32>, %[[O:.+]]: memref<64xf32>)
// CHECK-NEXT: linalg.copy ins(%[[W]] : memref<64xf32>) outs(%[[O]] : memref<64xf32>)
// CHECK-NEXT: return
func.func @prefetch_use_evict(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %dev, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  linalg.copy ins(%dev : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %dev : memref<64xf32>
  cache.wait %e
  return
}

// -----

// Tests that an activation written back to a pool buffer becomes a copy into
// that (now device) buffer followed by a dealloc, and the prefetch that
// brings it back reads the pool buffer.
// CHECK-LABEL: func.func @write_back
// CHECK: %[[ACT:.+]] = memref.alloc() : memref<16xf32>
// CHECK: %[[POOL:.+]] = memref.alloc() : memref<16xf32>
// CHECK: linalg.fill ins(%{{.+}} : f32) outs(%[[ACT]] : memref<16xf32>)
// CHECK-NEXT: memref.copy %[[ACT]], %[[POOL]] : memref<16xf32> to memref<16xf32>
// CHECK-NEXT: memref.dealloc %[[ACT]] : memref<16xf32>
// CHECK-NEXT: linalg.copy ins(%[[POOL]] : memref<16xf32>) outs(%{{.+}} : memref<16xf32>)
// CHECK-NOT: cache.
func.func @write_back(%f: f32, %o: memref<16xf32>) {
  %act = memref.alloc() : memref<16xf32>
  %pool = memref.alloc() : memref<16xf32, #cache.remote>
  linalg.fill ins(%f : f32) outs(%act : memref<16xf32>)
  %e = cache.evict %act to %pool : memref<16xf32> to memref<16xf32, #cache.remote>
  %back, %t = cache.prefetch %pool [%e] : memref<16xf32, #cache.remote> -> memref<16xf32>
  cache.wait %t
  linalg.copy ins(%back : memref<16xf32>) outs(%o : memref<16xf32>)
  %e2 = cache.evict %back : memref<16xf32>
  cache.wait %e2
  return
}

// -----

// Tests that writing a prefetched buffer back to its own source needs no
// copy once both are the same buffer.
// CHECK-LABEL: func.func @write_back_to_source
// CHECK-SAME: (%[[W:.+]]: memref<8xf32>, %{{.+}}: f32)
// CHECK-NEXT: linalg.fill ins(%{{.+}} : f32) outs(%[[W]] : memref<8xf32>)
// CHECK-NEXT: return
func.func @write_back_to_source(%w: memref<8xf32, #cache.remote>, %f: f32) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  linalg.fill ins(%f : f32) outs(%d : memref<8xf32>)
  %e = cache.evict %d to %w : memref<8xf32> to memref<8xf32, #cache.remote>
  cache.wait %e
  return
}

// -----

// Tests that remote globals, declarations and nested regions are rewritten.
// CHECK: memref.global "private" constant @w : memref<4xf32> = dense<1.000000e+00>
// CHECK: func.func private @ext(memref<4xf32>) -> memref<4xf32>
// CHECK-LABEL: func.func @nested
// CHECK: %[[G:.+]] = memref.get_global @w : memref<4xf32>
// CHECK: scf.for
// CHECK-NEXT: linalg.copy ins(%[[G]] : memref<4xf32>)
// CHECK-NOT: cache.
// CHECK-NOT: #cache.remote
memref.global "private" constant @w : memref<4xf32, #cache.remote> = dense<1.0>
func.func private @ext(memref<4xf32, #cache.remote>) -> memref<4xf32, #cache.remote>
func.func @nested(%o: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %g = memref.get_global @w : memref<4xf32, #cache.remote>
  scf.for %i = %c0 to %n step %c1 {
    %d, %t = cache.prefetch %g : memref<4xf32, #cache.remote> -> memref<4xf32>
    cache.wait %t
    linalg.copy ins(%d : memref<4xf32>) outs(%o : memref<4xf32>)
    %e = cache.evict %d : memref<4xf32>
    cache.wait %e
  }
  return
}

// -----

// Tests that IR without cache ops is left as it is.
// CHECK-LABEL: func.func @untouched
// CHECK-NEXT: linalg.fill
// CANON-LABEL: func.func @untouched
func.func @untouched(%o: memref<4xf32>, %f: f32) {
  linalg.fill ins(%f : f32) outs(%o : memref<4xf32>)
  return
}

// -----

// Tests that a global with a complex initializer (an attribute the Python
// bindings cannot downcast) loses #cache.remote in its type, in the
// get_global and in nested function types, with the initializer kept.
// CHECK: memref.global "private" constant @complex_table : memref<2xcomplex<f32>> = dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,4.000000e+00)]>
// CHECK-LABEL: func.func @complex_global
// CHECK-SAME: (%[[O:.+]]: memref<2xcomplex<f32>>)
// CHECK-NEXT: %[[G:.+]] = memref.get_global @complex_table : memref<2xcomplex<f32>>
// CHECK-NEXT: memref.copy %[[G]], %[[O]] : memref<2xcomplex<f32>> to memref<2xcomplex<f32>>
// CHECK-NEXT: return
memref.global "private" constant @complex_table : memref<2xcomplex<f32>, #cache.remote> = dense<[(1.0, 2.0), (3.0, 4.0)]>
func.func @complex_global(%o: memref<2xcomplex<f32>>) {
  %g = memref.get_global @complex_table : memref<2xcomplex<f32>, #cache.remote>
  %d, %t = cache.prefetch %g : memref<2xcomplex<f32>, #cache.remote> -> memref<2xcomplex<f32>>
  cache.wait %t
  memref.copy %d, %o : memref<2xcomplex<f32>> to memref<2xcomplex<f32>>
  %e = cache.evict %d : memref<2xcomplex<f32>>
  return
}

// -----

// A buffer a pipelined loop carries (its iteration argument has the device
// type) stays a buffer of its own: allocated and copied where it was
// prefetched, freed where it was evicted; a token the loop carries (two
// ahead) goes with the iteration argument that carried it.

// CHECK-LABEL: func.func @two_ahead(
// CHECK-SAME: %[[W:.+]]: memref<5x8xf32>, %[[O:.+]]: memref<8xf32>)
// CHECK:      %[[S0:.+]] = memref.subview %[[W]][0, 0]
// CHECK-NEXT: %[[A0:.+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT: memref.copy %[[S0]], %[[A0]]
// CHECK-NEXT: %[[S1:.+]] = memref.subview %[[W]][1, 0]
// CHECK-NEXT: %[[A1:.+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT: memref.copy %[[S1]], %[[A1]]
// CHECK-NEXT: %[[R:.+]]:2 = scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[CUR:.+]] = %[[A0]], %[[NEXT:.+]] = %[[A1]]) -> (memref<8xf32>, memref<8xf32>) {
// CHECK:        %[[AN:.+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT:   memref.copy %{{.+}}, %[[AN]]
// CHECK-NEXT:   linalg.add ins(%[[CUR]], %[[O]] : memref<8xf32>, memref<8xf32>)
// CHECK-NEXT:   memref.dealloc %[[CUR]] : memref<8xf32>
// CHECK-NEXT:   scf.yield %[[NEXT]], %[[AN]] : memref<8xf32>, memref<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: linalg.add ins(%[[R]]#0, %[[O]] : memref<8xf32>, memref<8xf32>)
// CHECK-NEXT: memref.dealloc %[[R]]#0
// CHECK-NEXT: linalg.add ins(%[[R]]#1, %[[O]] : memref<8xf32>, memref<8xf32>)
// CHECK-NEXT: memref.dealloc %[[R]]#1
// CHECK-NEXT: return
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
