// RUN: not hyper-opt %s --cache-plan-offload 2>&1 | FileCheck %s --check-prefix=NOBUDGET
// NOBUDGET: error: cache-plan-offload needs a budget (budget=...)
// RUN: not hyper-opt %s --cache-plan-offload=budget=1KiB,offload=weights 2>&1 | FileCheck %s --check-prefix=KIND
// KIND: error: unknown kind(s) in offload=: weights (known: params, globals, activations)
// RUN: not hyper-opt %s --cache-plan-offload=budget=120% 2>&1 | FileCheck %s --check-prefix=PERCENT
// PERCENT: error: a percentage budget must be in (0, 100], got '120%'
// RUN: not hyper-opt %s --cache-plan-offload=budget=1KiB,hw=nope 2>&1 | FileCheck %s --check-prefix=HW
// HW: error: unknown hardware profile 'nope'
func.func @f(%a: memref<250xf32>) {
  return
}
