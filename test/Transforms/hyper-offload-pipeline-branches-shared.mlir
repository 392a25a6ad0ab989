// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml plan-regions=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF

// Both branches of an scf.if use the same weights, in other orders (a
// lax.cond between two uses of one set of layers): %w1, %w2, %w3 (1000 B
// each) are used nowhere else. Held whole for the if they need 4000 B
// with %o, over the budget (OFF). Planned inside the regions, the first
// region decides each: it keeps %w1 (its first use, nothing before it to
// hide a copy behind) and moves %w2 and %w3 to the pool, so the else
// region must fetch those two as well and keeps %w1 too; the function's
// own plan moves %w1 around the if.
// CHECK-LABEL: func.func @both(
// CHECK-SAME: %[[X:[^:]+]]: memref<250xf32, #cache.remote>, %[[W0:[^:]+]]: memref<250xf32, #cache.remote>, %[[W1:[^:]+]]: memref<250xf32, #cache.remote>, %[[W2:[^:]+]]: memref<250xf32, #cache.remote>, %[[W3:[^:]+]]: memref<250xf32, #cache.remote>, %[[O:[^:]+]]: memref<250xf32>, %[[C:[^:]+]]: i1
// CHECK: %[[D1:[^,]+]], %[[T1:[^ ]+]] = cache.prefetch %[[W1]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: scf.if %[[C]] {
// CHECK-NEXT: %[[A2:[^,]+]], %[[U2:[^ ]+]] = cache.prefetch %[[W2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D1]] :
// CHECK-NEXT: cache.wait %[[U2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[A2]] :
// CHECK-NEXT: cache.evict %[[A2]]
// CHECK-NEXT: %[[A3:[^,]+]], %[[U3:[^ ]+]] = cache.prefetch %[[W3]]
// CHECK-NEXT: cache.wait %[[U3]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[A3]] :
// CHECK-NEXT: cache.evict %[[A3]]
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[B3:[^,]+]], %[[V3:[^ ]+]] = cache.prefetch %[[W3]]
// CHECK-NEXT: cache.wait %[[V3]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[B3]] :
// CHECK-NEXT: cache.evict %[[B3]]
// CHECK-NEXT: %[[B2:[^,]+]], %[[V2:[^ ]+]] = cache.prefetch %[[W2]]
// CHECK-NEXT: cache.wait %[[V2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[B2]] :
// CHECK-NEXT: cache.evict %[[B2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D1]] :
// CHECK-NEXT: }
// CHECK-NEXT: cache.evict %[[D1]]
// CHECK-NEXT: return
// OFF: error: budget of 3000 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 4000 bytes, at 'scf.if'
func.func @both(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>, %w2: memref<250xf32>, %w3: memref<250xf32>, %o: memref<250xf32>, %c: i1) {
  linalg.add ins(%x, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  scf.if %c {
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  } else {
    linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  }
  return
}
