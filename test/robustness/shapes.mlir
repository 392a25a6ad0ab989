// Dynamic, zero-sized, scalar and huge memrefs.
func.func @dynamic_matmul(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>) {
  linalg.matmul ins(%a, %b : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----
func.func @dynamic_alloc_from_dim(%a: memref<?x64xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?x64xf32>
  %b = memref.alloc(%n) : memref<?x64xf32>
  linalg.copy ins(%a : memref<?x64xf32>) outs(%b : memref<?x64xf32>)
  linalg.copy ins(%b : memref<?x64xf32>) outs(%a : memref<?x64xf32>)
  memref.dealloc %b : memref<?x64xf32>
  return
}

// -----
func.func @zero_sized(%a: memref<0xf32>, %b: memref<0x16xf32>) {
  %t = memref.alloc() : memref<0x16xf32>
  linalg.copy ins(%b : memref<0x16xf32>) outs(%t : memref<0x16xf32>)
  memref.dealloc %t : memref<0x16xf32>
  return
}

// -----
func.func @rank_zero(%a: memref<f32>, %b: memref<f32>) {
  %t = memref.alloc() : memref<f32>
  memref.copy %a, %t : memref<f32> to memref<f32>
  memref.copy %t, %b : memref<f32> to memref<f32>
  memref.dealloc %t : memref<f32>
  return
}

// -----
func.func @huge(%a: memref<1048576x1048576xf32>, %b: memref<1048576x1048576xf32>) {
  %t = memref.alloc() : memref<1048576x1048576xf32>
  linalg.copy ins(%a : memref<1048576x1048576xf32>) outs(%t : memref<1048576x1048576xf32>)
  linalg.copy ins(%t : memref<1048576x1048576xf32>) outs(%b : memref<1048576x1048576xf32>)
  memref.dealloc %t : memref<1048576x1048576xf32>
  return
}

// -----
func.func @size_overflows_int64(%a: memref<4294967296x4294967296x16xf64>) {
  %t = memref.alloc() : memref<4294967296x4294967296x16xf64>
  memref.copy %a, %t : memref<4294967296x4294967296x16xf64> to memref<4294967296x4294967296x16xf64>
  memref.dealloc %t : memref<4294967296x4294967296x16xf64>
  return
}

// -----
func.func @high_rank(%a: memref<2x2x2x2x2x2x2x2xf32>) {
  %t = memref.alloc() : memref<2x2x2x2x2x2x2x2xf32>
  memref.copy %a, %t : memref<2x2x2x2x2x2x2x2xf32> to memref<2x2x2x2x2x2x2x2xf32>
  memref.dealloc %t : memref<2x2x2x2x2x2x2x2xf32>
  return
}

// -----
func.func @unranked(%a: memref<*xf32>, %b: memref<*xf32>) {
  memref.copy %a, %b : memref<*xf32> to memref<*xf32>
  return
}

// -----
func.func @dynamic_in_remote(%a: memref<?xf32, #cache.remote>, %n: index) {
  %d, %t = cache.prefetch %a : memref<?xf32, #cache.remote> -> memref<?xf32>
  cache.wait %t
  %e = cache.evict %d : memref<?xf32>
  cache.wait %e
  return
}

// -----
func.func @vector_elements(%a: memref<4xvector<4xf32>>) {
  %t = memref.alloc() : memref<4xvector<4xf32>>
  memref.copy %a, %t : memref<4xvector<4xf32>> to memref<4xvector<4xf32>>
  memref.dealloc %t : memref<4xvector<4xf32>>
  return
}

// -----
func.func @complex_elements(%a: memref<8xcomplex<f32>>) {
  %t = memref.alloc() : memref<8xcomplex<f32>>
  memref.copy %a, %t : memref<8xcomplex<f32>> to memref<8xcomplex<f32>>
  memref.dealloc %t : memref<8xcomplex<f32>>
  return
}

// -----
func.func @index_elements(%a: memref<16xindex>) {
  %t = memref.alloc() : memref<16xindex>
  memref.copy %a, %t : memref<16xindex> to memref<16xindex>
  memref.dealloc %t : memref<16xindex>
  return
}
