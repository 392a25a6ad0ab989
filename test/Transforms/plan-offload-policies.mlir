// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=100% hw=%S/../Inputs/unit.toml remarks=true' --cache-verify-schedule 2>&1 | FileCheck %s

// Tests the per-buffer policies and the reasons given for every candidate:
// "offload" moves a buffer even though the budget (100%) is met, "keep"
// never moves one, a view the rewrite cannot make again on the copy (one
// nested in a region) makes a buffer ineligible.
// CHECK: remark: offloads %arg0 (1000 bytes)
// CHECK: remark: keeps %arg1 on the device: policy keep
// CHECK: remark: keeps %arg2 on the device: aliasing (used through a 'memref.subview' nested in a region)
// CHECK: remark: keeps %arg3 on the device: budget met without it
// CHECK: remark: keeps %alloc on the device: gap too short to hide (used in one step)
// CHECK-LABEL: func.func @policies(%{{[a-z0-9_]+}}: memref<250xf32, #cache.remote>
// CHECK-SAME: %{{[a-z0-9_]+}}: memref<250xf32> {cache.policy = "keep"}
func.func @policies(%forced: memref<250xf32> {cache.policy = "offload"}, %kept: memref<250xf32> {cache.policy = "keep"}, %viewed: memref<250xf32>, %o: memref<250xf32>, %c: i1) {
  linalg.copy ins(%forced : memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.copy ins(%kept : memref<250xf32>) outs(%o : memref<250xf32>)
  %t = memref.alloc() {cache.policy = "auto"} : memref<10xf32>
  scf.if %c {
    %v = memref.subview %viewed[0] [10] [1] : memref<250xf32> to memref<10xf32, strided<[1]>>
    linalg.copy ins(%v : memref<10xf32, strided<[1]>>) outs(%t : memref<10xf32>)
  }
  memref.dealloc %t : memref<10xf32>
  return
}

// -----

// Tests the offload= option: only the kinds asked for are candidates.
// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=100% hw=%S/../Inputs/unit.toml offload=activations remarks=true' 2>&1 | FileCheck %s --check-prefix=KINDS
// KINDS: remark: keeps %arg0 on the device: params are not offloaded (offload= option)
func.func @kinds(%w: memref<250xf32>, %o: memref<250xf32> {cache.policy = "keep"}) {
  linalg.copy ins(%w : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
