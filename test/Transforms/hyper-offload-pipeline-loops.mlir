// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=50% hw=%S/../Inputs/unit.toml' -o %t 2>&1 | FileCheck %s
// RUN: not test -e %t

// A stacked buffer its loop cannot stream (the trip count is not known):
// the budget cannot be met, and the error says why the buffer stays.
// CHECK: error: budget of {{[0-9]+}} bytes is infeasible
// CHECK-SAME: held there and kept on the device: %arg0 (128 B): aliasing (used through a 'memref.subview' nested in a region); not streamed through its loop: the loop's trip count is not a constant
func.func @dynamic(%w: memref<4x8xf32>, %o: memref<8xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  return
}
