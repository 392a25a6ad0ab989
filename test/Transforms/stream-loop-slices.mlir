// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --split-input-file --cache-stream-loop-slices --cache-verify-schedule -o /dev/null

// Stacked weights read slice by slice (lax.scan's form). The first
// iteration is peeled (upstream scf::peelForLoopFirstIteration): it waits
// for each slice right before using it, and slice 1 is already on its way.
// The rest is software-pipelined by upstream's scf::pipelineForLoop.
// Kernel: slice i+1 prefetched, the token of slice i carried in waited for
// right before the layer on the buffer carried in, that buffer evicted,
// slice i+1 and its token carried out. Epilogue: the last slice waited
// for, the last layer, its slice evicted.

// REMARK: remark: streams %arg0 slice by slice (16 KiB per iteration), each prefetched one iteration ahead

// CHECK-LABEL: func.func @scan(
// CHECK-SAME: %[[W:.+]]: memref<4x64x64xf32, #cache.remote>, %[[X:.+]]: memref<8x64xf32>, %[[Y:.+]]: memref<8x64xf32>)
// CHECK: memref.subview %[[W]][0, 0, 0] [1, 64, 64] [1, 1, 1]
// CHECK: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %{{.+}} : memref<64x64xf32, strided<[64, 1], offset: ?>, #cache.remote> -> memref<64x64xf32>
// CHECK-NEXT: memref.subview %[[W]][1, 0, 0] [1, 64, 64] [1, 1, 1]
// CHECK-NEXT: memref.cast
// CHECK-NEXT: %[[D1:.+]], %[[T1:.+]] = cache.prefetch
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[D0]] : memref<8x64xf32>, memref<64x64xf32>) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: cache.evict %[[D0]] : memref<64x64xf32>
// CHECK-NEXT: %[[LAST:.+]]:2 = scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[TC:.+]] = %[[T1]], %[[CUR:.+]] = %[[D1]]) -> (!cache.token, memref<64x64xf32>) {
// CHECK-NEXT:   %[[NEXT:.+]] = arith.addi %[[I]], %{{.+}} : index
// CHECK-NEXT:   %[[SN:.+]] = memref.subview %[[W]][%[[NEXT]], 0, 0] [1, 64, 64] [1, 1, 1]
// CHECK-NEXT:   %[[DN:.+]], %[[TN:.+]] = cache.prefetch %[[SN]]
// CHECK-NEXT:   cache.wait %[[TC]]
// CHECK-NEXT:   linalg.matmul ins(%[[X]], %[[CUR]] : memref<8x64xf32>, memref<64x64xf32>) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT:   cache.evict %[[CUR]] : memref<64x64xf32>
// CHECK-NEXT:   scf.yield %[[TN]], %[[DN]] : !cache.token, memref<64x64xf32>
// CHECK-NEXT: }
// CHECK-NEXT: cache.wait %[[LAST]]#0
// CHECK-NEXT: linalg.matmul ins(%[[X]], %[[LAST]]#1 : memref<8x64xf32>, memref<64x64xf32>) outs(%[[Y]] : memref<8x64xf32>)
// CHECK-NEXT: cache.evict %[[LAST]]#1 : memref<64x64xf32>
// CHECK-NEXT: return
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

// JAX's form: an i32 loop index, cast to index and clamped, for the
// slice. The index arithmetic runs one iteration ahead with the slice.

// REMARK: remark: streams %arg0 slice by slice (4 KiB per iteration), each prefetched one iteration ahead

