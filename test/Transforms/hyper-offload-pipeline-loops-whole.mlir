// RUN: rm -f %t
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=50% hw=%S/../Inputs/unit.toml' -o %t 2>&1 | FileCheck %s
// RUN: not test -e %t

// A stacked buffer its loop cannot stream (it is also read whole after
// the loop): the budget cannot be met, and the error says why the buffer
// stays.
// CHECK: error: budget of {{[0-9]+}} bytes is infeasible
// CHECK-SAME: held there and kept on the device: %arg0 (128 B): aliasing (used through a 'memref.subview' nested in a region); not streamed through its loop: it is also used by 'linalg.copy'
func.func @also_whole(%w: memref<4x8xf32>, %o: memref<8xf32>, %all: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  linalg.copy ins(%w : memref<4x8xf32>) outs(%all : memref<4x8xf32>)
  return
}
