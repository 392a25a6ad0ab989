// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=0% hw=%S/../Inputs/unit.toml trip-count-bound=4' | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=0% hw=%S/../Inputs/unit.toml trip-count-bound=4' --summary=- -o /dev/null | FileCheck %s --check-prefix=BOUND
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=0% hw=%S/../Inputs/unit.toml' --summary=- -o /dev/null | FileCheck %s --check-prefix=ONCE
// RUN: not hyper-opt %s --hyper-offload-pipeline='max-slowdown=0% hw=%S/../Inputs/unit.toml trip-count-bound=-1' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NEGATIVE

// lax.while_loop's form after bufferization: an scf.while over a count
// known at run time, its body a 1 s fill (unit profile); then a loop with
// dynamic bounds and one with constant bounds, 0.5 s a body each. With
// trip-count-bound=4 the two loops without a constant trip count record
// the bound and run 4 times in the simulation: 4 + 2 + 3 * 0.5 = 7.5 s;
// without it each counts once: 1 + 0.5 + 1.5 = 3 s. The loop with
// constant bounds keeps its own count and gets no bound.

// CHECK-LABEL: func.func @loops(
// CHECK: scf.while
// CHECK: } attributes {cache.trip_count_bound = 4 : i64}
// CHECK: scf.for
// CHECK: } {cache.trip_count_bound = 4 : i64}
// CHECK: scf.for
// CHECK-NOT: cache.trip_count_bound
// CHECK: return

// BOUND: makespan {{.*}} 7500.000 ms
// ONCE: makespan {{.*}} 3000.000 ms
// NEGATIVE: error: trip-count-bound must be >= 0, got -1
func.func @loops(%n: i32, %m: index, %x: memref<1000xf32>, %y: memref<500xf32>, %s: f32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %i0 = arith.constant 0 : index
  %i1 = arith.constant 1 : index
  %i3 = arith.constant 3 : index
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i : i32
  } do {
  ^bb0(%i: i32):
    linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  }
  scf.for %j = %i0 to %m step %i1 {
    linalg.fill ins(%s : f32) outs(%y : memref<500xf32>)
  }
  scf.for %j = %i0 to %i3 step %i1 {
    linalg.fill ins(%s : f32) outs(%y : memref<500xf32>)
  }
  return
}
