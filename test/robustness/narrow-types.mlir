// i1 and sub-byte element types, narrow floats.
func.func @i1_mask(%m: memref<64xi1>, %o: memref<64xi1>) {
  %t = memref.alloc() : memref<64xi1>
  memref.copy %m, %t : memref<64xi1> to memref<64xi1>
  memref.copy %t, %o : memref<64xi1> to memref<64xi1>
  memref.dealloc %t : memref<64xi1>
  return
}

// -----
func.func @i1_store(%m: memref<8xi1>, %v: i1) {
  %c0 = arith.constant 0 : index
  memref.store %v, %m[%c0] : memref<8xi1>
  return
}

// -----
func.func @i4_weights(%w: memref<4096xi4>, %o: memref<4096xi4>) {
  %t = memref.alloc() : memref<4096xi4>
  linalg.copy ins(%w : memref<4096xi4>) outs(%t : memref<4096xi4>)
  linalg.copy ins(%t : memref<4096xi4>) outs(%o : memref<4096xi4>)
  memref.dealloc %t : memref<4096xi4>
  return
}

// -----
func.func @i2_odd_count(%w: memref<7xi2>) {
  %t = memref.alloc() : memref<7xi2>
  memref.copy %w, %t : memref<7xi2> to memref<7xi2>
  memref.dealloc %t : memref<7xi2>
  return
}

// -----
func.func @i3_odd_width(%w: memref<9xi3>) {
  %t = memref.alloc() : memref<9xi3>
  memref.copy %w, %t : memref<9xi3> to memref<9xi3>
  memref.dealloc %t : memref<9xi3>
  return
}

// -----
func.func @f8_types(%a: memref<128xf8E4M3FN>, %b: memref<128xf8E5M2>) {
  %t = memref.alloc() : memref<128xf8E4M3FN>
  memref.copy %a, %t : memref<128xf8E4M3FN> to memref<128xf8E4M3FN>
  memref.dealloc %t : memref<128xf8E4M3FN>
  return
}

// -----
func.func @bf16_matmul(%a: memref<16x16xbf16>, %b: memref<16x16xbf16>, %c: memref<16x16xbf16>) {
  linalg.matmul ins(%a, %b : memref<16x16xbf16>, memref<16x16xbf16>) outs(%c : memref<16x16xbf16>)
  return
}

// -----
func.func @wide_integers(%a: memref<8xi128>, %b: memref<8xi128>) {
  memref.copy %a, %b : memref<8xi128> to memref<8xi128>
  return
}

// -----
func.func @f64_and_i64(%a: memref<8xf64>, %b: memref<8xi64>) {
  %t = memref.alloc() : memref<8xf64>
  memref.copy %a, %t : memref<8xf64> to memref<8xf64>
  memref.dealloc %t : memref<8xf64>
  return
}

// -----
func.func @i1_remote(%a: memref<64xi1, #cache.remote>, %o: memref<64xi1>) {
  %d, %t = cache.prefetch %a : memref<64xi1, #cache.remote> -> memref<64xi1>
  cache.wait %t
  memref.copy %d, %o : memref<64xi1> to memref<64xi1>
  %e = cache.evict %d : memref<64xi1>
  cache.wait %e
  return
}
