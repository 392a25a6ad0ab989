// memref.global and get_global: constant weights, mutable state.
memref.global "private" constant @weights : memref<64x64xf32> = dense<1.0>
func.func @constant_weights(%x: memref<8x64xf32>, %o: memref<8x64xf32>) {
  %w = memref.get_global @weights : memref<64x64xf32>
  linalg.matmul ins(%x, %w : memref<8x64xf32>, memref<64x64xf32>) outs(%o : memref<8x64xf32>)
  return
}

// -----
memref.global "private" @state : memref<128xf32> = uninitialized
func.func @mutable_state(%x: memref<128xf32>) {
  %s = memref.get_global @state : memref<128xf32>
  linalg.add ins(%s, %x : memref<128xf32>, memref<128xf32>) outs(%s : memref<128xf32>)
  return
}

// -----
memref.global "private" constant @big : memref<1024x1024xf16> = dense<0.0>
memref.global "private" constant @small : memref<4xf16> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func @two_globals(%x: memref<4x1024xf16>, %o: memref<4x1024xf16>, %p: memref<4xf16>) {
  %b = memref.get_global @big : memref<1024x1024xf16>
  %s = memref.get_global @small : memref<4xf16>
  linalg.matmul ins(%x, %b : memref<4x1024xf16>, memref<1024x1024xf16>) outs(%o : memref<4x1024xf16>)
  memref.copy %s, %p : memref<4xf16> to memref<4xf16>
  return
}

// -----
memref.global "private" constant @w : memref<16xf32> = dense<2.0>
func.func @global_used_twice(%o: memref<16xf32>) {
  %a = memref.get_global @w : memref<16xf32>
  %b = memref.get_global @w : memref<16xf32>
  linalg.add ins(%a, %b : memref<16xf32>, memref<16xf32>) outs(%o : memref<16xf32>)
  return
}

// -----
func.func @missing_global(%o: memref<16xf32>) {
  %a = memref.get_global @nowhere : memref<16xf32>
  memref.copy %a, %o : memref<16xf32> to memref<16xf32>
  return
}

// -----
memref.global @public_external : memref<32xf32>
func.func @external_global(%o: memref<32xf32>) {
  %a = memref.get_global @public_external : memref<32xf32>
  memref.copy %a, %o : memref<32xf32> to memref<32xf32>
  return
}

// -----
memref.global "private" constant @aligned : memref<256xf32> = dense<0.5> {alignment = 64}
func.func @aligned_global(%o: memref<256xf32>) {
  %a = memref.get_global @aligned : memref<256xf32>
  linalg.copy ins(%a : memref<256xf32>) outs(%o : memref<256xf32>)
  return
}

// -----
memref.global "private" constant @remote_global : memref<8xf32, #cache.remote> = dense<1.0>
func.func @global_in_pool(%o: memref<8xf32>) {
  %a = memref.get_global @remote_global : memref<8xf32, #cache.remote>
  %d, %t = cache.prefetch %a : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  memref.copy %d, %o : memref<8xf32> to memref<8xf32>
  %e = cache.evict %d : memref<8xf32>
  cache.wait %e
  return
}

// -----
// A complex constant (the Python bindings cannot downcast its initializer):
// offloaded, stripped and lowered without touching the attribute in Python.
memref.global "private" constant @complex_table : memref<256xcomplex<f32>> = dense<(1.0, 2.0)>
func.func @complex_global(%a: memref<256xcomplex<f32>>, %o: memref<256xcomplex<f32>>) {
  %g = memref.get_global @complex_table : memref<256xcomplex<f32>>
  memref.copy %g, %o : memref<256xcomplex<f32>> to memref<256xcomplex<f32>>
  memref.copy %a, %o : memref<256xcomplex<f32>> to memref<256xcomplex<f32>>
  memref.copy %a, %o : memref<256xcomplex<f32>> to memref<256xcomplex<f32>>
  memref.copy %g, %o : memref<256xcomplex<f32>> to memref<256xcomplex<f32>>
  return
}

// -----
memref.global "private" constant @complex_remote : memref<2xcomplex<f64>, #cache.remote> = dense<[(1.0, 2.0), (3.0, 4.0)]>
func.func @complex_global_in_pool(%o: memref<2xcomplex<f64>>) {
  %a = memref.get_global @complex_remote : memref<2xcomplex<f64>, #cache.remote>
  %d, %t = cache.prefetch %a : memref<2xcomplex<f64>, #cache.remote> -> memref<2xcomplex<f64>>
  cache.wait %t
  memref.copy %d, %o : memref<2xcomplex<f64>> to memref<2xcomplex<f64>>
  %e = cache.evict %d : memref<2xcomplex<f64>>
  cache.wait %e
  return
}
