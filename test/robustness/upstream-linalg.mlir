// In the style of upstream's linalg/memref dialect tests.
#map = affine_map<(d0, d1) -> (d0, d1)>
#bcast = affine_map<(d0, d1) -> (d1)>
func.func @generic_broadcast(%a: memref<16x32xf32>, %b: memref<32xf32>, %o: memref<16x32xf32>) {
  linalg.generic {indexing_maps = [#map, #bcast, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : memref<16x32xf32>, memref<32xf32>) outs(%o : memref<16x32xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  return
}

// -----
#map = affine_map<(d0, d1) -> (d0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
func.func @generic_reduction(%a: memref<16x32xf32>, %o: memref<16xf32>) {
  linalg.generic {indexing_maps = [#map, #red], iterator_types = ["parallel", "reduction"]}
      ins(%a : memref<16x32xf32>) outs(%o : memref<16xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  }
  return
}

// -----
func.func @batch_matmul(%a: memref<4x8x16xf32>, %b: memref<4x16x8xf32>, %c: memref<4x8x8xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<4x8x16xf32>, memref<4x16x8xf32>) outs(%c : memref<4x8x8xf32>)
  return
}

// -----
func.func @conv(%i: memref<1x16x16x4xf32>, %f: memref<3x3x4x8xf32>, %o: memref<1x14x14x8xf32>) {
  linalg.conv_2d_nhwc_hwcf ins(%i, %f : memref<1x16x16x4xf32>, memref<3x3x4x8xf32>) outs(%o : memref<1x14x14x8xf32>)
  return
}

// -----
func.func @transpose(%a: memref<16x32xf32>, %o: memref<32x16xf32>) {
  linalg.transpose ins(%a : memref<16x32xf32>) outs(%o : memref<32x16xf32>) permutation = [1, 0]
  return
}

// -----
func.func @broadcast(%a: memref<32xf32>, %o: memref<16x32xf32>) {
  linalg.broadcast ins(%a : memref<32xf32>) outs(%o : memref<16x32xf32>) dimensions = [0]
  return
}

// -----
func.func @reduce(%a: memref<16x32xf32>, %o: memref<16xf32>) {
  linalg.reduce ins(%a : memref<16x32xf32>) outs(%o : memref<16xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  return
}

// -----
func.func @map(%a: memref<64xf32>, %b: memref<64xf32>, %o: memref<64xf32>) {
  linalg.map { arith.mulf } ins(%a, %b : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  return
}

// -----
func.func @elementwise_chain(%a: memref<128xf32>, %o: memref<128xf32>) {
  %t1 = memref.alloc() : memref<128xf32>
  %t2 = memref.alloc() : memref<128xf32>
  linalg.exp ins(%a : memref<128xf32>) outs(%t1 : memref<128xf32>)
  linalg.mul ins(%t1, %a : memref<128xf32>, memref<128xf32>) outs(%t2 : memref<128xf32>)
  memref.dealloc %t1 : memref<128xf32>
  linalg.sub ins(%t2, %a : memref<128xf32>, memref<128xf32>) outs(%o : memref<128xf32>)
  memref.dealloc %t2 : memref<128xf32>
  return
}

// -----
func.func @generic_with_index(%o: memref<8x8xindex>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      outs(%o : memref<8x8xindex>) {
  ^bb0(%z: index):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    linalg.yield %s : index
  }
  return
}

// -----
func.func @in_place_update(%a: memref<64xf32>) {
  linalg.add ins(%a, %a : memref<64xf32>, memref<64xf32>) outs(%a : memref<64xf32>)
  return
}

// -----
func.func @matvec(%a: memref<64x32xf32>, %x: memref<32xf32>, %y: memref<64xf32>) {
  linalg.matvec ins(%a, %x : memref<64x32xf32>, memref<32xf32>) outs(%y : memref<64xf32>)
  return
}

// -----
func.func @affine_loops(%a: memref<32xf32>, %o: memref<32xf32>) {
  affine.for %i = 0 to 32 {
    %v = affine.load %a[%i] : memref<32xf32>
    affine.store %v, %o[%i] : memref<32xf32>
  }
  return
}

// -----
func.func @vector_transfer(%a: memref<32xf32>, %o: memref<32xf32>) {
  %c0 = arith.constant 0 : index
  %p = arith.constant 0.0 : f32
  %v = vector.transfer_read %a[%c0], %p : memref<32xf32>, vector<32xf32>
  vector.transfer_write %v, %o[%c0] : vector<32xf32>, memref<32xf32>
  return
}
