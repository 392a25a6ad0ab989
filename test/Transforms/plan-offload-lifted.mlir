// RUN: hyper-opt %s --hyper-offload-pipeline='budget=2KiB hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: hyper-opt %s --cache-print-liveness -o /dev/null 2>&1 | FileCheck %s --check-prefix=TABLE

// Tests that a function with a cf diamond is lifted to an scf.if and then
// planned like any other: %w waits in the pool while the branches run, and
// %x (read in one branch) comes only for the if (3 KiB live as given, 2 KiB
// after). Liveness itself does not lift: in a
// body with several blocks every buffer lives to the end.
// TABLE: peak: 3072 bytes (3 KiB)
// CHECK-LABEL: func.func @lifted
// CHECK-SAME: (%[[W:[a-z0-9_]+]]: memref<256xf32, #cache.remote>, %[[X:[a-z0-9_]+]]: memref<256xf32, #cache.remote>,
// CHECK: %[[D:.+]], %{{.+}} = cache.prefetch %[[W]]
// CHECK: linalg.copy ins(%[[D]] : memref<256xf32>)
// CHECK-NEXT: cache.evict %[[D]]
// CHECK: %[[DX:.+]], %{{.+}} = cache.prefetch %[[X]]
// CHECK: scf.if
// CHECK-NEXT: linalg.add ins(%[[DX]], %[[DX]]
// CHECK: cache.evict %[[DX]]
// CHECK-NEXT: %[[D2:.+]], %[[T2:.+]] = cache.prefetch %[[W]]
// CHECK-NEXT: cache.wait %[[T2]]
// CHECK-NEXT: linalg.add ins(%{{.+}}, %[[D2]]
// CHECK-NOT: cf.
func.func @lifted(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>, %c: i1) {
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  cf.cond_br %c, ^left, ^right
^left:
  linalg.add ins(%x, %x : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  cf.br ^join
^right:
  linalg.add ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  cf.br ^join
^join:
  linalg.add ins(%o, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
