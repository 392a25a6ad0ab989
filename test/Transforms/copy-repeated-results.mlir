// RUN: hyper-opt %s --split-input-file --cache-copy-repeated-results | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-copy-repeated-results \
// RUN:   --buffer-results-to-out-params='modify-public-functions hoist-static-allocs' | FileCheck %s --check-prefix=HOIST

// Tests that an allocation returned twice gets a copy for its second
// result, and that upstream's hoisting then gives each out-parameter the
// value (without the copy, buffer-results-to-out-params crashes).
// CHECK-LABEL: func.func @twice
// CHECK: %[[A:.+]] = memref.alloc() : memref<4xf32>
// CHECK: %[[C:.+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: memref.copy %[[A]], %[[C]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: %[[D:.+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: memref.copy %[[A]], %[[D]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return %[[A]], %[[C]], %[[D]]
// HOIST-LABEL: func.func @twice
// HOIST-SAME: (%[[X:.+]]: memref<4xf32>, %[[O0:.+]]: memref<4xf32>, %[[O1:.+]]: memref<4xf32>, %[[O2:.+]]: memref<4xf32>)
// HOIST: linalg.add ins(%[[X]], %[[X]] : memref<4xf32>, memref<4xf32>) outs(%[[O0]] : memref<4xf32>)
// HOIST-NEXT: memref.copy %[[O0]], %[[O1]]
// HOIST-NEXT: memref.copy %[[O0]], %[[O2]]
func.func @twice(%x: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>, memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%a : memref<4xf32>)
  return %a, %a, %a : memref<4xf32>, memref<4xf32>, memref<4xf32>
}

// -----

// Tests that a dynamic allocation is copied with its sizes, and that an
// argument returned twice is left alone (nothing hoists it).
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME: (%[[N:.+]]: index, %[[X:.+]]: memref<8xf32>)
// CHECK: %[[A:.+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK-NEXT: %[[C:.+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK-NEXT: memref.copy %[[A]], %[[C]]
// CHECK-NEXT: return %[[A]], %[[C]], %[[X]], %[[X]]
func.func @dynamic(%n: index, %x: memref<8xf32>) -> (memref<?xf32>, memref<?xf32>, memref<8xf32>, memref<8xf32>) {
  %a = memref.alloc(%n) : memref<?xf32>
  return %a, %a, %x, %x : memref<?xf32>, memref<?xf32>, memref<8xf32>, memref<8xf32>
}
