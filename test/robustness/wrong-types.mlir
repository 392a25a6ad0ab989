// Type errors caught by the verifiers: located errors, never crashes.
func.func @copy_shape_mismatch(%a: memref<4xf32>, %b: memref<8xf32>) {
  memref.copy %a, %b : memref<4xf32> to memref<8xf32>
  return
}

// -----
func.func @matmul_bad_shapes(%a: memref<4x8xf32>, %b: memref<4x8xf32>, %c: memref<4x8xf32>) {
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<4x8xf32>) outs(%c : memref<4x8xf32>)
  return
}

// -----
func.func @prefetch_to_remote(%a: memref<4xf32, #cache.remote>) {
  %d, %t = cache.prefetch %a : memref<4xf32, #cache.remote> -> memref<4xf32, #cache.remote>
  return
}

// -----
func.func @prefetch_from_device(%a: memref<4xf32>) {
  %d, %t = cache.prefetch %a : memref<4xf32> -> memref<4xf32>
  return
}

// -----
func.func @prefetch_element_mismatch(%a: memref<4xf32, #cache.remote>) {
  %d, %t = cache.prefetch %a : memref<4xf32, #cache.remote> -> memref<4xf16>
  return
}

// -----
func.func @evict_to_device(%a: memref<4xf32>, %b: memref<4xf32>) {
  %t = cache.evict %a to %b : memref<4xf32> to memref<4xf32>
  return
}

// -----
func.func @wait_on_memref(%a: memref<4xf32>) {
  cache.wait %a : memref<4xf32>
  return
}

// -----
func.func @return_type_mismatch(%a: memref<4xf32>) -> memref<8xf32> {
  return %a : memref<4xf32>
}

// -----
func.func @call_type_mismatch(%a: memref<4xf32>) {
  func.call @callee(%a) : (memref<4xf32>) -> ()
  return
}
func.func private @callee(memref<8xf32>)

// -----
func.func @fill_type_mismatch(%a: memref<4xf32>) {
  %c = arith.constant 0 : i32
  linalg.fill ins(%c : i32) outs(%a : memref<4xf32>)
  return
}

// -----
func.func @store_wrong_index_count(%a: memref<4x4xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  memref.store %v, %a[%c0] : memref<4x4xf32>
  return
}

// -----
func.func @dealloc_of_non_memref(%v: f32) {
  memref.dealloc %v : f32
  return
}
