// RUN: not hyper-opt %s --hyper-offload-pipeline 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: hyper-offload-pipeline needs exactly one of budget= and max-slowdown=
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=1KiB max-slowdown=1%' 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not hyper-opt %s --hyper-offload-pipeline='max-slowdown=fast' 2>&1 | FileCheck %s --check-prefix=SLOW
// SLOW: error: expected a slowdown such as 1% or 0.01, got 'fast'
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=1500 hw=%S/../Inputs/unit.toml' 2>&1 | FileCheck %s --check-prefix=INFEASIBLE
// INFEASIBLE: hyper-offload-pipeline-invalid.mlir:[[# @LINE + 1]]:1: error: budget of 1500 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 2000 bytes
func.func @f(%a: memref<250xf32>, %o: memref<250xf32>) {
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
