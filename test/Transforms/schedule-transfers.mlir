// RUN: hyper-opt %s --split-input-file --cache-schedule-transfers='hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-schedule-transfers='hw=%S/../Inputs/unit.toml' --cache-verify-schedule
// RUN: hyper-opt %s --split-input-file --cache-schedule-transfers='hw=%S/../Inputs/unit.toml max-inflight=1' | FileCheck %s --check-prefix=INFLIGHT
// RUN: hyper-opt %s --split-input-file --cache-schedule-transfers='hw=%S/../Inputs/unit.toml budget=6000' | FileCheck %s --check-prefix=BUDGET
// The simulated peak keeps the budget (write-backs hold memory until their copy ends):
// RUN: hyper-opt %s --split-input-file --cache-schedule-transfers='hw=%S/../Inputs/unit.toml budget=6000' --cache-verify-schedule='hw=%S/../Inputs/unit.toml budget=6000'

// Each fill takes 1 s and each copy over the link 1 s. The prefetches start
// as late as still hides them: %w1's in the last second before its use,
// %w0's in the second before that (the link is busy after), each issued
// before the fill that covers it; the early wait on both tokens is split
// and sunk to each first use.
// CHECK-LABEL: func.func @hoist
// CHECK-SAME: (%[[W0:[a-z0-9_]+]]: memref<250xf32, #cache.remote>, %[[W1:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W0]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[W1]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[T0]]{{$}}
// CHECK-NEXT: linalg.copy ins(%[[D0]]
// CHECK-NEXT: cache.evict %[[D0]]
// CHECK-NEXT: cache.wait %[[T1]]{{$}}
// CHECK-NEXT: linalg.copy ins(%[[D1]]
// With one prefetch in flight at most, %w1's waits for %w0's wait.
// INFLIGHT-LABEL: func.func @hoist
// INFLIGHT-SAME: (%[[W0:[a-z0-9_]+]]: memref<250xf32, #cache.remote>, %[[W1:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// INFLIGHT:      %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W0]]
// INFLIGHT:      cache.wait %[[T0]]
// INFLIGHT-NEXT: %{{.+}}, %{{.+}} = cache.prefetch %[[W1]]
// INFLIGHT-NEXT: linalg.copy ins(%[[D0]]
// Under 6000 B (%x 4000 + %o 1000 resident), only one weight fits at once.
// BUDGET-LABEL: func.func @hoist
// BUDGET-SAME: (%[[W0:[a-z0-9_]+]]: memref<250xf32, #cache.remote>, %[[W1:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: %{{.+}}, %[[T0:.+]] = cache.prefetch %[[W0]]
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: cache.wait %[[T0]]
// BUDGET-NEXT: linalg.copy
// BUDGET-NEXT: cache.evict
// BUDGET-NEXT: %{{.+}}, %[[T1:.+]] = cache.prefetch %[[W1]]
// BUDGET-NEXT: cache.wait %[[T1]]
func.func @hoist(%w0: memref<250xf32, #cache.remote>, %w1: memref<250xf32, #cache.remote>, %x: memref<1000xf32>, %o: memref<250xf32>, %s: f32) {
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  %d0, %t0 = cache.prefetch %w0 : memref<250xf32, #cache.remote> -> memref<250xf32>
  %d1, %t1 = cache.prefetch %w1 : memref<250xf32, #cache.remote> -> memref<250xf32>
  cache.wait %t0, %t1
  linalg.copy ins(%d0 : memref<250xf32>) outs(%o : memref<250xf32>)
  %e0 = cache.evict %d0 : memref<250xf32>
  linalg.copy ins(%d1 : memref<250xf32>) outs(%o : memref<250xf32>)
  %e1 = cache.evict %d1 : memref<250xf32>
  return
}

// -----

// Tests that a prefetch never moves above the write-back it depends on,
// and that a wait on a write-back token stays where it is.
// CHECK-LABEL: func.func @dependency
// CHECK:      %[[WB:.+]] = cache.evict %[[A:.+]] to %[[P:.+]] :
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %{{.+}}, %[[T:.+]] = cache.prefetch %[[P]] [%[[WB]]]
// CHECK:      cache.wait %[[WB]]
func.func @dependency(%x: memref<1000xf32>, %o: memref<250xf32>, %s: f32) {
  %a = memref.alloc() : memref<250xf32>
  %pool = memref.alloc() : memref<250xf32, #cache.remote>
  linalg.fill ins(%s : f32) outs(%a : memref<250xf32>)
  %wb = cache.evict %a to %pool : memref<250xf32> to memref<250xf32, #cache.remote>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  %b, %t = cache.prefetch %pool [%wb] : memref<250xf32, #cache.remote> -> memref<250xf32>
  cache.wait %t
  linalg.copy ins(%b : memref<250xf32>) outs(%o : memref<250xf32>)
  %e = cache.evict %b : memref<250xf32>
  cache.wait %wb
  memref.dealloc %pool : memref<250xf32, #cache.remote>
  return
}

// -----

// A write-back returns its memory when its copy ends (1 s after the evict),
// not at the evict. Hoisted right after the evict, %w's prefetch would hold
// its 1000 B while %a's 1000 B are still on the device (7000 B over 6000).
// Under the budget it waits until the write-back is done; without one it
// starts as late as hides it, right after the evict.
// CHECK-LABEL: func.func @write_back_hold
// CHECK-SAME: (%[[W:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// CHECK:      cache.evict %{{.+}} to
// CHECK-NEXT: cache.prefetch %[[W]]
// CHECK-NEXT: linalg.fill
// BUDGET-LABEL: func.func @write_back_hold
// BUDGET-SAME: (%[[W:[a-z0-9_]+]]: memref<250xf32, #cache.remote>,
// BUDGET:      cache.evict %{{.+}} to
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: %{{.+}}, %[[T:.+]] = cache.prefetch %[[W]]
// BUDGET-NEXT: cache.wait %[[T]]
func.func @write_back_hold(%w: memref<250xf32, #cache.remote>, %x: memref<1000xf32>, %o: memref<250xf32>, %s: f32) {
  %a = memref.alloc() : memref<250xf32>
  %pool = memref.alloc() : memref<250xf32, #cache.remote>
  linalg.fill ins(%s : f32) outs(%a : memref<250xf32>)
  %wb = cache.evict %a to %pool : memref<250xf32> to memref<250xf32, #cache.remote>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  %d, %t = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<250xf32>) outs(%o : memref<250xf32>)
  %e = cache.evict %d : memref<250xf32>
  cache.wait %wb
  memref.dealloc %pool : memref<250xf32, #cache.remote>
  return
}
