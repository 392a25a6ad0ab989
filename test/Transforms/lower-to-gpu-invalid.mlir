// RUN: hyper-opt %s --cache-lower-to-gpu --verify-diagnostics

func.func @escaping(%w: memref<4xf32, #cache.remote>) -> !cache.token {
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32>
  // expected-error @+1 {{cannot lower transfers to the gpu dialect: the token of 'cache.prefetch' is used by 'func.return', which is not a cache op}}
  return %t : !cache.token
}
