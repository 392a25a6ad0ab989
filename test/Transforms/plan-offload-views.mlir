// RUN: hyper-opt %s --cache-plan-offload='budget=5100 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-schedule-transfers='budget=5100 hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=5100 hw=%S/../Inputs/unit.toml' | FileCheck %s

// Tests that an activation used through views (torch-mlir reaches
// activations through expand_shape/collapse_shape chains) moves to the
// pool: written back after its last use before the 4000 B fill (five
// 1000 B fills hide the 1024 B write-back), prefetched for the uses after
// it, and every view made before the gap and used after it is made again
// on the device copy (the subview, made after the gap of the old
// expand_shape, now views the new one).
// CHECK-LABEL: func.func @views
// CHECK:      %[[A:.+]] = memref.alloc() : memref<256xf32>
// CHECK-NEXT: %[[POOL:.+]] = memref.alloc() : memref<256xf32, #cache.remote>
// CHECK-NEXT: %[[V:.+]] = memref.expand_shape %[[A]] {{\[\[}}0, 1]] output_shape [4, 64]
// CHECK-NEXT: linalg.fill ins(%{{.+}} : f32) outs(%[[V]] : memref<4x64xf32>)
// CHECK-NEXT: %[[WB:.+]] = cache.evict %[[A]] to %[[POOL]] : memref<256xf32> to memref<256xf32, #cache.remote>
// CHECK:      memref.dealloc %{{.+}} : memref<1000xf32>
// CHECK-NEXT: %[[DEV:.+]], %[[TOK:.+]] = cache.prefetch %[[POOL]] [%[[WB]]] : memref<256xf32, #cache.remote> -> memref<256xf32>
// CHECK-NEXT: cache.wait %[[TOK]]
// CHECK-NEXT: %[[V2:.+]] = memref.expand_shape %[[DEV]] {{\[\[}}0, 1]] output_shape [4, 64] : memref<256xf32> into memref<4x64xf32>
// CHECK-NEXT: %[[W:.+]] = memref.subview %[[V2]][0, 0] [2, 64] [1, 1]
// CHECK-NEXT: linalg.add ins(%[[V2]], %[[V2]] : memref<4x64xf32>, memref<4x64xf32>)
// CHECK-NEXT: linalg.fill ins(%{{.+}} : f32) outs(%[[W]] : memref<2x64xf32, strided<[64, 1]>>)
// CHECK-NEXT: cache.evict %[[DEV]] : memref<256xf32>
// CHECK-NEXT: memref.dealloc %[[POOL]] : memref<256xf32, #cache.remote>
// CHECK-NEXT: return
func.func @views(%o: memref<4x64xf32> {cache.policy = "keep"}, %s: f32) {
  %a = memref.alloc() : memref<256xf32>
  %v = memref.expand_shape %a [[0, 1]] output_shape [4, 64] : memref<256xf32> into memref<4x64xf32>
  linalg.fill ins(%s : f32) outs(%v : memref<4x64xf32>)
  %x = memref.alloc() : memref<250xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<250xf32>)
  memref.dealloc %x : memref<250xf32>
  %y = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%y : memref<1000xf32>)
  memref.dealloc %y : memref<1000xf32>
  %w = memref.subview %v[0, 0] [2, 64] [1, 1] : memref<4x64xf32> to memref<2x64xf32, strided<[64, 1]>>
  linalg.add ins(%v, %v : memref<4x64xf32>, memref<4x64xf32>) outs(%o : memref<4x64xf32>)
  linalg.fill ins(%s : f32) outs(%w : memref<2x64xf32, strided<[64, 1]>>)
  memref.dealloc %a : memref<256xf32>
  return
}
