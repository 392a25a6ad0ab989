// RUN: hyper-opt %s --cache-schedule-transfers='hw=%S/../Inputs/unit.toml reorder-compute=true' | FileCheck %s
// RUN: hyper-opt %s --cache-schedule-transfers='hw=%S/../Inputs/unit.toml reorder-compute=true' --cache-verify-schedule --hw=%S/../Inputs/unit.toml --report=%t.json -o /dev/null
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: hyper-opt %s --cache-schedule-transfers='hw=%S/../Inputs/unit.toml' | FileCheck %s --check-prefix=NOREORDER

// The 3 s copy of %w has only 1 s of compute before its use. The two fills
// of %y depend on nothing after the wait, so they move above it and hide
// the other 2 s; the add reads %o, which the copy writes, so it stays.
// CHECK-LABEL: func.func @reorder
// CHECK-SAME: (%[[W:[a-z0-9_]+]]: memref<750xf32, #cache.remote>, %[[X:[a-z0-9_]+]]: memref<1000xf32>, %[[Y:[a-z0-9_]+]]: memref<1000xf32>, %[[O:[a-z0-9_]+]]: memref<750xf32>, %[[S:[a-z0-9_]+]]: f32)
// CHECK-NEXT: %[[D:.+]], %[[T:.+]] = cache.prefetch %[[W]]
// CHECK-NEXT: linalg.fill ins(%[[S]] : f32) outs(%[[X]] : memref<1000xf32>)
// CHECK-NEXT: linalg.fill ins(%[[S]] : f32) outs(%[[Y]] : memref<1000xf32>)
// CHECK-NEXT: linalg.fill ins(%[[S]] : f32) outs(%[[Y]] : memref<1000xf32>)
// CHECK-NEXT: cache.wait %[[T]]
// CHECK-NEXT: linalg.copy ins(%[[D]]
// CHECK-NEXT: cache.evict %[[D]]
// CHECK-NEXT: linalg.add
// REPORT:      "makespan_s": 5.25,
// REPORT:      "exposed_s": 0.0,
// REPORT:      "before": {
// REPORT:        "makespan_s": 7.25,
// REPORT:        "exposed_s": 2.0,
// NOREORDER-LABEL: func.func @reorder
// NOREORDER:      cache.wait
// NOREORDER-NEXT: linalg.copy
// NOREORDER-NEXT: cache.evict
// NOREORDER-NEXT: linalg.fill
func.func @reorder(%w: memref<750xf32, #cache.remote>, %x: memref<1000xf32>, %y: memref<1000xf32>, %o: memref<750xf32>, %s: f32) {
  %d, %t = cache.prefetch %w : memref<750xf32, #cache.remote> -> memref<750xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  cache.wait %t
  linalg.copy ins(%d : memref<750xf32>) outs(%o : memref<750xf32>)
  %e = cache.evict %d : memref<750xf32>
  linalg.fill ins(%s : f32) outs(%y : memref<1000xf32>)
  linalg.add ins(%o, %o : memref<750xf32>, memref<750xf32>) outs(%o : memref<750xf32>)
  linalg.fill ins(%s : f32) outs(%y : memref<1000xf32>)
  return
}
