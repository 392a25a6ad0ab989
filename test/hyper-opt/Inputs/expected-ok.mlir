// expected-note @below {{prior use here}}
func.func @f(%w: memref<4xf32, #cache.remote>, %i: i32) {
  // expected-error @+1 {{expects different type than prior uses}}
  %d, %t = cache.prefetch %w [%i] : memref<4xf32, #cache.remote> -> memref<4xf32>
  return
}
