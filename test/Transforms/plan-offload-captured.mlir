// RUN: hyper-opt %s --split-input-file --cache-print-liveness 2>&1 >/dev/null | FileCheck %s --check-prefix=LIVE
// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=5070 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-schedule-transfers='budget=5070 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=5070 hw=%S/../Inputs/unit.toml' | FileCheck %s

// Tests that a buffer read only inside a linalg payload (an embedding table
// captured from above, as torch-mlir's gathers are) is a use at the
// linalg op: liveness reports it, and under a budget (5070 B, the arguments kept)
// that needs the table in the pool while the 4000 B activation is live, the planner prefetches
// it before the gather and the payload's load reads the device copy.
// LIVE-LABEL: Buffer liveness: @gather
// LIVE: @table  global    1000 (1000 B)     #1 memref.get_global  #5 linalg.generic  end       #5 read
// LIVE: peak: 5096 bytes

// CHECK-LABEL: memref.global "private" constant @table : memref<250xf32, #cache.remote>
// CHECK-LABEL: func.func @gather
// CHECK: %[[POOL:.+]] = memref.get_global @table : memref<250xf32, #cache.remote>
// CHECK: memref.dealloc
// CHECK-NEXT: %[[DEV:.+]], %[[TOK:.+]] = cache.prefetch %[[POOL]] : memref<250xf32, #cache.remote> -> memref<250xf32>
// CHECK-NEXT: cache.wait %[[TOK]]
// CHECK-NEXT: linalg.generic
// CHECK-NEXT: ^bb0(%[[I:.+]]: index, %{{.+}}: f32):
// CHECK-NEXT: memref.load %[[DEV]][%[[I]]] : memref<250xf32>
// CHECK-NEXT: linalg.yield
// CHECK-NEXT: }
// CHECK-NEXT: cache.evict %[[DEV]] : memref<250xf32>
memref.global "private" constant @table : memref<250xf32> = dense<1.0>

func.func @gather(%ids: memref<8xindex> {cache.policy = "keep"}, %o: memref<8xf32> {cache.policy = "keep"}, %s: f32) {
  %t = memref.get_global @table : memref<250xf32>
  %x = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  memref.dealloc %x : memref<1000xf32>
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                  iterator_types = ["parallel"]}
      ins(%ids : memref<8xindex>) outs(%o : memref<8xf32>) {
  ^bb0(%i: index, %out: f32):
    %v = memref.load %t[%i] : memref<250xf32>
    linalg.yield %v : f32
  }
  %y = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%y : memref<1000xf32>)
  memref.dealloc %y : memref<1000xf32>
  return
}
