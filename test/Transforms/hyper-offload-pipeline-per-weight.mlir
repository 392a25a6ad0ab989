// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=10% hw=%S/../Inputs/unit.toml loop-streaming=per-weight' 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=10% hw=%S/../Inputs/unit.toml remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=AUTO
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=10% hw=%S/../Inputs/unit.toml loop-streaming=per-iteration peel-iterations=0 remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ITER

// Tests loop-streaming=per-weight on a scan reading two stacked weights
// per iteration: %a's slice first, %b's after a 4 s fill (on the unit
// profile a slice's copy takes 1 s). Fetched in each iteration, %a's copy
// would be exposed every iteration (20% slower: kept whole per
// iteration), %b's hides behind the fill. Per weight, each kind takes the
// faster form: %b in each iteration, %a one iteration ahead, its next
// slice queued behind this iteration's %b (so the link fetches in the
// order of use), its token carried to the next iteration, which waits
// for it right before the add: only the first slice's copy exposed (+5%). Each prefetch is issued when the link
// starts its copy: %a's next after %b's copy, by then %a's current slice
// is evicted, so one slice of each is on the device at a time. auto plans this form too and
// keeps it: the smallest peak.
// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[A:[^:]+]]: memref<4x250xf32, #cache.remote>, %[[B:[^:]+]]: memref<4x250xf32, #cache.remote>
// The peeled first iteration: its slices, then the prologue's %a[1].
// CHECK: cache.prefetch
// CHECK: cache.prefetch
// CHECK: %[[A1:[^,]+]], %[[T1:[^ ]+]] = cache.prefetch
// CHECK: scf.for %[[I:[^ ]+]] = {{.+}} iter_args(%[[TCUR:[^ ]+]] = %[[T1]], %[[CUR:[^ ]+]] = %[[A1]])
// CHECK-NEXT: %[[VB:[^ ]+]] = memref.subview %[[B]][%[[I]], 0]
// CHECK-NEXT: %[[NEXT:[^ ]+]] = arith.addi %[[I]]
// CHECK-NEXT: %[[VA:[^ ]+]] = memref.subview %[[A]][%[[NEXT]], 0]
// CHECK-NEXT: cache.wait %[[TCUR]]
// CHECK-NEXT: %[[DB:[^,]+]], %[[TB:[^ ]+]] = cache.prefetch %[[VB]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[CUR]] :
// CHECK-NEXT: cache.evict %[[CUR]]
// CHECK-NEXT: %[[DA:[^,]+]], %[[TA:[^ ]+]] = cache.prefetch %[[VA]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: cache.wait %[[TB]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[DB]] :
// CHECK-NEXT: cache.evict %[[DB]]
// CHECK-NEXT: scf.yield %[[TA]], %[[DA]]
// AUTO: remark: streams %arg0, %arg1 slice by slice (1.953 KiB per iteration), %arg0 prefetched one iteration ahead, the others in each iteration
// ITER: remark: keeps %arg0 whole: streaming it through the loop simulates 20.00% slower, over max-slowdown
// ITER: remark: streams %arg1 slice by slice (1000 B per iteration), fetched in each iteration
func.func @scan(%a: memref<4x250xf32>, %b: memref<4x250xf32>, %x: memref<250xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<4000xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %sa = memref.subview %a[%i, 0] [1, 250] [1, 1] : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [1, 250] [1, 1] : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    linalg.add ins(%x, %sa : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>) outs(%x : memref<250xf32>)
    linalg.fill ins(%s : f32) outs(%t : memref<4000xf32>)
    linalg.add ins(%x, %sb : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>) outs(%x : memref<250xf32>)
  }
  memref.dealloc %t : memref<4000xf32>
  return
}
