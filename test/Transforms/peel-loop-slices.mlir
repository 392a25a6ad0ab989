// RUN: hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=2' 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=2' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: not hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=0' -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=0 unroll-full-threshold=4' 2>/dev/null | FileCheck %s --check-prefix=FULL
// RUN: hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=0 unroll-full-threshold=4' 2>&1 >/dev/null | FileCheck %s --check-prefix=FULL-REMARK
// RUN: not hyper-opt %s --split-input-file --cache-peel-loop-slices='iterations=-1' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NEGATIVE

// The first two iterations are peeled off (upstream
// scf::peelForLoopFirstIteration) and read slices passed as parameters of
// their own, appended; the loop reads the rows left, its offsets shifted.
// cache.slices says which rows of which parameter as given each holds.

// With unroll-full-threshold=4 (and no iterations to peel otherwise) the
// loop of 4 iterations is unrolled fully: every iteration but the last
// peeled, the last inlined by canonicalization, each slice (the parameter
// keeps the last row) taken right before its first use.

// FULL-REMARK: :[[@LINE+28]]:1: remark: unrolls the loop fully (4 iterations): the slices they read of %arg0 are parameters %arg3, %arg4, %arg5 and the rows left of each (cache.slices)

// FULL-LABEL: func.func @scan(
// FULL-SAME: %[[W:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 3, 1>}, %[[X:.+]]: memref<8x64xf32>, %[[Y:.+]]: memref<8x64xf32>,
// FULL-SAME: %[[W0:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 0, 1>}, %[[W1:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 1, 1>}, %[[W2:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 2, 1>})
// FULL-NOT: scf.for
// FULL: %[[S0:.+]] = memref.subview %[[W0]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// FULL-NEXT: linalg.matmul ins(%[[X]], %[[S0]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// FULL: %[[S2:.+]] = memref.subview %[[W2]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// FULL-NEXT: linalg.matmul ins(%[[X]], %[[S2]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// FULL-NEXT: %[[S3:.+]] = memref.subview %[[W]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// FULL-NEXT: linalg.matmul ins(%[[X]], %[[S3]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// FULL-NEXT: return

// REMARK: :[[@LINE+18]]:3: remark: peels 2 iteration(s) off the loop: the slices they read of %arg0 are parameters %arg3, %arg4 (cache.slices)

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[W:.+]]: memref<2x64x64xf32> {cache.slices = array<i64: 0, 2, 2>}, %[[X:.+]]: memref<8x64xf32>, %[[Y:.+]]: memref<8x64xf32>,
// CHECK-SAME: %[[W0:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 0, 1>}, %[[W1:.+]]: memref<1x64x64xf32> {cache.slices = array<i64: 0, 1, 1>})
// CHECK: %[[S0:.+]] = memref.subview %[[W0]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[S0]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: %[[S1:.+]] = memref.subview %[[W1]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[S1]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: scf.for %[[I:.+]] = %[[C2:.+]] to %{{.+}} step %{{.+}} {
// CHECK-NEXT:   %[[ROW:.+]] = arith.subi %[[I]], %[[C2]] : index
// CHECK-NEXT:   %[[S:.+]] = memref.subview %[[W]][%[[ROW]], 0, 0] [1, 64, 64] [1, 1, 1] : memref<2x64x64xf32>
// CHECK-NEXT:   linalg.matmul ins(%[[X]], %[[S]] : {{.+}}) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: }
func.func @scan(%w: memref<4x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1] : memref<4x64x64xf32> to memref<64x64xf32, strided<[64, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<8x64xf32>, memref<64x64xf32, strided<[64, 1], offset: ?>>) outs(%y : memref<8x64xf32>)
  }
  return
}

// -----

// JAX's lax.scan: an i32 counter, the row clamped into the stacked
// dimension. The rows are computed per iteration from the counter.

