// RUN: hyper-opt %s --cache-plan-offload='budget=60% hw=%S/../Inputs/unit.toml remarks=true' -o /dev/null 2>&1 | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml' 2>/dev/null | FileCheck %s --check-prefix=IR
// RUN: not hyper-opt %s --cache-plan-offload='budget=60% hw=%S/../Inputs/unit.toml functions=silu' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALONE

// JAX emits small private helpers (@tril, @_where, @silu) that the entry
// function calls. A percentage budget is of the program's peak: applied to
// a helper alone it is infeasible (its parameters stay on the device for
// its callers). The helper is left unchanged, the entry planned.
// CHECK: remark: cache-plan-offload leaves this function unchanged: it runs within @main, and a percentage budget applies to the functions nothing in the module calls (name it with functions= to plan it alone)
// CHECK: remark: offloads %arg0
// IR-LABEL: func.func private @silu(
// IR-NOT: cache.
// IR-LABEL: func.func @main(
// IR-SAME: #cache.remote
// IR: cache.prefetch

// Named with functions=, it is planned alone, and its budget cannot be met.
// ALONE: error: budget of {{[0-9]+}} bytes is infeasible
func.func private @silu(%a: memref<64xf32>, %o: memref<64xf32>) {
  %t = memref.alloc() : memref<64xf32>
  linalg.copy ins(%a : memref<64xf32>) outs(%t : memref<64xf32>)
  linalg.add ins(%t, %a : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  memref.dealloc %t : memref<64xf32>
  return
}
func.func @main(%w1: memref<64x64xf32>, %w2: memref<64x64xf32>, %x: memref<1x64xf32>, %y: memref<1x64xf32>) {
  linalg.matmul ins(%x, %w1 : memref<1x64xf32>, memref<64x64xf32>) outs(%y : memref<1x64xf32>)
  %v = memref.collapse_shape %y [[0, 1]] : memref<1x64xf32> into memref<64xf32>
  %u = memref.collapse_shape %x [[0, 1]] : memref<1x64xf32> into memref<64xf32>
  call @silu(%v, %u) : (memref<64xf32>, memref<64xf32>) -> ()
  linalg.matmul ins(%x, %w2 : memref<1x64xf32>, memref<64x64xf32>) outs(%y : memref<1x64xf32>)
  return
}
