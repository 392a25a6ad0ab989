// RUN: hyper-opt %s --split-input-file --cache-verify-schedule --verify-diagnostics

// A pipelined loop (cache-stream-loop-slices' form) carries a device buffer
// from one iteration to the next: checked as one slot. Correct: the buffer
// carried in is waited for before the loop, used and evicted in each
// iteration; the one carried out is waited for and not evicted; the last
// one is evicted after the loop.
func.func @valid(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  linalg.add ins(%last, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @not_evicted_in_the_iteration(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  // expected-error @+1 {{the iteration does not evict %result/%result_1 (carried by iteration argument #0), the buffer carried into it}}
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @carried_out_unwaited(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    // expected-error @+1 {{yields %result_1 to the next iteration before a cache.wait covers its token}}
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @first_unwaited(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    // expected-error @+1 {{uses prefetched buffer %result/%result_1 (carried by iteration argument #0) before a cache.wait covers its token}}
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    // expected-error @+1 {{evicts %result/%result_1 (carried by iteration argument #0) before a cache.wait covers its prefetch}}
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @last_not_evicted(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  // expected-error @+1 {{prefetched buffer %result/%result_1 (carried by iteration argument #0) is not evicted on every path to the function's end}}
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  linalg.add ins(%last, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  return
}

// -----

func.func @used_after_evict(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    %e = cache.evict %cur : memref<8xf32>
    // expected-error @+1 {{uses %result/%result_1 (carried by iteration argument #0) after it was evicted}}
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @yielded_evicted(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    // expected-error @+1 {{evicts %result_1, which the iteration yields to the next one}}
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %t
    %e2 = cache.evict %d : memref<8xf32>
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}

// -----

func.func @carried_after_evict(%w: memref<4x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %e0 = cache.evict %d0 : memref<8xf32>
  // expected-error @+1 {{carries %result into the loop after evicting it}}
  %last = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0) -> (memref<8xf32>) {
    %n = arith.addi %i, %c1 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<4x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %t
    scf.yield %d : memref<8xf32>
  }
  %e = cache.evict %last : memref<8xf32>
  return
}


// -----

// Prefetched two iterations ahead (cache-stream-loop-slices{distance=2}):
// two slots, the buffer used in the iteration and the next one, whose
// token the loop carries beside it (iteration argument #2). Correct: the
// next buffer is waited for by the end of the iteration (through the
// carried token) and moves to the first slot; the buffer prefetched in the
// iteration moves to the second, its token carried out unwaited; after the
// loop, the result token is waited for before the last buffer's use.
func.func @two_ahead(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %nt
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  cache.wait %r#2
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}

// -----

func.func @two_ahead_next_unwaited(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  // expected-error @+1 {{yields %result_1/%result_4 (carried by iteration argument #1) to the next iteration to use before a cache.wait covers its token}}
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  cache.wait %r#2
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}

// -----

func.func @two_ahead_last_unwaited(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %nt
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  // expected-error @+1 {{uses prefetched buffer %result_1/%result_4 (carried by iteration argument #1) before a cache.wait covers its token}}
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  // expected-error @+1 {{evicts %result_1/%result_4 (carried by iteration argument #1) before a cache.wait covers its prefetch (or the evict depends on it)}}
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}

// -----

func.func @two_ahead_next_evicted(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  // expected-error @+1 {{the iteration evicts %result_1/%result_4 (carried by iteration argument #1), which it yields to the next one}}
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %nt
    %e1 = cache.evict %next : memref<8xf32>
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  cache.wait %r#2
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}