// CHECK-LABEL: func.func @clamped(
// CHECK-SAME: memref<5x32x32xf32, #cache.remote>
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (!cache.token, memref<32x32xf32>) : i32 {
// CHECK:   arith.index_cast
// CHECK:   arith.minsi
// CHECK:   memref.subview
// CHECK:   cache.prefetch
// CHECK:   cache.wait
// CHECK:   linalg.matmul
// CHECK:   cache.evict
// CHECK:   scf.yield
func.func @clamped(%w: memref<5x32x32xf32>, %x: memref<4x32xf32>, %y: memref<4x32xf32>) {
  %lb = arith.constant 0 : i32
  %ub = arith.constant 5 : i32
  %step = arith.constant 1 : i32
  %max = arith.constant 4 : index
  scf.for %i = %lb to %ub step %step : i32 {
    %j = arith.index_cast %i : i32 to index
    %k = arith.minsi %j, %max : index
    %s = memref.subview %w[%k, 0, 0] [1, 32, 32] [1, 1, 1] : memref<5x32x32xf32> to memref<32x32xf32, strided<[32, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<4x32xf32>, memref<32x32xf32, strided<[32, 1], offset: ?>>) outs(%y : memref<4x32xf32>)
  }
  return
}

// -----

// IREE's form of a JAX matmul: the slice is read through an expand_shape
// of it. The slice's last use is the op reading the view, not the view:
// each evict follows the matmul (the verifier, third RUN line, checks it).

// REMARK: remark: streams %arg0 slice by slice (4 KiB per iteration), each prefetched one iteration ahead

// CHECK-LABEL: func.func @through_a_view(
// CHECK: %[[D0:.+]], %{{.+}} = cache.prefetch
// CHECK: memref.expand_shape %[[D0]]
// CHECK-NEXT: linalg.generic
// CHECK: cache.evict %[[D0]]
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}, %[[CUR:.+]] = %{{.+}}) -> (!cache.token, memref<32x32xf32>)
// CHECK:   memref.expand_shape %[[CUR]]
// CHECK-NEXT:   linalg.generic
// CHECK:   cache.evict %[[CUR]]
// CHECK:   scf.yield
#in = affine_map<(d0, d1, d2, d3) -> (d0, d2)>
#w = affine_map<(d0, d1, d2, d3) -> (d2, d1, d3)>
#out = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
func.func @through_a_view(%w: memref<5x32x32xf32>, %x: memref<4x32xf32>, %y: memref<4x1x32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c5 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 32, 32] [1, 1, 1] : memref<5x32x32xf32> to memref<32x32xf32, strided<[32, 1], offset: ?>>
    %e = memref.expand_shape %s [[0], [1, 2]] output_shape [32, 1, 32] : memref<32x32xf32, strided<[32, 1], offset: ?>> into memref<32x1x32xf32, strided<[32, 32, 1], offset: ?>>
    linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "reduction", "parallel"]} ins(%x, %e : memref<4x32xf32>, memref<32x1x32xf32, strided<[32, 32, 1], offset: ?>>) outs(%y : memref<4x1x32xf32>) {
    ^bb0(%a: f32, %b: f32, %c: f32):
      %m = arith.mulf %a, %b : f32
      %r = arith.addf %c, %m : f32
      linalg.yield %r : f32
    }
  }
  return
}

// -----

// Two iterations: the peeled one and the pipeliner's epilogue, no loop
// left; the second slice's copy runs during the first's work.

// REMARK: remark: streams %arg0 slice by slice (1 KiB per iteration), each prefetched one iteration ahead

// CHECK-LABEL: func.func @two(
// CHECK-NOT: scf.for
// CHECK: %[[D0:.+]], %[[T0:.+]] = cache.prefetch
// CHECK: %[[D1:.+]], %[[T1:.+]] = cache.prefetch
// CHECK-NEXT: cache.wait %[[T0]]
// CHECK-NEXT: linalg.copy ins(%[[D0]]
// CHECK-NEXT: cache.evict %[[D0]]
// CHECK-NEXT: cache.wait %[[T1]]
// CHECK-NEXT: linalg.copy ins(%[[D1]]
// CHECK-NEXT: cache.evict %[[D1]]
func.func @two(%w: memref<2x256xf32>, %o: memref<256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 256] [1, 1] : memref<2x256xf32> to memref<256xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<256xf32, strided<[1], offset: ?>>) outs(%o : memref<256xf32>)
  }
  return
}

// -----

// lax.while_loop's form: the slice index is computed from the loop's
// state (a counter in a buffer, clamped into the stacked dimension), the
// trip count unknown. Each iteration prefetches its slice where it takes
// it, waits right before its first use and evicts it after its last, all
// in the do region (canonicalization folds the cast of the device copy
// into the add); the stacked buffer moves to the pool.

// REMARK: remark: streams %arg0 slice by slice (1 KiB per iteration), fetched in each iteration of the while loop

