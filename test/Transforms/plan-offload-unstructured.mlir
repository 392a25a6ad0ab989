// RUN: hyper-opt %s --cache-plan-offload=budget=100% --verify-diagnostics | FileCheck %s
// RUN: hyper-opt %s --cache-schedule-transfers --verify-diagnostics=false 2>&1 | FileCheck %s --check-prefix=SCHEDULE
// RUN: hyper-opt %s --hyper-offload-pipeline=max-slowdown=1% 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: not hyper-opt %s --cache-plan-offload=budget=50% 2>&1 | FileCheck %s --check-prefix=UNMET
// RUN: not hyper-opt %s --hyper-offload-pipeline=budget=12 2>&1 | FileCheck %s --check-prefix=UNMET-PIPELINE

// Tests that a function with cf branches is left as it is, with a remark,
// rather than planned with a model that does not cover it, where its peak
// meets the budget (or there is none), and that a budget it does not meet
// is an error: a request the planner cannot honour never exits 0.
// CHECK-LABEL: func.func @branches
// CHECK-SAME: (%{{[a-z0-9_]+}}: memref<4xf32>,
// CHECK-NOT: cache.
// SCHEDULE: remark: cache-schedule-transfers leaves this function unchanged: its body has several blocks (cf branches); only structured control flow (scf) is planned
// PIPELINE: remark: hyper-offload-pipeline leaves this function unchanged
// UNMET: :[[@LINE+3]]:1: error: budget of 8 bytes (8 B) is not met: cache-plan-offload cannot plan this function, its body has several blocks (cf branches); only structured control flow (scf) is planned; its peak is 16 bytes (try lift-cf-to-scf first)
// UNMET-PIPELINE: error: budget of 12 bytes (12 B) is not met: hyper-offload-pipeline cannot plan this function
// expected-remark @+1 {{cache-plan-offload leaves this function unchanged: its body has several blocks (cf branches); only structured control flow (scf) is planned}}
func.func @branches(%a: memref<4xf32>, %c: i1) {
  cf.cond_br %c, ^yes, ^no
^yes:
  linalg.copy ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
^no:
  return
}
