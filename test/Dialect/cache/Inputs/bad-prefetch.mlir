func.func @bad(%w: memref<8xf32>) {
  %d, %t = cache.prefetch %w : memref<8xf32> -> memref<8xf32>
  return
}