// CHECK-LABEL: func.func @counted(
// CHECK-SAME: %[[W:[^:]+]]: memref<4x256xf32, #cache.remote>
// CHECK: scf.while
// CHECK: } do {
// CHECK: %[[S:.+]] = memref.subview %[[W]][%{{.+}}, 0] [1, 256] [1, 1] : memref<4x256xf32, #cache.remote> to memref<256xf32, strided<[1], offset: ?>, #cache.remote>
// CHECK-NEXT: %[[D:.+]], %[[T:.+]] = cache.prefetch %[[S]]
// CHECK: cache.wait %[[T]]
// CHECK-NEXT: linalg.add ins(%{{[^,]+}}, %[[D]] :
// CHECK-NEXT: cache.evict %[[D]]
// CHECK: scf.yield
func.func @counted(%w: memref<4x256xf32>, %n: memref<i32>, %o: memref<256xf32>) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %i = memref.alloc() : memref<i32>
  memref.store %zero, %i[] : memref<i32>
  scf.while : () -> () {
    %k = memref.load %i[] : memref<i32>
    %m = memref.load %n[] : memref<i32>
    %go = arith.cmpi slt, %k, %m : i32
    scf.condition(%go)
  } do {
    %k = memref.load %i[] : memref<i32>
    %x = arith.index_cast %k : i32 to index
    %lo = arith.maxsi %x, %c0 : index
    %at = arith.minsi %lo, %c3 : index
    %s = memref.subview %w[%at, 0] [1, 256] [1, 1] : memref<4x256xf32> to memref<256xf32, strided<[1], offset: ?>>
    %next = arith.addi %k, %one : i32
    linalg.add ins(%o, %s : memref<256xf32>, memref<256xf32, strided<[1], offset: ?>>) outs(%o : memref<256xf32>)
    memref.store %next, %i[] : memref<i32>
    scf.yield
  }
  memref.dealloc %i : memref<i32>
  return
}

// -----

// Left alone, each with a remark saying why: a slice the loop writes (a
// state, not a weight), a slice that does not move with the loop, a
// stacked buffer also read outside the loop, a single iteration, and a
// parameter of a called function.

// REMARK: remark: leaves %arg0 whole: a slice is written, or used by an op declaring no effects
// REMARK: remark: leaves %arg0 whole: a slice does not move with the loop's induction variable
// REMARK: remark: leaves %arg0 whole: it is also used by 'linalg.copy'
// REMARK: remark: leaves %arg0 whole: the loop runs 1 time(s)
// REMARK: remark: leaves %arg0 whole: the function is called by @caller

// CHECK-LABEL: func.func @written(
// CHECK-SAME: %{{.+}}: memref<4x16xf32>,
// CHECK-NOT: cache.
// CHECK-LABEL: func.func @invariant(
// CHECK-NOT: cache.
// CHECK-LABEL: func.func @outside(
// CHECK-NOT: cache.
// CHECK-LABEL: func.func @once(
// CHECK-NOT: cache.
// CHECK-LABEL: func.func @callee(
// CHECK-NOT: cache.
// CHECK-LABEL: func.func @caller(
func.func @written(%w: memref<4x16xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.fill ins(%v : f32) outs(%s : memref<16xf32, strided<[1], offset: ?>>)
  }
  return
}
func.func @invariant(%w: memref<4x16xf32>, %o: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%c1, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<16xf32, strided<[1], offset: ?>>) outs(%o : memref<16xf32>)
  }
  return
}
func.func @outside(%w: memref<4x16xf32>, %o: memref<4x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  linalg.copy ins(%w : memref<4x16xf32>) outs(%o : memref<4x16xf32>)
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    %t = memref.subview %o[%i, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.add ins(%s, %s : memref<16xf32, strided<[1], offset: ?>>, memref<16xf32, strided<[1], offset: ?>>) outs(%t : memref<16xf32, strided<[1], offset: ?>>)
  }
  return
}
func.func @once(%w: memref<4x16xf32>, %o: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c1 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<16xf32, strided<[1], offset: ?>>) outs(%o : memref<16xf32>)
  }
  return
}
func.func @callee(%w: memref<4x16xf32>, %o: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<16xf32, strided<[1], offset: ?>>) outs(%o : memref<16xf32>)
  }
  return
}
func.func @caller(%w: memref<4x16xf32>, %o: memref<16xf32>) {
  call @callee(%w, %o) : (memref<4x16xf32>, memref<16xf32>) -> ()
  return
}

// -----

// A loop whose trip count is known only at run time (JAX's while loop to
// %n, after cache-uplift-loop-counters and cache-peel-loop-slices: two
// iterations peeled off, each in an scf.if on %n reaching it). Pipelined,
// it runs in an scf.if on %n > 3 (the loop from 2 then runs twice or
// more), which takes the peeled iterations too: in its then region
// unconditionally (canonicalization folds their `true`), so the loop's
// first slices are fetched from there; in its else region as they were,
// with the loop fetching in each iteration (bound 1 at most).

