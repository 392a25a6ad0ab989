// RUN: hyper-opt %s --cache-plan-offload=budget=50% --verify-diagnostics | FileCheck %s
// RUN: hyper-opt %s --cache-schedule-transfers --verify-diagnostics=false 2>&1 | FileCheck %s --check-prefix=SCHEDULE
// RUN: hyper-opt %s --hyper-offload-pipeline=budget=50% 2>&1 | FileCheck %s --check-prefix=PIPELINE

// Tests that a function with cf branches is left as it is, with a remark,
// rather than planned with a model that does not cover it.
// CHECK-LABEL: func.func @branches(%arg0: memref<4xf32>,
// CHECK-NOT: cache.
// SCHEDULE: remark: cache-schedule-transfers leaves this function unchanged: its body has several blocks (cf branches); only structured control flow (scf) is planned
// PIPELINE: remark: hyper-offload-pipeline leaves this function unchanged
// expected-remark @+1 {{cache-plan-offload leaves this function unchanged: its body has several blocks (cf branches); only structured control flow (scf) is planned}}
func.func @branches(%a: memref<4xf32>, %c: i1) {
  cf.cond_br %c, ^yes, ^no
^yes:
  linalg.copy ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
^no:
  return
}
