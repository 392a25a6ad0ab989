// RUN: hyper-opt %s --split-input-file --cache-stream-call-arguments | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-stream-call-arguments --cache-verify-schedule -o /dev/null

// Nested jit's form: one @layer called per layer with its weights. Each
// call gets a clone that fetches its weights itself: prefetched at its
// start in the order of first use (%b is read before %a), each waited for
// before its first use, evicted after its last. @layer, no longer called,
// is erased; %x, which the callee writes, stays as it is.

// CHECK-LABEL: func.func private @layer__f_0(
// CHECK-SAME: %[[X:[^:]+]]: memref<256xf32>, %[[A:[^:]+]]: memref<256xf32, #cache.remote>, %[[B:[^:]+]]: memref<256xf32, #cache.remote>)
// CHECK-NEXT: %[[DB:[^,]+]], %[[TB:[^ ]+]] = cache.prefetch %[[B]]
// CHECK-NEXT: %[[DA:[^,]+]], %[[TA:[^ ]+]] = cache.prefetch %[[A]]
// CHECK-NEXT: cache.wait %[[TB]]
// CHECK-NEXT: linalg.add ins(%[[X]], %[[DB]] :
// CHECK-NEXT: cache.evict %[[DB]]
// CHECK-NEXT: cache.wait %[[TA]]
// CHECK-NEXT: linalg.add ins(%[[X]], %[[DA]] :
// CHECK-NEXT: cache.evict %[[DA]]
// CHECK-NEXT: return
// CHECK-LABEL: func.func private @layer__f_1(
// CHECK-NOT: func.func private @layer(
// CHECK-LABEL: func.func @f(
// CHECK-SAME: %{{[^:]+}}: memref<256xf32>, %[[A0:[^:]+]]: memref<256xf32, #cache.remote>, %[[B0:[^:]+]]: memref<256xf32, #cache.remote>, %[[A1:[^:]+]]: memref<256xf32, #cache.remote>, %[[B1:[^:]+]]: memref<256xf32, #cache.remote>)
// CHECK-NEXT: call @layer__f_0(%{{[^,]+}}, %[[A0]], %[[B0]])
// CHECK-NEXT: call @layer__f_1(%{{[^,]+}}, %[[A1]], %[[B1]])
func.func private @layer(%x: memref<256xf32>, %a: memref<256xf32>, %b: memref<256xf32>) {
  linalg.add ins(%x, %b : memref<256xf32>, memref<256xf32>) outs(%x : memref<256xf32>)
  linalg.add ins(%x, %a : memref<256xf32>, memref<256xf32>) outs(%x : memref<256xf32>)
  return
}
func.func @f(%x: memref<256xf32>, %a0: memref<256xf32>, %b0: memref<256xf32>, %a1: memref<256xf32>, %b1: memref<256xf32>) {
  call @layer(%x, %a0, %b0) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  call @layer(%x, %a1, %b1) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  return
}

// -----

// Stacked weights passed as views (JAX's nested jit after
// cache-elide-argument-copies): the stacked parameter and its views move
// to the pool, each clone fetches its slice.

// CHECK-LABEL: func.func private @layer__g_0(
// CHECK-SAME: %{{[^:]+}}: memref<256xf32, strided<[1], offset: ?>, #cache.remote>
// CHECK-NEXT: %[[D:[^,]+]], %[[T:[^ ]+]] = cache.prefetch %{{[^ ]+}} : memref<256xf32, strided<[1], offset: ?>, #cache.remote> -> memref<256xf32>
// CHECK-NEXT: cache.wait %[[T]]
// CHECK-NEXT: memref.cast %[[D]] : memref<256xf32> to memref<256xf32, strided<[1], offset: ?>>
// CHECK-LABEL: func.func @g(
// CHECK-SAME: %[[W:[^:]+]]: memref<2x256xf32, #cache.remote>
// CHECK: memref.subview %[[W]][0, 0] [1, 256] [1, 1] : memref<2x256xf32, #cache.remote> to memref<256xf32, strided<[1]>, #cache.remote>
// CHECK: memref.cast %{{.+}} : memref<256xf32, strided<[1]>, #cache.remote> to memref<256xf32, strided<[1], offset: ?>, #cache.remote>
func.func private @layer(%x: memref<256xf32>, %w: memref<256xf32, strided<[1], offset: ?>>) {
  linalg.add ins(%x, %w : memref<256xf32>, memref<256xf32, strided<[1], offset: ?>>) outs(%x : memref<256xf32>)
  return
}
func.func @g(%x: memref<256xf32>, %w: memref<2x256xf32>) {
  %s0 = memref.subview %w[0, 0] [1, 256] [1, 1] : memref<2x256xf32> to memref<256xf32, strided<[1]>>
  %c0 = memref.cast %s0 : memref<256xf32, strided<[1]>> to memref<256xf32, strided<[1], offset: ?>>
  call @layer(%x, %c0) : (memref<256xf32>, memref<256xf32, strided<[1], offset: ?>>) -> ()
  %s1 = memref.subview %w[1, 0] [1, 256] [1, 1] : memref<2x256xf32> to memref<256xf32, strided<[1], offset: 256>>
  %c1 = memref.cast %s1 : memref<256xf32, strided<[1], offset: 256>> to memref<256xf32, strided<[1], offset: ?>>
  call @layer(%x, %c1) : (memref<256xf32>, memref<256xf32, strided<[1], offset: ?>>) -> ()
  return
}

// -----

// Left alone: a weight the caller also reads itself, and one passed to a
// callee that writes it.

// CHECK-LABEL: func.func @h(
// CHECK-NOT: cache.remote
// CHECK: return
func.func private @writes(%w: memref<256xf32>) {
  %z = arith.constant 0.0 : f32
  linalg.fill ins(%z : f32) outs(%w : memref<256xf32>)
  return
}
func.func private @reads(%x: memref<256xf32>, %w: memref<256xf32>) {
  linalg.add ins(%x, %w : memref<256xf32>, memref<256xf32>) outs(%x : memref<256xf32>)
  return
}
func.func @h(%x: memref<256xf32>, %v: memref<256xf32>, %w: memref<256xf32>) {
  call @writes(%w) : (memref<256xf32>) -> ()
  call @reads(%x, %v) : (memref<256xf32>, memref<256xf32>) -> ()
  linalg.add ins(%x, %v : memref<256xf32>, memref<256xf32>) outs(%x : memref<256xf32>)
  return
}
