// Stacked weights at constant slices (cache-stream-static-slices), loop
// counters carried as 0-d tensors (cache-uplift-loop-counters) and results
// copied into out-parameters (cache-hoist-result-copies), in the forms
// those passes must leave alone or handle.

// Two slices read, one written through a view: left whole.
func.func @written_through_a_view(%w: memref<2x4x4xf32>, %x: memref<4x4xf32>, %c: f32) {
  %s0 = memref.subview %w[0, 0, 0] [1, 4, 4] [1, 1, 1] : memref<2x4x4xf32> to memref<1x4x4xf32, strided<[16, 4, 1]>>
  %s1 = memref.subview %w[1, 0, 0] [1, 4, 4] [1, 1, 1] : memref<2x4x4xf32> to memref<1x4x4xf32, strided<[16, 4, 1], offset: 16>>
  %c1 = memref.collapse_shape %s1 [[0, 1], [2]] : memref<1x4x4xf32, strided<[16, 4, 1], offset: 16>> into memref<4x4xf32, strided<[4, 1], offset: 16>>
  linalg.copy ins(%s0 : memref<1x4x4xf32, strided<[16, 4, 1]>>) outs(%s0 : memref<1x4x4xf32, strided<[16, 4, 1]>>)
  linalg.fill ins(%c : f32) outs(%c1 : memref<4x4xf32, strided<[4, 1], offset: 16>>)
  return
}

// -----

// Slices taken inside a branch, and one at a dynamic index: left whole.
func.func @in_a_branch(%w: memref<3x8xf32>, %o: memref<1x8xf32>, %p: i1, %i: index) {
  scf.if %p {
    %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1]>>
    linalg.copy ins(%s0 : memref<1x8xf32, strided<[8, 1]>>) outs(%o : memref<1x8xf32>)
  }
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 8>>
  linalg.copy ins(%s1 : memref<1x8xf32, strided<[8, 1], offset: 8>>) outs(%o : memref<1x8xf32>)
  %s2 = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1], offset: ?>>
  linalg.copy ins(%s2 : memref<1x8xf32, strided<[8, 1], offset: ?>>) outs(%o : memref<1x8xf32>)
  return
}

// -----

// Three static slices, each read twice by linalg ops and once through a
// cast: streamed.
func.func @three_slices(%w: memref<3x8xf32>, %o: memref<1x8xf32>) {
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1]>>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 8>>
  %s2 = memref.subview %w[2, 0] [1, 8] [1, 1] : memref<3x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 16>>
  %c2 = memref.cast %s2 : memref<1x8xf32, strided<[8, 1], offset: 16>> to memref<1x8xf32, strided<[8, 1], offset: ?>>
  linalg.add ins(%s0, %s0 : memref<1x8xf32, strided<[8, 1]>>, memref<1x8xf32, strided<[8, 1]>>) outs(%o : memref<1x8xf32>)
  linalg.add ins(%o, %s1 : memref<1x8xf32>, memref<1x8xf32, strided<[8, 1], offset: 8>>) outs(%o : memref<1x8xf32>)
  linalg.add ins(%o, %c2 : memref<1x8xf32>, memref<1x8xf32, strided<[8, 1], offset: ?>>) outs(%o : memref<1x8xf32>)
  return
}

// -----

// Counters that are not the induction variable: a decrementing one, one of
// another type than the loop's, one whose start is not a constant.
func.func @odd_counters(%n0: tensor<i64>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %m1 = arith.constant -1 : i32
  %one = arith.constant 1 : i64
  %start = arith.constant dense<3> : tensor<i32>
  %r:3 = scf.for %i = %c0 to %c4 step %c1 iter_args(%d = %start, %k = %n0, %h = %x) -> (tensor<i32>, tensor<i64>, tensor<4xf32>) {
    %e = tensor.empty() : tensor<i32>
    %dn = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%d : tensor<i32>) outs(%e : tensor<i32>) {
    ^bb0(%in: i32, %out: i32):
      %a = arith.addi %in, %m1 : i32
      linalg.yield %a : i32
    } -> tensor<i32>
    %kv = tensor.extract %k[] : tensor<i64>
    %kn = arith.addi %kv, %one : i64
    %kt = tensor.from_elements %kn : tensor<i64>
    %dv = tensor.extract %d[] : tensor<i32>
    %di = arith.index_cast %dv : i32 to index
    %v = tensor.extract %h[%di] : tensor<4xf32>
    %h2 = tensor.insert %v into %h[%c0] : tensor<4xf32>
    scf.yield %dn, %kt, %h2 : tensor<i32>, tensor<i64>, tensor<4xf32>
  }
  return %r#2 : tensor<4xf32>
}

// -----

// A 0-d generic whose payload reads its output, and one with two results,
// in a loop: scalarized.
func.func @zero_d_generics(%a: tensor<f32>, %b: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %c2 step %c1 iter_args(%x = %a, %y = %b) -> (tensor<f32>, tensor<f32>) {
    %acc = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%x : tensor<f32>) outs(%y : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %s = arith.addf %in, %out : f32
      linalg.yield %s : f32
    } -> tensor<f32>
    %e0 = tensor.empty() : tensor<f32>
    %e1 = tensor.empty() : tensor<f32>
    %p:2 = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%acc : tensor<f32>) outs(%e0, %e1 : tensor<f32>, tensor<f32>) {
    ^bb0(%in: f32, %o0: f32, %o1: f32):
      %n = arith.negf %in : f32
      linalg.yield %in, %n : f32, f32
    } -> (tensor<f32>, tensor<f32>)
    scf.yield %p#0, %p#1 : tensor<f32>, tensor<f32>
  }
  return %r#0, %r#1 : tensor<f32>, tensor<f32>
}

// -----

// A result copied out at the return from a view of a buffer a loop writes:
// the copy stays after the loop.
func.func @written_in_a_loop(%x: memref<4x8xf32>, %out: memref<1x8xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %b = memref.alloc() : memref<4x8xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    memref.copy %x, %b : memref<4x8xf32> to memref<4x8xf32>
  }
  %v = memref.subview %b[3, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 24>>
  memref.copy %v, %out : memref<1x8xf32, strided<[8, 1], offset: 24>> to memref<1x8xf32>
  memref.dealloc %b : memref<4x8xf32>
  return
}
