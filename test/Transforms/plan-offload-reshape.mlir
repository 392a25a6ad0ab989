// RUN: hyper-opt %s --cache-plan-offload='budget=100% hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=100% hw=%S/../Inputs/unit.toml' | FileCheck %s

// Tests that a memref.reshape (a view by ViewLikeOpInterface, whose shape
// operand is another buffer) made before a gap is made again on the
// prefetched copy after it, and reads the same shape.
// CHECK-LABEL: func.func @reshaped_gap
// CHECK-SAME: (%[[SHAPE:[a-z0-9_]+]]: memref<2xindex>,
// CHECK: %[[G:.+]] = memref.get_global @table : memref<256xf32, #cache.remote>
// CHECK: %[[D0:.+]], %{{.+}} = cache.prefetch %[[G]]
// CHECK: memref.reshape %[[D0]](%[[SHAPE]])
// CHECK: cache.evict %[[D0]]
// CHECK: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[G]]
// CHECK: cache.wait %[[T1]]
// CHECK-NEXT: %[[R1:.+]] = memref.reshape %[[D1]](%[[SHAPE]]) : (memref<256xf32>, memref<2xindex>) -> memref<16x16xf32>
// CHECK-NEXT: linalg.add ins(%{{.+}}, %[[R1]] :
// CHECK-NEXT: cache.evict %[[D1]]
memref.global "private" constant @table : memref<256xf32> = dense<1.0> {cache.policy = "offload"}
func.func @reshaped_gap(%shape: memref<2xindex>, %x: memref<16x16xf32>, %o: memref<16x16xf32>) {
  %t = memref.get_global @table : memref<256xf32>
  %r = memref.reshape %t(%shape) : (memref<256xf32>, memref<2xindex>) -> memref<16x16xf32>
  linalg.add ins(%r, %x : memref<16x16xf32>, memref<16x16xf32>) outs(%o : memref<16x16xf32>)
  linalg.add ins(%o, %x : memref<16x16xf32>, memref<16x16xf32>) outs(%o : memref<16x16xf32>)
  linalg.add ins(%o, %x : memref<16x16xf32>, memref<16x16xf32>) outs(%o : memref<16x16xf32>)
  linalg.add ins(%o, %r : memref<16x16xf32>, memref<16x16xf32>) outs(%o : memref<16x16xf32>)
  return
}
