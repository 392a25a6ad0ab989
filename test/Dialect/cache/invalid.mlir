// RUN: hyper-opt %s --split-input-file --verify-diagnostics

// Tests that a prefetch source must live in the remote pool.
func.func @prefetch_source_not_remote(%w: memref<4xf32>) {
  // expected-error @+1 {{'cache.prefetch' op expected source in the #cache.remote memory space, got 'memref<4xf32>'}}
  %d, %t = cache.prefetch %w : memref<4xf32> -> memref<4xf32>
  return
}

// -----

// Tests that a prefetch result must live in device memory.
func.func @prefetch_result_not_device(%w: memref<4xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.prefetch' op expected result in device memory (the default memory space), got 'memref<4xf32, #cache.remote>'}}
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32, #cache.remote>
  return
}

// -----

// Tests that a prefetch result in another memory space is rejected too.
func.func @prefetch_result_other_space(%w: memref<4xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.prefetch' op expected result in device memory (the default memory space), got 'memref<4xf32, 3>'}}
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32, 3>
  return
}

// -----

// Tests that a prefetch result is a fresh buffer with the identity layout.
func.func @prefetch_result_layout(%w: memref<4x4xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.prefetch' op expected result with the identity layout (it is a fresh allocation), got 'memref<4x4xf32, strided<[8, 1]>>'}}
  %d, %t = cache.prefetch %w : memref<4x4xf32, #cache.remote> -> memref<4x4xf32, strided<[8, 1]>>
  return
}

// -----

// Tests that prefetch keeps the element type.
func.func @prefetch_element_type(%w: memref<4xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.prefetch' op expected result element type 'f32' (the source's), got 'f16'}}
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf16>
  return
}

// -----

// Tests that prefetch keeps the shape, dynamic dimensions included.
func.func @prefetch_shape(%w: memref<4x?xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.prefetch' op expected result shape 4x? (the source's), got 4x8}}
  %d, %t = cache.prefetch %w : memref<4x?xf32, #cache.remote> -> memref<4x8xf32>
  return
}

// -----

// Tests that dependencies must be tokens.
// expected-note @+1 {{prior use here}}
func.func @prefetch_dependency_type(%w: memref<4xf32, #cache.remote>, %i: i32) {
  // expected-error @+1 {{use of value '%i' expects different type than prior uses: '!cache.token' vs 'i32'}}
  %d, %t = cache.prefetch %w [%i] : memref<4xf32, #cache.remote> -> memref<4xf32>
  return
}

// -----

// Tests that an evicted buffer must be in device memory.
func.func @evict_remote_buffer(%w: memref<4xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.evict' op expected buffer in device memory (the default memory space), got 'memref<4xf32, #cache.remote>'}}
  %t = cache.evict %w : memref<4xf32, #cache.remote>
  return
}

// -----

// Tests that a write-back destination must be in the remote pool.
func.func @evict_destination_not_remote(%b: memref<4xf32>, %o: memref<4xf32>) {
  // expected-error @+1 {{'cache.evict' op expected destination in the #cache.remote memory space, got 'memref<4xf32>'}}
  %t = cache.evict %b to %o : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Tests that a write-back keeps the element type.
func.func @evict_element_type(%b: memref<4xf32>, %o: memref<4xi32, #cache.remote>) {
  // expected-error @+1 {{'cache.evict' op expected destination element type 'f32' (the buffer's), got 'i32'}}
  %t = cache.evict %b to %o : memref<4xf32> to memref<4xi32, #cache.remote>
  return
}

// -----

// Tests that a write-back keeps the shape.
func.func @evict_shape(%b: memref<4xf32>, %o: memref<8xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.evict' op expected destination shape 4 (the buffer's), got 8}}
  %t = cache.evict %b to %o : memref<4xf32> to memref<8xf32, #cache.remote>
  return
}

// -----

// Tests that a rank-0 buffer cannot be written back into a ranked one.
func.func @evict_rank(%b: memref<f32>, %o: memref<1xf32, #cache.remote>) {
  // expected-error @+1 {{'cache.evict' op expected destination shape scalar (the buffer's), got 1}}
  %t = cache.evict %b to %o : memref<f32> to memref<1xf32, #cache.remote>
  return
}

// -----

// Tests that wait takes tokens only.
func.func @wait_operand_type(%i: index) {
  // expected-error @+1 {{'cache.wait' op operand #0 must be variadic of Completion token of an asynchronous transfer., but got 'index'}}
  "cache.wait"(%i) : (index) -> ()
  return
}

// -----

// Tests that the remote memory space attribute takes no parameters.
// expected-error @+1 {{'#cache.remote' takes no parameters}}
func.func @remote_params(%w: memref<4xf32, #cache.remote<1>>) {
  return
}

// -----

// Tests that the token type takes no parameters.
// expected-error @+1 {{'!cache.token' takes no parameters}}
func.func @token_params(%t: !cache.token<f32>) {
  return
}

// -----

// Tests that an unknown type of the dialect is reported.
// expected-error @+1 {{unknown  type `tokens` in dialect `cache`}}
func.func @unknown_type(%t: !cache.tokens) {
  return
}
