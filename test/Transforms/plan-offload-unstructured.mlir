// RUN: hyper-opt %s --allow-unregistered-dialect --cache-plan-offload=budget=100% --verify-diagnostics | FileCheck %s
// RUN: hyper-opt %s --allow-unregistered-dialect --cache-schedule-transfers --verify-diagnostics=false 2>&1 | FileCheck %s --check-prefix=SCHEDULE
// RUN: hyper-opt %s --allow-unregistered-dialect --hyper-offload-pipeline=max-slowdown=1% 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: not hyper-opt %s --allow-unregistered-dialect --cache-plan-offload=budget=50% 2>&1 | FileCheck %s --check-prefix=UNMET
// RUN: not hyper-opt %s --allow-unregistered-dialect --hyper-offload-pipeline=budget=12 2>&1 | FileCheck %s --check-prefix=UNMET-PIPELINE

// Tests that a function with cf branches is lifted to scf (upstream
// lift-cf-to-scf) and planned, and that one whose branches cannot be lifted
// (a terminator with successors that is not a BranchOpInterface) is left
// as it is, with a remark, rather than planned with a model that does not
// cover it, where its peak meets the budget (or there is none); a budget
// it does not meet is an error: a request the planner cannot honour never
// exits 0.
// CHECK-LABEL: func.func @branches
// CHECK: scf.if
// CHECK-NOT: cf.cond_br
// CHECK-LABEL: func.func @unknown_branch
// CHECK-NOT: cache.
// SCHEDULE: remark: cache-schedule-transfers leaves this function unchanged: its body has several blocks (cf branches) that lift-cf-to-scf cannot structure ('test.br' op transformation does not support terminators with successors not implementing BranchOpInterface); only structured control flow (scf) is planned
// PIPELINE: remark: hyper-offload-pipeline leaves this function unchanged
// UNMET: :[[@LINE+11]]:1: error: budget of 8 bytes (8 B) is not met: cache-plan-offload cannot plan this function, its body has several blocks (cf branches) that lift-cf-to-scf cannot structure ('test.br' op transformation does not support terminators with successors not implementing BranchOpInterface); only structured control flow (scf) is planned; its peak is 16 bytes
// UNMET-PIPELINE: error: budget of 12 bytes (12 B) is not met: hyper-offload-pipeline cannot plan this function
func.func @branches(%a: memref<4xf32>, %c: i1) {
  cf.cond_br %c, ^yes, ^no
^yes:
  linalg.copy ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
^no:
  return
}
// expected-remark @+1 {{cache-plan-offload leaves this function unchanged: its body has several blocks (cf branches) that lift-cf-to-scf cannot structure}}
func.func @unknown_branch(%a: memref<4xf32>) {
  "test.br"()[^next] : () -> ()
^next:
  linalg.copy ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
}
