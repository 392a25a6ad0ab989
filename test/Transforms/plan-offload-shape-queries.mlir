// RUN: hyper-opt %s --cache-plan-offload='budget=6100 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-schedule-transfers='budget=6100 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=6100 hw=%S/../Inputs/unit.toml' | FileCheck %s

// A shape query (memref.dim, as torch-mlir and bufferization leave them
// on dynamically shaped buffers) neither keeps a buffer on the device nor
// needs it there: it reads the shape of whatever value it is given. %w is
// asked its size before its first use, while it is still in the pool, and
// moves all the same (before, 'aliasing (used through memref.dim)' kept
// %w and %alloc, and 7016 B was the least this function could reach).
// CHECK-LABEL: func.func @shape(
// CHECK-SAME: %[[W:[^:]+]]: memref<250xf32, #cache.remote>
// CHECK: %[[A:.+]] = memref.alloc() : memref<250xf32>
// CHECK-NEXT: %[[D:.+]] = memref.dim %[[W]], %{{.+}} : memref<250xf32, #cache.remote>
// CHECK-NEXT: memref.store %[[D]]
// CHECK-NEXT: %[[C:[^,]+]], %[[T:[^ ]+]] = cache.prefetch %[[W]]
// CHECK-NEXT: cache.wait %[[T]]
// CHECK-NEXT: linalg.add ins(%{{.+}}, %[[C]] :
// CHECK-NEXT: cache.evict %[[C]]
// CHECK: memref.dim %[[A]], %{{.+}} : memref<250xf32>
// CHECK: cache.prefetch %[[W]]
func.func @shape(%w: memref<250xf32>, %o: memref<250xf32> {cache.policy = "keep"}, %n: memref<2xindex> {cache.policy = "keep"}, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc() : memref<250xf32>
  %d = memref.dim %w, %c0 : memref<250xf32>
  memref.store %d, %n[%c0] : memref<2xindex>
  linalg.add ins(%o, %w : memref<250xf32>, memref<250xf32>) outs(%a : memref<250xf32>)
  %big = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%big : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%big : memref<1000xf32>)
  %e = memref.dim %a, %c0 : memref<250xf32>
  memref.store %e, %n[%c1] : memref<2xindex>
  linalg.fill ins(%s : f32) outs(%big : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%big : memref<1000xf32>)
  memref.dealloc %big : memref<1000xf32>
  linalg.add ins(%a, %w : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  memref.dealloc %a : memref<250xf32>
  return
}
