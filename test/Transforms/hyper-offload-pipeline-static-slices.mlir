// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=0 remarks' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=0' 2>/dev/null | FileCheck %s --check-prefix=STREAM
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml' 2>/dev/null | FileCheck %s --check-prefix=SPLIT
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml stream-loops=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=%S/../Inputs/unit.toml remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=SLOW

// A stacked buffer straight-line code reads at constant slices (JAX's
// unrolled P[i]): fetched slice by slice to meet the budget, not with
// stream-loops=false (then the budget cannot be met: it is read at every
// step), and kept whole where streaming would break max-slowdown (on this
// profile, copies are far slower than the layer).
// REMARK: remark: streams %arg0 slice by slice (1 KiB a slice of each), each slice prefetched where the one before it is first read
// STREAM-LABEL: func.func @unrolled(
// STREAM-SAME: memref<4x16x16xf32, #cache.remote>
// STREAM-COUNT-4: cache.prefetch %{{.+}} : memref<1x16x16xf32, strided<[256, 16, 1]{{.*}}>, #cache.remote> -> memref<1x16x16xf32>
// By default (peel-iterations=auto) it is also planned split into its
// slices (cache-split-static-slices): slice 0 stays on the device, the
// others are parameters of their own in the pool, each fetched as an
// unrolled layer's weight; that is faster (4352 ms against 4416 ms), so
// kept.
// SPLIT-LABEL: func.func @unrolled(
// SPLIT-SAME: %[[W0:[^ ]+]]: memref<1x16x16xf32> {cache.slices = array<i64: 0, 0, 1>}
// SPLIT-SAME: %[[W1:[^ ]+]]: memref<1x16x16xf32, #cache.remote> {cache.slices = array<i64: 0, 1, 1>}
// SPLIT-SAME: memref<1x16x16xf32, #cache.remote> {cache.slices = array<i64: 0, 2, 1>}
// SPLIT-SAME: memref<1x16x16xf32, #cache.remote> {cache.slices = array<i64: 0, 3, 1>})
// SPLIT: linalg.generic {{.+}} ins(%{{.+}}, %[[W0]] :
// SPLIT: cache.prefetch %[[W1]] : memref<1x16x16xf32, #cache.remote> -> memref<1x16x16xf32>
// OFF: error: budget of {{[0-9]+}} bytes is infeasible
// SLOW: remark: keeps %arg0 whole: streaming it slice by slice simulates {{[0-9.]+}}% slower, over max-slowdown
#x = affine_map<(d0, d1, d2, d3) -> (d0, d2)>
#w = affine_map<(d0, d1, d2, d3) -> (d3, d2, d1)>
#y = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
func.func @unrolled(%w: memref<4x16x16xf32>, %x: memref<2x16xf32>, %y: memref<2x16xf32>) {
  %s0 = memref.subview %w[0, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<1x16x16xf32, strided<[256, 16, 1]>>
  linalg.generic {indexing_maps = [#x, #w, #y], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%x, %s0 : memref<2x16xf32>, memref<1x16x16xf32, strided<[256, 16, 1]>>) outs(%y : memref<2x16xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  %s1 = memref.subview %w[1, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<1x16x16xf32, strided<[256, 16, 1], offset: 256>>
  linalg.generic {indexing_maps = [#x, #w, #y], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%x, %s1 : memref<2x16xf32>, memref<1x16x16xf32, strided<[256, 16, 1], offset: 256>>) outs(%y : memref<2x16xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  %s2 = memref.subview %w[2, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<1x16x16xf32, strided<[256, 16, 1], offset: 512>>
  linalg.generic {indexing_maps = [#x, #w, #y], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%x, %s2 : memref<2x16xf32>, memref<1x16x16xf32, strided<[256, 16, 1], offset: 512>>) outs(%y : memref<2x16xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  %s3 = memref.subview %w[3, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<1x16x16xf32, strided<[256, 16, 1], offset: 768>>
  linalg.generic {indexing_maps = [#x, #w, #y], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%x, %s3 : memref<2x16xf32>, memref<1x16x16xf32, strided<[256, 16, 1], offset: 768>>) outs(%y : memref<2x16xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  }
  return
}
