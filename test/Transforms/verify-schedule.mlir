// RUN: hyper-opt %s --split-input-file --cache-verify-schedule --verify-diagnostics --allow-unregistered-dialect

// Tests a correct schedule: waits before uses, dependencies instead of
// waits, write-back waited before the pool buffer is read again, evicts in
// both branches, a loop that prefetches and evicts in each iteration.
func.func @valid(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>, %c: i1, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %pool = memref.alloc() : memref<8xf32, #cache.remote>
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  %sub = memref.subview %d[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  cache.wait %t
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  %e = cache.evict %d to %pool : memref<8xf32> to memref<8xf32, #cache.remote>
  %back, %tb = cache.prefetch %pool [%e] : memref<8xf32, #cache.remote> -> memref<8xf32>
  scf.if %c {
    cache.wait %tb
    linalg.copy ins(%back : memref<8xf32>) outs(%o : memref<8xf32>)
    %e1 = cache.evict %back : memref<8xf32>
  } else {
    %e2 = cache.evict %back [%tb] : memref<8xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %l, %tl = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
    cache.wait %tl
    linalg.copy ins(%l : memref<8xf32>) outs(%o : memref<8xf32>)
    %el = cache.evict %l : memref<8xf32>
  }
  memref.dealloc %pool : memref<8xf32, #cache.remote>
  return
}

// -----

func.func @use_before_wait(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  // expected-error @+1 {{uses prefetched buffer %result before a cache.wait covers its token}}
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  cache.wait %t
  %e = cache.evict %d : memref<8xf32>
  return
}

// -----

// Tests that waiting for a token covers the tokens it depends on.
func.func @transitive_wait(%w: memref<8xf32, #cache.remote>, %v: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  %d2, %t2 = cache.prefetch %v [%t] : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t2
  linalg.add ins(%d, %d2 : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e = cache.evict %d : memref<8xf32>
  %e2 = cache.evict %d2 : memref<8xf32>
  return
}

// -----

func.func @use_after_evict(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  %e = cache.evict %d : memref<8xf32>
  // expected-error @+1 {{uses %result after it was evicted}}
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  return
}

// -----

// Tests that a use through an alias counts, and that an activation evicted
// by write-back cannot be used after.
func.func @alias_after_evict(%o: memref<4xf32>) {
  %a = memref.alloc() : memref<8xf32>
  %pool = memref.alloc() : memref<8xf32, #cache.remote>
  %s = memref.subview %a[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %e = cache.evict %a to %pool : memref<8xf32> to memref<8xf32, #cache.remote>
  // expected-error @+1 {{uses %alloc after it was evicted}}
  linalg.copy ins(%s : memref<4xf32, strided<[1]>>) outs(%o : memref<4xf32>)
  cache.wait %e
  return
}

// -----

// Tests that an op reaching an evicted buffer through two operands (the
// buffer and a view of it) is reported once.
func.func @two_operands_after_evict(%w: memref<8xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  %s = memref.subview %d[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %s2 = memref.subview %d[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %e = cache.evict %d : memref<8xf32>
  // expected-error @+1 {{uses %result after it was evicted}}
  linalg.copy ins(%s : memref<4xf32, strided<[1]>>) outs(%s2 : memref<4xf32, strided<[1], offset: 4>>)
  return
}

// -----

func.func @evict_twice(%w: memref<8xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  %e = cache.evict %d : memref<8xf32>
  // expected-error @+1 {{evicts %result, which was already evicted}}
  %e2 = cache.evict %d : memref<8xf32>
  return
}

// -----

func.func @evict_before_wait(%w: memref<8xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  // expected-error @+1 {{evicts %result before a cache.wait covers its prefetch (or the evict depends on it)}}
  %e = cache.evict %d : memref<8xf32>
  return
}

// -----

func.func @read_write_back_destination(%o: memref<8xf32>) {
  %a = memref.alloc() : memref<8xf32>
  %pool = memref.alloc() : memref<8xf32, #cache.remote>
  %e = cache.evict %a to %pool : memref<8xf32> to memref<8xf32, #cache.remote>
  // expected-error @+1 {{prefetches %alloc_0 before the write-back into it completes: wait for the write-back's token or depend on it}}
  %d, %t = cache.prefetch %pool : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  %e2 = cache.evict %d : memref<8xf32>
  return
}

// -----

func.func @remote_operand(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  // expected-error @+1 {{'linalg.copy' reads or writes %arg0, which is in the #cache.remote memory space: prefetch it first}}
  linalg.copy ins(%w : memref<8xf32, #cache.remote>) outs(%o : memref<8xf32>)
  return
}

// -----

// Tests that a pool read nested in a linalg payload, from a global captured
// from above, is reported at the nested op (a gather through an embedding).
memref.global "private" constant @table : memref<64xf32, #cache.remote> = dense<1.0>

func.func @remote_read_in_payload(%ids: memref<8xindex>, %o: memref<8xf32>) {
  %t = memref.get_global @table : memref<64xf32, #cache.remote>
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                  iterator_types = ["parallel"]}
      ins(%ids : memref<8xindex>) outs(%o : memref<8xf32>) {
  ^bb0(%i: index, %out: f32):
    // expected-error @+1 {{'memref.load' reads or writes @table, which is in the #cache.remote memory space: prefetch it first}}
    %v = memref.load %t[%i] : memref<64xf32, #cache.remote>
    linalg.yield %v : f32
  }
  return
}

// -----

// Tests that a pool write in a loop body is reported at the store, and that
// views, memref.dim and a dealloc of pool memory are not accesses.
func.func @remote_write_in_loop(%w: memref<8xf32, #cache.remote>, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %sub = memref.subview %w[0] [4] [1] : memref<8xf32, #cache.remote> to memref<4xf32, strided<[1]>, #cache.remote>
  %dim = memref.dim %w, %c0 : memref<8xf32, #cache.remote>
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{'memref.store' reads or writes %subview, which is in the #cache.remote memory space: prefetch it first}}
    memref.store %v, %sub[%i] : memref<4xf32, strided<[1]>, #cache.remote>
  }
  %pool = memref.alloc() : memref<8xf32, #cache.remote>
  memref.dealloc %pool : memref<8xf32, #cache.remote>
  return
}

// -----

func.func @remote_cast_away(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  // expected-error @+1 {{'memref.memory_space_cast' casts %arg0 out of the #cache.remote memory space: its users would access the pool; prefetch it instead}}
  %d = memref.memory_space_cast %w : memref<8xf32, #cache.remote> to memref<8xf32>
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  return
}

// -----

func.func @remote_unknown_op(%w: memref<8xf32, #cache.remote>) {
  // expected-error @+1 {{'test.opaque' may read or write (it declares no memory effects) %arg0, which is in the #cache.remote memory space: prefetch it first}}
  "test.opaque"(%w) : (memref<8xf32, #cache.remote>) -> ()
  return
}

// -----

func.func @not_evicted(%w: memref<8xf32, #cache.remote>) {
  // expected-error @+1 {{prefetched buffer %result is not evicted on every path to the function's end}}
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  return
}

// -----

func.func @evicted_on_one_branch(%w: memref<8xf32, #cache.remote>, %c: i1) {
  // expected-error @+1 {{prefetched buffer %result is evicted on some paths through 'scf.if' but not on others}}
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  scf.if %c {
    %e = cache.evict %d : memref<8xf32>
  }
  return
}

// -----

// Tests that a wait in one branch does not cover uses after the scf.if.
func.func @wait_in_one_branch(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>, %c: i1) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  scf.if %c {
    cache.wait %t
  }
  // expected-error @+1 {{uses prefetched buffer %result before a cache.wait covers its token}}
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  cache.wait %t
  %e = cache.evict %d : memref<8xf32>
  return
}

// -----

func.func @loop_not_evicted(%w: memref<8xf32, #cache.remote>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{prefetched buffer %result is not evicted within the loop iteration that prefetches it}}
    %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
    cache.wait %t
  }
  return
}

// -----

// expected-error @+1 {{cache-verify checks structured control flow only: this region has 2 blocks and holds cache ops}}
func.func @unstructured(%w: memref<8xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cf.br ^next
^next:
  cache.wait %t
  %e = cache.evict %d : memref<8xf32>
  return
}
