// Non-identity layouts, strided subviews, views and casts.
func.func @strided_arg(%a: memref<4x8xf32, strided<[16, 1], offset: 4>>, %b: memref<4x8xf32>) {
  linalg.copy ins(%a : memref<4x8xf32, strided<[16, 1], offset: 4>>) outs(%b : memref<4x8xf32>)
  return
}

// -----
func.func @subview(%a: memref<64x64xf32>, %b: memref<16x16xf32>) {
  %s = memref.subview %a[8, 8] [16, 16] [1, 1] : memref<64x64xf32> to memref<16x16xf32, strided<[64, 1], offset: 520>>
  linalg.copy ins(%s : memref<16x16xf32, strided<[64, 1], offset: 520>>) outs(%b : memref<16x16xf32>)
  return
}

// -----
func.func @subview_of_alloc(%b: memref<16x16xf32>) {
  %a = memref.alloc() : memref<64x64xf32>
  %s = memref.subview %a[0, 0] [16, 16] [2, 2] : memref<64x64xf32> to memref<16x16xf32, strided<[128, 2]>>
  linalg.copy ins(%s : memref<16x16xf32, strided<[128, 2]>>) outs(%b : memref<16x16xf32>)
  memref.dealloc %a : memref<64x64xf32>
  return
}

// -----
func.func @dynamic_subview(%a: memref<?x?xf32>, %i: index, %n: index, %b: memref<?x?xf32>) {
  %s = memref.subview %a[%i, %i] [%n, %n] [1, 1] : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  linalg.copy ins(%s : memref<?x?xf32, strided<[?, 1], offset: ?>>) outs(%b : memref<?x?xf32>)
  return
}

// -----
#transpose = affine_map<(d0, d1) -> (d1, d0)>
func.func @affine_map_layout(%a: memref<8x8xf32, #transpose>, %b: memref<8x8xf32>) {
  linalg.copy ins(%a : memref<8x8xf32, #transpose>) outs(%b : memref<8x8xf32>)
  return
}

// -----
func.func @view_of_bytes(%n: index, %b: memref<4x4xf32>) {
  %bytes = memref.alloc() : memref<64xi8>
  %c0 = arith.constant 0 : index
  %v = memref.view %bytes[%c0][] : memref<64xi8> to memref<4x4xf32>
  linalg.copy ins(%b : memref<4x4xf32>) outs(%v : memref<4x4xf32>)
  linalg.copy ins(%v : memref<4x4xf32>) outs(%b : memref<4x4xf32>)
  memref.dealloc %bytes : memref<64xi8>
  return
}

// -----
func.func @collapse_and_expand(%a: memref<4x8xf32>, %b: memref<32xf32>) {
  %t = memref.alloc() : memref<4x8xf32>
  linalg.copy ins(%a : memref<4x8xf32>) outs(%t : memref<4x8xf32>)
  %c = memref.collapse_shape %t [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  linalg.copy ins(%c : memref<32xf32>) outs(%b : memref<32xf32>)
  memref.dealloc %t : memref<4x8xf32>
  return
}

// -----
func.func @cast_to_dynamic(%a: memref<4xf32>, %b: memref<?xf32>) {
  %t = memref.alloc() : memref<4xf32>
  %c = memref.cast %t : memref<4xf32> to memref<?xf32>
  linalg.copy ins(%c : memref<?xf32>) outs(%b : memref<?xf32>)
  memref.dealloc %t : memref<4xf32>
  return
}

// -----
func.func @reinterpret(%a: memref<64xf32>, %b: memref<8x8xf32>) {
  %r = memref.reinterpret_cast %a to offset: [0], sizes: [8, 8], strides: [8, 1] : memref<64xf32> to memref<8x8xf32>
  linalg.copy ins(%r : memref<8x8xf32>) outs(%b : memref<8x8xf32>)
  return
}

// -----
func.func @transpose_view(%a: memref<4x8xf32>, %b: memref<8x4xf32>) {
  %t = memref.transpose %a (i, j) -> (j, i) : memref<4x8xf32> to memref<8x4xf32, strided<[1, 8]>>
  linalg.copy ins(%t : memref<8x4xf32, strided<[1, 8]>>) outs(%b : memref<8x4xf32>)
  return
}

// -----
func.func @remote_strided(%a: memref<4x8xf32, strided<[16, 1]>, #cache.remote>) {
  return
}

// -----
func.func @other_memory_space(%a: memref<16xf32, 3>, %b: memref<16xf32>) {
  %t = memref.alloc() : memref<16xf32, 3>
  memref.copy %a, %t : memref<16xf32, 3> to memref<16xf32, 3>
  linalg.copy ins(%t : memref<16xf32, 3>) outs(%b : memref<16xf32>)
  memref.dealloc %t : memref<16xf32, 3>
  return
}
