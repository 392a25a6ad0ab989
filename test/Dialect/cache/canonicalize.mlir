// RUN: hyper-opt %s --canonicalize --cse --split-input-file | FileCheck %s

// Tests that a prefetch whose only use is a wait on its token is neither
// erased by canonicalize nor by CSE: it allocates and writes device memory.
// CHECK-LABEL: func.func @prefetch_used_by_wait_only
// CHECK-SAME: (%[[W:.+]]: memref<64xf32, #cache.remote>)
// CHECK-NEXT: %{{.+}}, %[[T:.+]] = cache.prefetch %[[W]]
// CHECK-NEXT: cache.wait %[[T]]
// CHECK-NEXT: return
func.func @prefetch_used_by_wait_only(%w: memref<64xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  return
}

// -----

// Tests that two identical prefetches are not merged: each is its own
// allocation and transfer.
// CHECK-LABEL: func.func @identical_prefetches
// CHECK: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W:.+]] :
// CHECK: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[W]] :
// CHECK: cache.wait %[[T0]], %[[T1]]
// CHECK: linalg.add ins(%[[D0]], %[[D1]] : {{.*}}) outs(%{{.+}} : memref<64xf32>)
func.func @identical_prefetches(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d0, %t0 = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  %d1, %t1 = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t0, %t1
  linalg.add ins(%d0, %d1 : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  return
}

// -----

// Tests that a prefetch with no use at all is dead and erased: nobody reads
// the copy or waits for it, and its allocation goes with it.
// CHECK-LABEL: func.func @unused_prefetch
// CHECK-NEXT: return
func.func @unused_prefetch(%w: memref<64xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  return
}

// -----

// Tests that evicts, whose tokens are unused, are kept and not merged.
// CHECK-LABEL: func.func @evicts_kept
// CHECK-COUNT-2: cache.evict %{{.+}} to %{{.+}} : memref<64xf32> to memref<64xf32, #cache.remote>
// CHECK-NEXT: return
func.func @evicts_kept(%b: memref<64xf32>, %p: memref<64xf32, #cache.remote>) {
  %e0 = cache.evict %b to %p : memref<64xf32> to memref<64xf32, #cache.remote>
  %e1 = cache.evict %b to %p : memref<64xf32> to memref<64xf32, #cache.remote>
  return
}

// -----

// Tests that a wait drops repeated tokens and that a wait on no token is
// erased.
// CHECK-LABEL: func.func @wait_canonicalization
// CHECK-SAME: (%[[A:.+]]: !cache.token, %[[B:.+]]: !cache.token)
// CHECK-NEXT: cache.wait %[[A]], %[[B]]{{$}}
// CHECK-NEXT: return
func.func @wait_canonicalization(%a: !cache.token, %b: !cache.token) {
  cache.wait %a, %b, %a, %b
  cache.wait
  return
}

// -----

// Tests that waits are not merged or reordered across compute by CSE.
// CHECK-LABEL: func.func @waits_are_barriers
// CHECK: cache.wait %[[T:.+]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[T]]
func.func @waits_are_barriers(%t: !cache.token, %o: memref<4xf32>, %f: f32) {
  cache.wait %t
  linalg.fill ins(%f : f32) outs(%o : memref<4xf32>)
  cache.wait %t
  return
}
