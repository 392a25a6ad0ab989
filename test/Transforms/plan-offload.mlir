// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=6000 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-schedule-transfers='budget=6000 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=6000 hw=%S/../Inputs/unit.toml' | FileCheck %s

// Steps take 1 s (fill of 4000 B), 0.5 s (copy, add: 2000 B each); a 1000 B
// weight takes 1 s over the link. Unoffloaded, the peak is 7000 B (both
// weights, %x and %o). Under 6000 B both weights move to the pool: each is
// prefetched one second of compute before its use (hidden), waited right
// before it, dropped right after it; %arg3 (%o) stays.
// CHECK-LABEL: func.func @weights
// CHECK-SAME: (%[[W0:.+]]: memref<250xf32, #cache.remote>, %[[W1:.+]]: memref<250xf32, #cache.remote>, %[[X:.+]]: memref<1000xf32>, %[[O:.+]]: memref<250xf32>,
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W0]] : memref<250xf32, #cache.remote> -> memref<250xf32>
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: linalg.copy ins(%[[D0]] : memref<250xf32>) outs(%[[O]] : memref<250xf32>)
// CHECK-NEXT: cache.evict %[[D0]] : memref<250xf32>
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[W1]] : memref<250xf32, #cache.remote> -> memref<250xf32>
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D1]] : memref<250xf32>, memref<250xf32>) outs(%[[O]] : memref<250xf32>)
// CHECK-NEXT: cache.evict %[[D1]] : memref<250xf32>
// CHECK-NEXT: return
func.func @weights(%w0: memref<250xf32>, %w1: memref<250xf32>, %x: memref<1000xf32>, %o: memref<250xf32>, %s: f32) {
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.copy ins(%w0 : memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  return
}

// -----

// Tests an activation with a long idle gap: written back to a pool buffer
// after its first use, prefetched (depending on the write-back) before its
// second, its dealloc becoming a drop of the last copy. %x and %o are kept by
// policy. Unoffloaded: 5000 B of arguments + %a 1000 + %b 1000 while %b
// lives. The write-back ends at 1.25 s (step 3), before %b exists; the
// prefetch starts at 4.5 s and ends as the copy starts at 5.5 s.
// CHECK-LABEL: func.func @activation
// CHECK:      %[[A:.+]] = memref.alloc() : memref<250xf32>
// CHECK-NEXT: %[[POOL:.+]] = memref.alloc() : memref<250xf32, #cache.remote>
// CHECK-NEXT: linalg.fill ins(%{{.+}} : f32) outs(%[[A]] : memref<250xf32>)
// CHECK-NEXT: %[[WB:.+]] = cache.evict %[[A]] to %[[POOL]] : memref<250xf32> to memref<250xf32, #cache.remote>
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[B:.+]] = memref.alloc() : memref<250xf32>
// CHECK-NEXT: linalg.fill ins(%{{.+}} : f32) outs(%[[B]] : memref<250xf32>)
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: memref.dealloc %[[B]] : memref<250xf32>
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[BACK:.+]], %[[T:.+]] = cache.prefetch %[[POOL]] [%[[WB]]] : memref<250xf32, #cache.remote> -> memref<250xf32>
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[T]]
// CHECK-NEXT: linalg.copy ins(%[[BACK]] : memref<250xf32>)
// CHECK-NEXT: cache.evict %[[BACK]] : memref<250xf32>
// CHECK-NEXT: memref.dealloc %[[POOL]] : memref<250xf32, #cache.remote>
// CHECK-NEXT: return
func.func @activation(%x: memref<1000xf32> {cache.policy = "keep"}, %o: memref<250xf32> {cache.policy = "keep"}, %s: f32) {
  %a = memref.alloc() : memref<250xf32>
  linalg.fill ins(%s : f32) outs(%a : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  %b = memref.alloc() : memref<250xf32>
  linalg.fill ins(%s : f32) outs(%b : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  memref.dealloc %b : memref<250xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  memref.dealloc %a : memref<250xf32>
  return
}

// -----

// Tests a constant global: its type moves to the pool and one get_global at
// the start feeds the prefetch (the original read is erased); a weight used inside a loop is fetched
// before the loop and dropped after it (an op with regions is one step).
// CHECK: memref.global "private" constant @g : memref<250xf32, #cache.remote> = dense<1.000000e+00>
// CHECK-LABEL: func.func @global_and_loop
// CHECK-SAME: (%[[W:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// CHECK-NEXT: %[[G:.+]] = memref.get_global @g : memref<250xf32, #cache.remote>
// CHECK-NOT:  memref.get_global
// CHECK:      %[[DG:.+]], %[[TG:.+]] = cache.prefetch %[[G]]
// CHECK-NOT:  memref.get_global
// CHECK:      cache.wait %[[TG]]
// CHECK-NEXT: linalg.add ins(%[[DG]], %[[DG]] : memref<250xf32>, memref<250xf32>)
// CHECK-NEXT: cache.evict %[[DG]]
// CHECK:      %[[DW:.+]], %[[TW:.+]] = cache.prefetch %[[W]]
// CHECK:      cache.wait %[[TW]]
// CHECK-NEXT: scf.for
// CHECK-NEXT:   linalg.copy ins(%[[DW]] : memref<250xf32>)
// CHECK:      cache.evict %[[DW]]
memref.global "private" constant @g : memref<250xf32> = dense<1.0>
func.func @global_and_loop(%w: memref<250xf32>, %x: memref<1000xf32> {cache.policy = "keep"}, %o: memref<250xf32> {cache.policy = "keep"}, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  %g = memref.get_global @g : memref<250xf32>
  linalg.add ins(%g, %g : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  scf.for %i = %c0 to %c2 step %c1 {
    linalg.copy ins(%w : memref<250xf32>) outs(%o : memref<250xf32>)
  }
  return
}

// -----

// Tests a parameter the function never touches (an expert this step does
// not route to): it moves to the pool with no transfer at all, and the
// budget is met without offloading the one in use.
// CHECK-LABEL: func.func @unused_expert
// CHECK-SAME:  (%{{[a-z0-9_]+}}: memref<1500xf32, #cache.remote>, %{{[a-z0-9_]+}}: memref<250xf32>, %{{[a-z0-9_]+}}: memref<250xf32>
// CHECK-NEXT:  linalg.fill
// CHECK-NEXT:  linalg.copy
// CHECK-NEXT:  return
func.func @unused_expert(%idle: memref<1500xf32>, %used: memref<250xf32>, %o: memref<250xf32> {cache.policy = "keep"}, %s: f32) {
  linalg.fill ins(%s : f32) outs(%used : memref<250xf32>)
  linalg.copy ins(%used : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
