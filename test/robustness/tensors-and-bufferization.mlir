// Tensors instead of memrefs, and bufferization ops in between.
func.func @tensor_matmul(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x8xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%f : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}

// -----
func.func @to_tensor_and_back(%a: memref<8xf32>) -> memref<8xf32> {
  %t = bufferization.to_tensor %a restrict : memref<8xf32> to tensor<8xf32>
  %m = bufferization.to_buffer %t : tensor<8xf32> to memref<8xf32>
  return %m : memref<8xf32>
}

// -----
func.func @alloc_tensor() -> tensor<16xf32> {
  %t = bufferization.alloc_tensor() : tensor<16xf32>
  return %t : tensor<16xf32>
}

// -----
func.func @materialize(%t: tensor<4xf32>, %m: memref<4xf32>) {
  bufferization.materialize_in_destination %t in writable %m : (tensor<4xf32>, memref<4xf32>) -> ()
  return
}

// -----
func.func @mixed(%a: memref<8xf32>, %t: tensor<8xf32>) -> tensor<8xf32> {
  %b = memref.alloc() : memref<8xf32>
  memref.copy %a, %b : memref<8xf32> to memref<8xf32>
  memref.dealloc %b : memref<8xf32>
  %r = arith.addf %t, %t : tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----
func.func @tensor_dynamic(%a: tensor<?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?xf32>
  return %n : index
}

// -----
func.func @dealloc_op(%a: memref<4xf32>, %c: i1) {
  %b = memref.alloc() : memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  bufferization.dealloc (%b : memref<4xf32>) if (%c)
  return
}

// -----
func.func @clone(%a: memref<4xf32>) -> memref<4xf32> {
  %b = bufferization.clone %a : memref<4xf32> to memref<4xf32>
  return %b : memref<4xf32>
}

// -----
// One tensor returned twice: its allocation is hoisted into two
// out-parameters (upstream crashed on it before cache-copy-repeated-results).
func.func @returned_twice(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %r, %r : tensor<4xf32>, tensor<4xf32>
}

// -----
// Two constants that fold into one, read by two unranked casts into a call
// with a result (linalg-fuse-elementwise-ops merged them; one-shot
// bufferization then rejected the casts), and upstream
// optimize-allocation-liveness moving a dealloc after the return.
func.func private @ext_two(tensor<*xf32>, tensor<*xf32>) -> i64
func.func @folded_constants() -> i64 {
  %c = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %d = arith.constant dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>
  %a = tensor.collapse_shape %c [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
  %b = tensor.collapse_shape %d [[0, 1]] : tensor<4x1xf32> into tensor<4xf32>
  %u = tensor.cast %a : tensor<4xf32> to tensor<*xf32>
  %v = tensor.cast %b : tensor<4xf32> to tensor<*xf32>
  %r = call @ext_two(%u, %v) : (tensor<*xf32>, tensor<*xf32>) -> i64
  return %r : i64
}
