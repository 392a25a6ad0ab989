// Hand-written cache schedules, correct and broken, through every pass.
func.func @correct(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d : memref<64xf32>
  cache.wait %e
  return
}

// -----
func.func @missing_wait(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d : memref<64xf32>
  cache.wait %e
  return
}

// -----
func.func @use_after_evict(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  %e = cache.evict %d : memref<64xf32>
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  cache.wait %e
  return
}

// -----
func.func @never_evicted(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  return
}

// -----
func.func @remote_operand_of_compute(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32, #cache.remote>) {
  linalg.copy ins(%w : memref<64xf32, #cache.remote>) outs(%o : memref<64xf32, #cache.remote>)
  return
}

// -----
func.func @write_back(%a: memref<64xf32>, %pool: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %t = memref.alloc() : memref<64xf32>
  linalg.copy ins(%a : memref<64xf32>) outs(%t : memref<64xf32>)
  %e = cache.evict %t to %pool : memref<64xf32> to memref<64xf32, #cache.remote>
  %d, %p = cache.prefetch %pool [%e] : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %p
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %x = cache.evict %d : memref<64xf32>
  cache.wait %x
  return
}

// -----
func.func @token_escapes(%w: memref<64xf32, #cache.remote>) -> !cache.token {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  %e = cache.evict %d : memref<64xf32>
  return %e : !cache.token
}

// -----
func.func @token_through_loop(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t
    linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
    %e = cache.evict %d : memref<64xf32>
    cache.wait %e
  }
  return
}

// -----
func.func @prefetch_in_branch(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>, %c: i1) {
  scf.if %c {
    %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t
    linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
    %e = cache.evict %d : memref<64xf32>
    cache.wait %e
  }
  return
}

// -----
func.func @double_wait(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d : memref<64xf32>
  cache.wait %e, %e
  return
}

// -----
func.func @policies(%keep: memref<4096xf32> {cache.policy = "keep"}, %go: memref<4096xf32> {cache.policy = "offload"}, %o: memref<4096xf32>) {
  linalg.add ins(%keep, %go : memref<4096xf32>, memref<4096xf32>) outs(%o : memref<4096xf32>)
  return
}

// -----
func.func @bad_policy(%a: memref<4096xf32> {cache.policy = "sometimes"}, %o: memref<4096xf32>) {
  linalg.copy ins(%a : memref<4096xf32>) outs(%o : memref<4096xf32>)
  return
}

// -----
func.func @prefetch_of_dynamic_with_deps(%w: memref<?xf32, #cache.remote>, %v: memref<?xf32, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<?xf32, #cache.remote> -> memref<?xf32>
  %e, %u = cache.prefetch %v [%t] : memref<?xf32, #cache.remote> -> memref<?xf32>
  cache.wait %u
  %x = cache.evict %d [%u] : memref<?xf32>
  %y = cache.evict %e : memref<?xf32>
  cache.wait %x, %y
  return
}
