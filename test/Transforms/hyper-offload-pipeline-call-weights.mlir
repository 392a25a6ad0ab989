// RUN: hyper-opt %s --hyper-offload-pipeline='budget=45% hw=%S/../Inputs/unit.toml remarks' 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARK < %t.remarks
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=45% hw=%S/../Inputs/unit.toml call-weights=caller inline-calls=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=CALLER
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=45% hw=%S/../Inputs/unit.toml call-weights=caller remarks' 2>%t.inlined | FileCheck %s --check-prefix=INLINED
// RUN: FileCheck %s --check-prefix=INLINED-REMARK < %t.inlined
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=%S/../Inputs/unit.toml call-weights=callee remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=SLOW

// Nested jit's form, three weights a layer (1000 B each, %x too). With
// the caller fetching them around each call, a call holds %x and its
// three weights: 4000 B, over 45% of 7000 B (a located error at the call).
// call-weights=auto also plans the callees fetching them: each call gets a
// clone of @layer that fetches its weights one ahead (the first two at its
// start, the third where the second is first used), so it holds %x and
// two weights at most; that meets the budget and is kept. On the unit
// profile copies are far slower than the adds, so within 1% no weight
// kind is fetched by the callees (a remark for each).
//
// With the caller fetching, inline-calls=auto (the default) also plans @f
// with its calls inlined: each weight then moves on its own, as in
// straight-line code, which meets the budget, so the calls are inlined
// (upstream inline; @layer, called by nothing else, is erased).

// CHECK-LABEL: func.func private @layer__f_0(
// CHECK-SAME: %[[X:[^:]+]]: memref<250xf32>, %[[A:[^:]+]]: memref<250xf32, #cache.remote>, %[[B:[^:]+]]: memref<250xf32, #cache.remote>, %[[C:[^:]+]]: memref<250xf32, #cache.remote>)
// CHECK-NEXT: %[[DA:[^,]+]], %[[TA:[^ ]+]] = cache.prefetch %[[A]]
// CHECK-NEXT: %[[DB:[^,]+]], %[[TB:[^ ]+]] = cache.prefetch %[[B]]
// CHECK-NEXT: cache.wait %[[TA]]
// CHECK-NEXT: linalg.add ins(%[[X]], %[[DA]] :
// CHECK-NEXT: cache.evict %[[DA]]
// CHECK-NEXT: %[[DC:[^,]+]], %[[TC:[^ ]+]] = cache.prefetch %[[C]]
// CHECK-NEXT: cache.wait %[[TB]]
// CHECK-NEXT: linalg.add ins(%[[X]], %[[DB]] :
// CHECK-NEXT: cache.evict %[[DB]]
// CHECK-NEXT: cache.wait %[[TC]]
// CHECK-NEXT: linalg.add ins(%[[X]], %[[DC]] :
// CHECK-NEXT: cache.evict %[[DC]]
// CHECK-NEXT: return
// CHECK-LABEL: func.func private @layer__f_1(
// CHECK-LABEL: func.func @f(
// CHECK: call @layer__f_0(
// CHECK: call @layer__f_1(
// REMARK: remark: %arg1, %arg2, %arg3, %arg4, %arg5, %arg6 fetched by a clone of the callee per call
// CALLER: error: budget of 3150 bytes is infeasible with strategy 'ours': the smallest peak reached by offloading is 4000 bytes, at 'func.call'
// INLINED-NOT: func.func private @layer
// INLINED-LABEL: func.func @f(
// INLINED-NOT: call
// INLINED: cache.prefetch
// INLINED-NOT: call
// INLINED: return
// INLINED-REMARK: remark: inlines its calls: it cannot be planned as given
// SLOW: remark: keeps %arg1, %arg4 whole: streaming it into its callees simulates {{[0-9.]+}}% slower, over max-slowdown
func.func private @layer(%x: memref<250xf32>, %a: memref<250xf32>, %b: memref<250xf32>, %c: memref<250xf32>) {
  linalg.add ins(%x, %a : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
  linalg.add ins(%x, %b : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
  linalg.add ins(%x, %c : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
  return
}
func.func @f(%x: memref<250xf32>, %a0: memref<250xf32>, %b0: memref<250xf32>, %c0: memref<250xf32>, %a1: memref<250xf32>, %b1: memref<250xf32>, %c1: memref<250xf32>) {
  call @layer(%x, %a0, %b0, %c0) : (memref<250xf32>, memref<250xf32>, memref<250xf32>, memref<250xf32>) -> ()
  call @layer(%x, %a1, %b1, %c1) : (memref<250xf32>, memref<250xf32>, memref<250xf32>, memref<250xf32>) -> ()
  return
}
