func.func @simple(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c0_dup = arith.constant 0 : index
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  %e = cache.evict %d : memref<8xf32>
  cache.wait %e
  return
}
