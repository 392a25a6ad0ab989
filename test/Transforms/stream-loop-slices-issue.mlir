// RUN: hyper-opt %s --cache-stream-loop-slices='hw=%S/../Inputs/unit.toml' 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --cache-stream-loop-slices='hw=%S/../Inputs/unit.toml' --cache-verify-schedule -o /dev/null
// RUN: hyper-opt %s --cache-stream-loop-slices --summary=- --hw=%S/../Inputs/unit.toml -o /dev/null 2>/dev/null | FileCheck %s --check-prefix=AT-VIEW
// RUN: hyper-opt %s --cache-stream-loop-slices='hw=%S/../Inputs/unit.toml' --summary=- --hw=%S/../Inputs/unit.toml -o /dev/null 2>/dev/null | FileCheck %s --check-prefix=AT-START
// RUN: not hyper-opt %s --cache-stream-loop-slices=hw=nope -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// With hw=, each streamed prefetch is issued when the link starts its copy
// (on the unit profile a slice's copy takes 1 s, each fill 1 s), not right
// after its view: the copy engine serves prefetches in order, so one
// issued earlier only holds its device buffer while it waits in the
// queue. Iteration i reads %a[i] first and %b[i] after two fills. In the
// kernel %a[i+1]'s copy starts at once and %b[i+1]'s when it ends, by
// which time %a[i] is read and evicted: three slices on the device where
// four were, the copies and the makespan unchanged (each slice's token is
// carried to the iteration that reads it, which waits for it right
// before). In the peeled first iteration %a[0]'s copy is waited for at
// once, and the others are issued each when the one before it ends.

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[A:[^:]+]]: memref<4x250xf32, #cache.remote>, %[[B:[^:]+]]: memref<4x250xf32, #cache.remote>
// CHECK: %[[A0:[^,]+]], %[[TA0:[^ ]+]] = cache.prefetch
// CHECK-NEXT: cache.wait %[[TA0]]
// CHECK-NEXT: %[[B0:[^,]+]], %[[TB0:[^ ]+]] = cache.prefetch
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[A0]] :
// CHECK-NEXT: cache.evict %[[A0]]
// CHECK-NEXT: %[[A1:[^,]+]], %{{[^ ]+}} = cache.prefetch
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: %[[B1:[^,]+]], %{{[^ ]+}} = cache.prefetch
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[TB0]]
// CHECK: scf.for %[[I:[^ ]+]] = {{.+}} iter_args(%[[TCA:[^ ]+]] = %{{[^,]+}}, %[[CA:[^ ]+]] = %[[A1]], %[[TCB:[^ ]+]] = %{{[^,]+}}, %[[CB:[^ ]+]] = %[[B1]])
// CHECK: %[[VA:[^ ]+]] = memref.subview %[[A]]
// CHECK: %[[VB:[^ ]+]] = memref.subview %[[B]]
// CHECK-NEXT: cache.wait %[[TCA]]
// CHECK-NEXT: %[[NA:[^,]+]], %[[TA:[^ ]+]] = cache.prefetch %[[VA]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[CA]] :
// CHECK-NEXT: cache.evict %[[CA]]
// CHECK-NEXT: %[[NB:[^,]+]], %[[TB:[^ ]+]] = cache.prefetch %[[VB]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[TCB]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[CB]] :
// CHECK-NEXT: cache.evict %[[CB]]
// CHECK-NEXT: scf.yield %[[TA]], %[[NA]], %[[TB]], %[[NB]]

// AT-VIEW: peak device memory {{.+}} ->       8.8 KiB
// AT-VIEW-NEXT: makespan {{.+}} -> 13000.000 ms  (+8.33%)
// AT-START: peak device memory {{.+}} ->       7.8 KiB
// AT-START-NEXT: makespan {{.+}} -> 13000.000 ms  (+8.33%)

// BAD: error: unknown hardware profile 'nope'
func.func @scan(%a: memref<4x250xf32>, %b: memref<4x250xf32>, %x: memref<250xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<1000xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %sa = memref.subview %a[%i, 0] [1, 250] [1, 1] : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [1, 250] [1, 1] : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    linalg.add ins(%x, %sa : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>) outs(%x : memref<250xf32>)
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    linalg.add ins(%x, %sb : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>) outs(%x : memref<250xf32>)
  }
  memref.dealloc %t : memref<1000xf32>
  return
}