// REMARK: :[[@LINE+20]]:3: remark: peels 2 iteration(s) off the loop: the slices they read of %arg0 are parameters %arg2, %arg3 (cache.slices)

// CHECK-LABEL: func.func @jax_scan(
// CHECK-SAME: %[[W:.+]]: memref<4x8xf32> {cache.slices = array<i64: 0, 2, 4>}, %[[OUT:.+]]: memref<8xf32>,
// CHECK-SAME: %[[W0:.+]]: memref<1x8xf32> {cache.slices = array<i64: 0, 0, 1>}, %[[W1:.+]]: memref<1x8xf32> {cache.slices = array<i64: 0, 1, 1>})
// CHECK: memref.subview %[[W0]][0, 0] [1, 8] [1, 1]
// CHECK: memref.subview %[[W1]][0, 0] [1, 8] [1, 1]
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} : i32 {
// Its 6 iterations are over unroll-full-threshold=4: left as it is.
// FULL-LABEL: func.func @jax_scan(%{{.+}}: memref<6x8xf32>, %{{.+}}: memref<8xf32>)
// FULL: scf.for
// CHECK: %[[CLAMPED:.+]] = arith.minsi
// CHECK-NEXT: %[[ROW:.+]] = arith.subi %[[CLAMPED]], %{{.+}} : index
// CHECK-NEXT: memref.subview %[[W]][%[[ROW]], 0] [1, 8] [1, 1] : memref<4x8xf32>
func.func @jax_scan(%w: memref<6x8xf32>, %out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  %c6_i32 = arith.constant 6 : i32
  scf.for %i = %c0_i32 to %c6_i32 step %c1_i32 : i32 {
    %n = arith.index_cast %i : i32 to index
    %lo = arith.maxsi %n, %c0 : index
    %row = arith.minsi %lo, %c5 : index
    %s = memref.subview %w[%row, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%s, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  return
}

// -----

// Slices i and i + 1: rows the peeled iterations read the loop reads too,
// so the parameter cannot split; nothing changes.

// REMARK: :[[@LINE+7]]:3: remark: leaves %arg0 whole: row 2 is read by the peeled iterations and the loop
// CHECK-LABEL: func.func @overlapping(%{{.+}}: memref<5x8xf32>, %{{.+}}: memref<8xf32>)
// CHECK: scf.for %{{.+}} = %c0 to
func.func @overlapping(%w: memref<5x8xf32>, %out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %next = arith.addi %i, %c1 : index
    %a = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<5x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    %b = memref.subview %w[%next, 0] [1, 8] [1, 1] : memref<5x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%a, %b : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32, strided<[1], offset: ?>>) outs(%out : memref<8xf32>)
  }
  return
}

// -----

// Peeling two of two iterations would leave no loop to stream.

// REMARK: :[[@LINE+12]]:3: remark: leaves %arg0 whole: the loop runs 2 times, too few to peel 2 and stream the rest
// CHECK-LABEL: func.func @short(%{{.+}}: memref<2x8xf32>, %{{.+}}: memref<8xf32>)
// Unrolled fully, though, nothing is left to stream: both rows split.
// FULL-REMARK: remark: unrolls the loop fully (2 iterations): the slices they read of %arg0 are parameters %arg2 and the rows left of each (cache.slices)
// FULL-LABEL: func.func @short(%{{.+}}: memref<1x8xf32> {cache.slices = array<i64: 0, 1, 1>}, %{{.+}}: memref<8xf32>, %{{.+}}: memref<1x8xf32> {cache.slices = array<i64: 0, 0, 1>})
// FULL-NOT: scf.for
// NEGATIVE: error: iterations and unroll-full-threshold must be >= 0, got -1 and 0
// BAD: error: nothing to peel: iterations and unroll-full-threshold are both 0
func.func @short(%w: memref<2x8xf32>, %out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    %a = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<2x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%a, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  return
}

// -----

// JAX's while loop after cache-uplift-loop-counters: an i32 loop to the
// input %n, its index clamped into the 6 stacked rows. Its trip count is
// known only at run time, so each peeled iteration runs in an scf.if on
// %n reaching it; after them the loop reads rows 2 to 5 (the clamp bounds
// them for every counter from 2 on: interval arithmetic), shifted by 2.

// A trip count known only at run time is never unrolled fully.
// FULL-LABEL: func.func @jax_while(%{{.+}}: memref<6x8xf32>,
// FULL: scf.for
// REMARK: :[[@LINE+20]]:3: remark: peels 2 iteration(s) off the loop, each run where the count reaches it: the slices they read of %arg0 are parameters %arg3, %arg4 (cache.slices)
// CHECK-LABEL: func.func @jax_while(
// CHECK-SAME:      %[[W:.+]]: memref<4x8xf32> {cache.slices = array<i64: 0, 2, 4>}, %{{.+}}: memref<8xf32>, %[[N:.+]]: i32,
// CHECK-SAME:      %[[W0:.+]]: memref<1x8xf32> {cache.slices = array<i64: 0, 0, 1>}, %[[W1:.+]]: memref<1x8xf32> {cache.slices = array<i64: 0, 1, 1>})
// CHECK:         %[[REACHED0:.+]] = arith.cmpi sgt, %[[N]], %c0_i32 : i32
// CHECK:         scf.if %[[REACHED0]] {
// CHECK:           memref.subview %[[W0]][0, 0] [1, 8] [1, 1]
// CHECK:         %[[REACHED1:.+]] = arith.cmpi sgt, %[[N]], %c1_i32 : i32
// CHECK:         scf.if %[[REACHED1]] {
// CHECK:           memref.subview %[[W1]][0, 0] [1, 8] [1, 1]
// CHECK:         scf.for %[[I:.+]] = %c2_i32 to %[[N]] step %c1_i32 : i32 {
// CHECK:           %[[CLAMPED:.+]] = arith.minsi
// CHECK:           %[[ROW:.+]] = arith.subi %[[CLAMPED]], %c2 : index
// CHECK:           memref.subview %[[W]][%[[ROW]], 0] [1, 8] [1, 1]
// CHECK:         } {cache.trip_count_bound = 3 : i64}
func.func @jax_while(%w: memref<6x8xf32>, %out: memref<8xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  scf.for %i = %c0_i32 to %n step %c1_i32 : i32 {
    %k = arith.index_cast %i : i32 to index
    %lo = arith.maxsi %k, %c0 : index
    %j = arith.minsi %lo, %c5 : index
    %a = memref.subview %w[%j, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%a, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  } {cache.trip_count_bound = 5 : i64}
  return
}

// -----

// Without the clamp, the rows the loop reads grow with a counter bounded
// only by its type: nothing says they stay within the parameter's.

// REMARK: :[[@LINE+5]]:3: remark: leaves %arg0 whole: the rows the loop reads are not bounded within the parameter's (its trip count is known only at run time, and nothing clamps them)
// CHECK-LABEL: func.func @unbounded(%{{.+}}: memref<6x8xf32>, %{{.+}}: memref<8xf32>, %{{.+}}: index)
func.func @unbounded(%w: memref<6x8xf32>, %out: memref<8xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%a, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  return
}

// -----

// A row read from memory is bounded by nothing the pass can compute.

// REMARK: :[[@LINE+5]]:3: remark: leaves %arg0 whole: a slice's row is not bounded by integer arithmetic on the loop's counter
// CHECK-LABEL: func.func @loaded(%{{.+}}: memref<6x8xf32>,
func.func @loaded(%w: memref<6x8xf32>, %out: memref<8xf32>, %rows: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %r = memref.load %rows[%i] : memref<?xindex>
    %t = arith.addi %r, %i : index
    %a = memref.subview %w[%t, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%a, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  return
}
