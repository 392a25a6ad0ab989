// RUN: hyper-opt %s --split-input-file --cache-strip-transfers --verify-diagnostics

// Tests that a token escaping into a non-cache op stops the pass, with the
// error at that op, rather than a guess.
func.func @token_returned(%w: memref<4xf32, #cache.remote>) -> !cache.token {
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32>
  // expected-error @+1 {{cannot strip transfers: the token of 'cache.prefetch' is used by 'func.return', which is not a cache op}}
  return %t : !cache.token
}

// -----

// A loop may carry a token across iterations (a prefetch two iterations
// ahead); one that leaves the loop into a non-cache op still escapes.
func.func @evict_token_carried_out(%b: memref<4xf32>, %n: index) -> !cache.token {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = cache.evict %b : memref<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%t = %e) -> (!cache.token) {
    scf.yield %t : !cache.token
  }
  // expected-error @+1 {{cannot strip transfers: the token of 'cache.evict' is used by 'func.return', which is not a cache op}}
  return %r : !cache.token
}
