// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=0' 2>/dev/null | FileCheck %s --check-prefix=STREAM
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=1' 2>/dev/null | FileCheck %s --check-prefix=PEEL
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=1' --summary=- -o /dev/null | FileCheck %s --check-prefix=SUMMARY
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=3' 2>/dev/null | FileCheck %s --check-prefix=NOPEEL
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml peel-iterations=two' -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADPEEL
// RUN: not hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml stream-loops=false' -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=%S/../Inputs/unit.toml remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=SLOW
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=60% hw=%S/../Inputs/unit.toml loop-streaming=per-iteration remarks' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ITER

// A stacked buffer its loop can stream: streamed to meet the budget, not
// with stream-loops=false (then the budget cannot be met), and kept whole
// where streaming would break max-slowdown (on this profile, copies are
// far slower than the layer).
// STREAM-LABEL: func.func @scan(
// STREAM-SAME: memref<4x16x16xf32, #cache.remote>
// STREAM: scf.for {{.+}} iter_args
// OFF: error: budget of {{[0-9]+}} bytes is infeasible
// OFF-SAME: held there and kept on the device: %arg0 (4 KiB): aliasing (used through a 'memref.subview' nested in a region)
// SLOW: remark: keeps %arg0 whole: streaming it through the loop simulates {{[0-9.]+}}% slower, over max-slowdown
// peel-iterations=1 plans the loop with its first iteration peeled off
// (cache-peel-loop-slices): slice 0 is then a parameter of its own, kept
// on the device, so nothing before the loop waits for a copy; the loop
// streams the rest, here fetched in each iteration (the fastest form
// under the budget, 4352 ms against 4416 ms pipelined; auto peels only
// in the form that planned best unpeeled, pipelined, where peeling gains
// nothing on this profile).
// PEEL-LABEL: func.func @scan(
// PEEL-SAME: %[[W:[^ ]+]]: memref<3x16x16xf32, #cache.remote> {cache.slices = array<i64: 0, 1, 3>}
// PEEL-SAME: %[[W0:[^ ]+]]: memref<1x16x16xf32> {cache.slices = array<i64: 0, 0, 1>})
// PEEL: %[[S0:.+]] = memref.subview %[[W0]][0, 0, 0]
// PEEL-NEXT: linalg.matmul ins(%{{.+}}, %[[S0]] :
// PEEL-NEXT: scf.for
// PEEL: memref.subview %[[W]]
// PEEL-NEXT: cache.prefetch
// SUMMARY: split parameters 1 into 2 (cache.slices; peel-iterations=1)
// Three of four iterations peeled would leave one to stream: planned as
// given.
// NOPEEL-LABEL: func.func @scan(
// NOPEEL-SAME: memref<4x16x16xf32, #cache.remote>, %{{[^ ]+}}: memref<2x16xf32>, %{{[^ ]+}}: memref<2x16xf32>) {
// BADPEEL: error: peel-iterations must be auto or a number >= 0, got 'two'
// Asked to fetch per iteration, each iteration fetches its own slice.
// ITER: remark: streams %arg0 slice by slice (1 KiB per iteration), fetched in each iteration
func.func @scan(%w: memref<4x16x16xf32>, %x: memref<2x16xf32>, %y: memref<2x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<2x16xf32>, memref<16x16xf32, strided<[16, 1], offset: ?>>) outs(%y : memref<2x16xf32>)
  }
  return
}