// REMARK: :[[@LINE+39]]:3: remark: streams %arg0 slice by slice (32 B per iteration), each prefetched one iteration ahead where it runs twice or more (else in each iteration)
// CHECK-LABEL: func.func @guarded(
// CHECK-SAME:      %[[W:.+]]: memref<4x8xf32, #cache.remote>, %{{.+}}: memref<8xf32>, %[[N:.+]]: i32, %[[W0:.+]]: memref<1x8xf32>, %[[W1:.+]]: memref<1x8xf32>)
// CHECK-DAG:     %[[R0:.+]] = arith.cmpi sgt, %[[N]], %c0_i32 : i32
// CHECK-DAG:     %[[R1:.+]] = arith.cmpi sgt, %[[N]], %c1_i32 : i32
// CHECK-DAG:     %[[ENOUGH:.+]] = arith.cmpi sgt, %[[N]], %c3_i32 : i32
// CHECK:         scf.if %[[ENOUGH]] {
// CHECK-NEXT:      memref.subview %[[W0]]
// CHECK-NEXT:      linalg.add
// CHECK-NEXT:      memref.subview %[[W1]]
// CHECK-NEXT:      linalg.add
// CHECK:           cache.prefetch
// CHECK:           cache.prefetch
// CHECK:           scf.for %{{.+}} = %c3_i32 to %{{.+}} step %c1_i32 iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (!cache.token, memref<8xf32>) : i32 {
// CHECK:           } {cache.trip_count_bound = 1 : i64}
// CHECK:         } else {
// CHECK-NEXT:      scf.if %[[R0]] {
// CHECK:           scf.if %[[R1]] {
// CHECK:           scf.for %{{.+}} = %c2_i32 to %[[N]] step %c1_i32 : i32 {
// CHECK:             cache.prefetch
// CHECK:           } {cache.trip_count_bound = 1 : i64}
// CHECK-NEXT:    }
func.func @guarded(%w: memref<4x8xf32>, %out: memref<8xf32>, %n: i32, %w0: memref<1x8xf32>, %w1: memref<1x8xf32>) {
  %c2 = arith.constant 2 : index
  %c2_i32 = arith.constant 2 : i32
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  %0 = arith.cmpi sgt, %n, %c0_i32 : i32
  scf.if %0 {
    %s = memref.subview %w0[0, 0] [1, 8] [1, 1] : memref<1x8xf32> to memref<8xf32, strided<[1]>>
    linalg.add ins(%s, %out : memref<8xf32, strided<[1]>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  %1 = arith.cmpi sgt, %n, %c1_i32 : i32
  scf.if %1 {
    %s = memref.subview %w1[0, 0] [1, 8] [1, 1] : memref<1x8xf32> to memref<8xf32, strided<[1]>>
    linalg.add ins(%s, %out : memref<8xf32, strided<[1]>>, memref<8xf32>) outs(%out : memref<8xf32>)
  }
  scf.for %i = %c2_i32 to %n step %c1_i32 : i32 {
    %k = arith.index_cast %i : i32 to index
    %lo = arith.maxsi %k, %c0 : index
    %j = arith.minsi %lo, %c5 : index
    %r = arith.subi %j, %c2 : index
    %s = memref.subview %w[%r, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%s, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%out : memref<8xf32>)
  } {cache.trip_count_bound = 3 : i64}
  return
}

// -----

// A loop whose lower bound is known only at run time cannot be guarded
// (the guard counts from a constant lower bound): it fetches in each
// iteration, with a remark.

// REMARK: :[[@LINE+5]]:3: remark: streams %arg0 slice by slice (32 B per iteration), fetched in each iteration: its lower bound or step varies
// CHECK-LABEL: func.func @dynamic_lower(
// CHECK-NOT:     scf.if
func.func @dynamic_lower(%w: memref<4x8xf32>, %o: memref<8xf32>, %lb: index, %n: index) {
  %c1 = arith.constant 1 : index
  scf.for %i = %lb to %n step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  return
}

// -----

// A slice whose row is read from memory cannot run an iteration ahead of
// that read: the loop is not pipelined, and the guard on its run-time
// count is taken out again (no scf.if is left).

// REMARK: :[[@LINE+11]]:3: remark: streams %arg0 slice by slice (32 B per iteration), fetched in each iteration: upstream's pipeliner declined the loop
// CHECK-LABEL: func.func @loaded(
// CHECK-NOT:     scf.if
// CHECK:         scf.for
// CHECK:           memref.load
// CHECK:           cache.prefetch
// CHECK-NOT:     scf.if
// CHECK:         return
func.func @loaded(%w: memref<6x8xf32>, %o: memref<8xf32>, %rows: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %r = memref.load %rows[%i] : memref<?xindex>
    %t = arith.addi %r, %i : index
    %s = memref.subview %w[%t, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  return
}
