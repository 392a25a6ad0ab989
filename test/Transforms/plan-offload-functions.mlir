// RUN: hyper-opt %s --cache-plan-offload='budget=75% hw=%S/../Inputs/unit.toml functions=layer_*' | FileCheck %s
// RUN: hyper-opt %s --cache-plan-offload='budget=75% hw=%S/../Inputs/unit.toml functions=@layer_0,layer_1' | FileCheck %s
// RUN: not hyper-opt %s --cache-plan-offload='budget=75% hw=%S/../Inputs/unit.toml' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: not hyper-opt %s --cache-print-liveness=functions=nothing_* -o /dev/null 2>&1 | FileCheck %s --check-prefix=NONE

// Tests functions=: the layers are planned at 3/4 of their peak (the
// weight waits in the pool while %t is live) while @main,
// whose peak is its call's operands (nothing there can move: they are the
// parameters of functions it calls) and what the callee holds beyond them
// (its global and %t: 2048 bytes), is left alone; planning every
// function fails in @main and @layer_*'s parameters (called) stay put.
// CHECK-LABEL: func.func private @layer_0
// CHECK: cache.prefetch
// CHECK-LABEL: func.func private @layer_1
// CHECK: cache.prefetch
// CHECK-LABEL: func.func @main
// CHECK-NOT: cache.
// CHECK: return

// ALL: error: budget of 3072 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 4096 bytes, at 'func.call'
// ALL-NEXT: func.func @main

// NONE: error: functions=nothing_* selects no function with a body (functions: @layer_0, @layer_1, @main)
memref.global "private" constant @w0 : memref<256xf32> = dense<1.0>
func.func private @layer_0(%x: memref<256xf32>, %o: memref<256xf32>) {
  %w = memref.get_global @w0 : memref<256xf32>
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  %t = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%t : memref<256xf32>)
  linalg.add ins(%o, %t : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%o : memref<256xf32>) outs(%t : memref<256xf32>)
  linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %t : memref<256xf32>
  linalg.add ins(%o, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
memref.global "private" constant @w1 : memref<256xf32> = dense<1.0>
func.func private @layer_1(%x: memref<256xf32>, %o: memref<256xf32>) {
  %w = memref.get_global @w1 : memref<256xf32>
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  %t = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%t : memref<256xf32>)
  linalg.add ins(%o, %t : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%o : memref<256xf32>) outs(%t : memref<256xf32>)
  linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %t : memref<256xf32>
  linalg.add ins(%o, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
func.func @main(%x: memref<256xf32>, %o: memref<256xf32>) {
  call @layer_0(%x, %o) : (memref<256xf32>, memref<256xf32>) -> ()
  call @layer_1(%o, %x) : (memref<256xf32>, memref<256xf32>) -> ()
  return
}
