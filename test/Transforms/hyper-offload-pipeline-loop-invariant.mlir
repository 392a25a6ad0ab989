// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml plan-regions=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF

// A decode loop over tokens: every iteration runs three layers on the same
// weights (loop-invariant parameters, 1000 B each; %w0 is read after the
// loop too). Held for the whole loop (plan-regions=false) %w1 and %w2 need
// 5000 B with the rest, over the budget. Planned inside the loop's body
// (plan-regions), each iteration fetches them op by op: %w1's copy behind
// the first layer, %w2's after %w1 is evicted.
// CHECK-LABEL: func.func @tokens(
// CHECK-SAME: %{{[^:]+}}: memref<250xf32, #cache.remote>, %[[W0:[^:]+]]: memref<250xf32>, %[[W1:[^:]+]]: memref<250xf32, #cache.remote>, %[[W2:[^:]+]]: memref<250xf32, #cache.remote>, %[[O:[^:]+]]: memref<250xf32>
// CHECK: scf.for
// CHECK-NEXT: %[[D1:[^,]+]], %[[T1:[^ ]+]] = cache.prefetch %[[W1]]
// CHECK-NEXT: linalg.mul ins(%[[O]], %[[W0]] :
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D1]] :
// CHECK-NEXT: cache.evict %[[D1]]
// CHECK-NEXT: %[[D2:[^,]+]], %[[T2:[^ ]+]] = cache.prefetch %[[W2]]
// CHECK-NEXT: cache.wait %[[T2]]
// CHECK-NEXT: linalg.mul ins(%[[O]], %[[D2]] :
// CHECK-NEXT: cache.evict %[[D2]]
// CHECK-NEXT: }
// CHECK-NEXT: linalg.add ins(%[[O]], %[[W0]] :
// OFF: error: budget of 3000 bytes is infeasible
func.func @tokens(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>, %w2: memref<250xf32>, %o: memref<250xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  linalg.copy ins(%x : memref<250xf32>) outs(%o : memref<250xf32>)
  scf.for %t = %c0 to %c3 step %c1 {
    linalg.mul ins(%o, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.mul ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  }
  linalg.add ins(%o, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
