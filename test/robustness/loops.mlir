// Loops reading stacked buffers slice by slice, in shapes
// cache-stream-loop-slices streams and shapes it must leave alone.

func.func @scan(%w: memref<4x16x16xf32>, %x: memref<2x16xf32>, %y: memref<2x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0, 0] [1, 16, 16] [1, 1, 1] : memref<4x16x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    linalg.matmul ins(%x, %s : memref<2x16xf32>, memref<16x16xf32, strided<[16, 1], offset: ?>>) outs(%y : memref<2x16xf32>)
  }
  return
}

// -----

// Nested: the inner loop reads the slices.
func.func @nested(%w: memref<3x8xf32>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  scf.for %j = %c0 to %c2 step %c1 {
    scf.for %i = %c0 to %c3 step %c1 {
      %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<8xf32, strided<[1], offset: ?>>
      linalg.add ins(%s, %o : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%o : memref<8xf32>)
    }
  }
  return
}

// -----

// A step of 2, a slice read inside an scf.if in the body.
func.func @stepped(%w: memref<6x8xf32>, %o: memref<8xf32>, %c: i1) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c6 = arith.constant 6 : index
  scf.for %i = %c0 to %c6 step %c2 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    scf.if %c {
      linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
    }
  }
  return
}

// -----

// A dynamic trip count: not streamed.
func.func @dynamic(%w: memref<4x8xf32>, %o: memref<8xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  return
}

// -----

// Two loops over one stacked buffer, and a loop carrying a buffer of its own.
func.func @two_loops(%w: memref<4x8xf32>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  %a = memref.alloc() : memref<8xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%b = %a) -> (memref<8xf32>) {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%s, %b : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>) outs(%b : memref<8xf32>)
    scf.yield %b : memref<8xf32>
  }
  linalg.copy ins(%r : memref<8xf32>) outs(%o : memref<8xf32>)
  memref.dealloc %a : memref<8xf32>
  return
}

// -----

// A slice loaded in a linalg.generic payload (captured from above), i64
// loop bounds, and a slice of a slice.
#id = affine_map<(d0) -> (d0)>
func.func @captured(%w: memref<4x8xf32>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %c4 = arith.constant 4 : i64
  %k = arith.constant 3 : index
  scf.for %i = %c0 to %c4 step %c1 : i64 {
    %j = arith.index_cast %i : i64 to index
    %s = memref.subview %w[%j, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    %t = memref.subview %s[2] [4] [1] : memref<8xf32, strided<[1], offset: ?>> to memref<4xf32, strided<[1], offset: ?>>
    linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%o : memref<8xf32>) {
    ^bb0(%out: f32):
      %v = memref.load %s[%k] : memref<8xf32, strided<[1], offset: ?>>
      linalg.yield %v : f32
    }
  }
  return
}

// -----

// lax.scan on tensors (bufferized by hyper-bufferize-pipeline first).
func.func @jax(%w: tensor<3x8x8xf32>, %x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %c0 = arith.constant 0 : i32
  %c3 = arith.constant 3 : i32
  %c1 = arith.constant 1 : i32
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%h = %x) -> (tensor<2x8xf32>) : i32 {
    %j = arith.index_cast %i : i32 to index
    %s = tensor.extract_slice %w[%j, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<3x8x8xf32> to tensor<8x8xf32>
    %e = tensor.empty() : tensor<2x8xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8xf32>) -> tensor<2x8xf32>
    %m = linalg.matmul ins(%h, %s : tensor<2x8xf32>, tensor<8x8xf32>) outs(%f : tensor<2x8xf32>) -> tensor<2x8xf32>
    scf.yield %m : tensor<2x8xf32>
  }
  return %r : tensor<2x8xf32>
}
