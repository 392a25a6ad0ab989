// RUN: hyper-opt %s --cache-verify-schedule=budget=2KiB
// RUN: hyper-opt %s --cache-verify-schedule=budget=2048,hw=gh200
// The unoffloaded peak is 3 KiB (all three buffers); the schedule's is 2 KiB.
// RUN: hyper-opt %s --cache-verify-schedule=budget=67%
// RUN: not hyper-opt %s --cache-verify-schedule=budget=66% 2>&1 | FileCheck %s --check-prefix=PERCENT
// PERCENT: error: simulated device-memory peak 2048 bytes (2 KiB) exceeds the budget of 2027 bytes (66% of the unoffloaded peak)
// RUN: not hyper-opt %s --cache-verify-schedule=budget=2000 2>&1 | FileCheck %s
// CHECK: verify-schedule-budget.mlir:[[# @LINE + 5]]:1: error: simulated device-memory peak 2048 bytes (2 KiB) exceeds the budget of 2000 bytes (1.953 KiB) at t=0 s (%result)
// RUN: not hyper-opt %s --cache-verify-schedule=budget=lots 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: invalid budget: expected a size such as 4096, 64KiB, 1.5MiB or 80GiB, got 'lots'
// RUN: not hyper-opt %s --cache-verify-schedule=budget=1KiB,hw=nope 2>&1 | FileCheck %s --check-prefix=HW
// HW: error: unknown hardware profile 'nope'
func.func @two_of_three(%a: memref<256xf32, #cache.remote>, %b: memref<256xf32, #cache.remote>, %o: memref<256xf32>) {
  %da, %ta = cache.prefetch %a : memref<256xf32, #cache.remote> -> memref<256xf32>
  cache.wait %ta
  linalg.copy ins(%da : memref<256xf32>) outs(%o : memref<256xf32>)
  %ea = cache.evict %da : memref<256xf32>
  %db, %tb = cache.prefetch %b : memref<256xf32, #cache.remote> -> memref<256xf32>
  cache.wait %tb
  linalg.copy ins(%db : memref<256xf32>) outs(%o : memref<256xf32>)
  %eb = cache.evict %db : memref<256xf32>
  return
}
