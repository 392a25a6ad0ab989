// RUN: hyper-opt %s --cache-stream-loop-slices=in-place 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --cache-stream-loop-slices=in-place 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --cache-stream-loop-slices=in-place --cache-verify-schedule -o /dev/null
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=10% hw=%S/../Inputs/unit.toml loop-streaming=in-place peel-iterations=0' 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=10% hw=%S/../Inputs/unit.toml loop-streaming=in-place peel-iterations=0' --summary=- -o /dev/null 2>/dev/null | FileCheck %s --check-prefix=SUMMARY

// in-place: one iteration ahead, each slice i+1 is prefetched right after
// the last use of slice i of the same weight, into the memory it frees
// (one slice of each weight on the device outside the copies, where the
// default keeps two from the iteration's start). The copy hides behind
// the rest of the iteration and the next one's work before its first
// use: %a[i+1]'s behind the two fills and %b[i]'s add, %b[i+1]'s behind
// %a[i+1]'s add and the fills. Each token is carried to the iteration
// that reads the slice, which waits for it right before. The pipeline's
// loop-streaming=in-place gives the same loop (its issue points on the
// unit profile leave each prefetch where it is: the link is free there).

// SUMMARY: streamed slices     4.9 KiB less peak (prefetched in place)

// REMARK: remark: streams %arg0, %arg1 slice by slice (1.953 KiB per iteration), each prefetched one iteration ahead, into the memory of the one before

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[A:[^:]+]]: memref<4x250xf32, #cache.remote>, %[[B:[^:]+]]: memref<4x250xf32, #cache.remote>
// CHECK: scf.for %[[I:[^ ]+]] = {{.+}} iter_args(%[[TA:[^ ]+]] = %{{[^,]+}}, %[[CA:[^ ]+]] = %{{[^,]+}}, %[[TB:[^ ]+]] = %{{[^,]+}}, %[[CB:[^ ]+]] = %{{[^,]+}})
// CHECK-NEXT: cache.wait %[[TA]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[CA]] :
// CHECK-NEXT: cache.evict %[[CA]]
// CHECK-NEXT: %[[NI:[^ ]+]] = arith.addi %[[I]]
// CHECK-NEXT: %[[VA:[^ ]+]] = memref.subview %[[A]][%[[NI]], 0]
// CHECK-NEXT: %[[NA:[^,]+]], %[[NTA:[^ ]+]] = cache.prefetch %[[VA]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[TB]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[CB]] :
// CHECK-NEXT: cache.evict %[[CB]]
// CHECK-NEXT: %[[NJ:[^ ]+]] = arith.addi %[[I]]
// CHECK-NEXT: %[[VB:[^ ]+]] = memref.subview %[[B]][%[[NJ]], 0]
// CHECK-NEXT: %[[NB:[^,]+]], %[[NTB:[^ ]+]] = cache.prefetch %[[VB]]
// CHECK-NEXT: scf.yield %[[NTA]], %[[NA]], %[[NTB]], %[[NB]]
// CHECK: cache.wait
// CHECK-NEXT: linalg.add
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
