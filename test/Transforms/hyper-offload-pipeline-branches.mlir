// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml plan-paths=false' | FileCheck %s
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml plan-regions=false plan-paths=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml plan-paths=false' --summary=- -o %t | FileCheck %s --check-prefix=SUMMARY
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml' | FileCheck %s --check-prefix=PATH
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml' --summary=- -o %t | FileCheck %s --check-prefix=PATHSUM
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=3000 hw=%S/../Inputs/unit.toml remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=PATHREM

// An early exit as lift-cf-to-scf leaves it: the layers after the exit
// are the else region, their weights (%w1, %w2, %w3: 1000 B each) used
// only there. Planned inside that region (budget 3000 B, as the region
// may hold all of it), %w2 and %w3 arrive before their layers and leave
// after them; %w1 stays for the region, and the function's own plan moves
// it around the if, with the weights before it. Held whole for the if
// (plan-regions=false) the region needs 4000 B, over the budget.
// CHECK-LABEL: func.func @early_exit(
// CHECK-SAME: %[[X:[^:]+]]: memref<250xf32, #cache.remote>, %[[W0:[^:]+]]: memref<250xf32, #cache.remote>, %[[W1:[^:]+]]: memref<250xf32, #cache.remote>, %[[W2:[^:]+]]: memref<250xf32, #cache.remote>, %[[W3:[^:]+]]: memref<250xf32, #cache.remote>, %[[O:[^:]+]]: memref<250xf32>
// CHECK: %[[D1:[^,]+]], %[[T1:[^ ]+]] = cache.prefetch %[[W1]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: scf.if
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[D2:[^,]+]], %[[T2:[^ ]+]] = cache.prefetch %[[W2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D1]] :
// CHECK-NEXT: cache.wait %[[T2]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D2]] :
// CHECK-NEXT: cache.evict %[[D2]]
// CHECK-NEXT: %[[D3:[^,]+]], %[[T3:[^ ]+]] = cache.prefetch %[[W3]]
// CHECK-NEXT: cache.wait %[[T3]]
// CHECK-NEXT: linalg.add ins(%[[O]], %[[D3]] :
// CHECK-NEXT: cache.evict %[[D3]]
// CHECK-NEXT: }
// CHECK-NEXT: cache.evict %[[D1]]
// CHECK-NEXT: return
// OFF: error: budget of 3000 bytes is infeasible
// The summary follows the costlier region (the else: three layers) and
// gives each path of the branch: the early exit still waits for %w1,
// fetched before the scf.if for the region.
// SUMMARY: transfers 5 copies
// SUMMARY-NEXT: branch #{{[0-9]+}} scf.if at {{.*}}hyper-offload-pipeline-branches.mlir:{{[0-9]+}}:3: then peak 2.9 KiB, makespan 3750.000 ms; else (simulated above) peak 2.9 KiB, makespan 6750.000 ms
// SUMMARY-NEXT: planned in branches
// Planned along its costlier path (plan-paths, by default; under a budget
// the faster plan is kept): the else region's first weight %w1 is fetched
// before the branch, behind the first layer, and the exit drops it once
// its copy is done; the else path takes 6250 ms instead of 6750 ms.
// PATH-LABEL: func.func @early_exit(
// PATH-SAME: %[[X:[^:]+]]: memref<250xf32, #cache.remote>, %[[W0:[^:]+]]: memref<250xf32>, %[[W1:[^:]+]]: memref<250xf32, #cache.remote>, %[[W2:[^:]+]]: memref<250xf32, #cache.remote>, %[[W3:[^:]+]]: memref<250xf32, #cache.remote>, %[[O:[^:]+]]: memref<250xf32>
// PATH: %[[DX:[^,]+]], %[[TX:[^ ]+]] = cache.prefetch %[[X]]
// PATH-NEXT: cache.wait %[[TX]]
// PATH-NEXT: linalg.add ins(%[[DX]], %[[W0]] :
// PATH-NEXT: cache.evict %[[DX]]
// PATH-NEXT: %[[D1:[^,]+]], %[[T1:[^ ]+]] = cache.prefetch %[[W1]]
// PATH-NEXT: scf.if
// PATH-NEXT: cache.evict %[[D1]] [%[[T1]]]
// PATH-NEXT: } else {
// PATH-NEXT: cache.wait %[[T1]]
// PATH-NEXT: linalg.add ins(%[[O]], %[[D1]] :
// PATH-NEXT: cache.evict %[[D1]]
// PATH-NEXT: %[[D2:[^,]+]], %[[T2:[^ ]+]] = cache.prefetch %[[W2]]
// PATH-NEXT: cache.wait %[[T2]]
// PATH-NEXT: linalg.add ins(%[[O]], %[[D2]] :
// PATH-NEXT: cache.evict %[[D2]]
// PATH-NEXT: %[[D3:[^,]+]], %[[T3:[^ ]+]] = cache.prefetch %[[W3]]
// PATH-NEXT: cache.wait %[[T3]]
// PATH-NEXT: linalg.add ins(%[[O]], %[[D3]] :
// PATH-NEXT: cache.evict %[[D3]]
// PATH-NEXT: }
// PATH-NEXT: return
// PATHSUM: makespan {{.*}} ->  6250.000 ms
// PATHSUM: branch #{{[0-9]+}} scf.if at {{.*}}: then peak 2.9 KiB, makespan 2750.000 ms; else (simulated above) peak 2.9 KiB, makespan 6250.000 ms
// PATHSUM-NEXT: early exit planned along the costlier path (what it fetched before the branch, the exit drops)
// PATHSUM-NOT: planned in branches
// PATHREM: remark: plans its early exit along the costlier path: the simulated time is 6250.000 ms against 6750.000 ms with its regions planned alone
func.func @early_exit(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>, %w2: memref<250xf32>, %w3: memref<250xf32>, %o: memref<250xf32>, %c: i1) {
  linalg.add ins(%x, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  cf.cond_br %c, ^exit, ^rest
^exit:
  return
^rest:
  linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
