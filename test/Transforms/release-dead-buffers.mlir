// RUN: hyper-opt %s --split-input-file --cache-release-dead-buffers 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-release-dead-buffers 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK

// Tests that a dealloc moves to right after its buffer's last use.
// CHECK-LABEL: func.func @moved
// CHECK: %[[A:.+]] = memref.alloc()
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: linalg.copy ins(%[[A]]
// CHECK-NEXT: memref.dealloc %[[A]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: return
func.func @moved(%o: memref<4xf32>, %c: f32) {
  %a = memref.alloc() : memref<4xf32>
  linalg.fill ins(%c : f32) outs(%a : memref<4xf32>)
  linalg.copy ins(%a : memref<4xf32>) outs(%o : memref<4xf32>)
  linalg.fill ins(%c : f32) outs(%o : memref<4xf32>)
  memref.dealloc %a : memref<4xf32>
  return
}

// -----

// Tests that where upstream's move gives invalid IR (MLIR 22 follows the
// buffer into the i64 a call returns and moves the dealloc after the
// return), the function keeps its deallocs, with a remark saying why.
// REMARK: remark: cache-release-dead-buffers leaves this function's deallocations where they were: upstream optimize-allocation-liveness made it invalid ('func.return' op must be the last operation in the parent block)
// CHECK-LABEL: func.func @kept
// CHECK: %[[R:.+]] = call @ext(
// CHECK-NEXT: memref.dealloc
// CHECK-NEXT: memref.dealloc
// CHECK-NEXT: return %[[R]] : i64
memref.global "private" constant @table : memref<4xf32> = dense<1.0>
func.func private @ext(memref<*xf32>, memref<*xf32>) -> i64
func.func @kept() -> i64 {
  %t = memref.get_global @table : memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  memref.copy %t, %a : memref<4xf32> to memref<4xf32>
  %u = memref.cast %a : memref<4xf32> to memref<*xf32>
  %b = memref.alloc() : memref<4xf32>
  memref.copy %t, %b : memref<4xf32> to memref<4xf32>
  %v = memref.cast %b : memref<4xf32> to memref<*xf32>
  %r = call @ext(%u, %v) : (memref<*xf32>, memref<*xf32>) -> i64
  memref.dealloc %a : memref<4xf32>
  memref.dealloc %b : memref<4xf32>
  return %r : i64
}
