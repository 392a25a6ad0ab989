// The committed torch-mlir export (examples/torch/llama-tiny.linalg.mlir,
// two Llama-style layers in linalg-on-tensors) bufferized by upstream passes
// and offloaded at 75% of its peak: the weights arrive as constant
// memref.globals read by the matmuls directly (no transposed copies), the
// bufferize pipeline frees each activation after its last use, and four of
// the six MLP weights (8 KiB each, the largest) move to the pool, each read
// once at the start and prefetched before its use.
// RUN: hyper-opt %S/../../examples/torch/llama-tiny.linalg.mlir --hyper-bufferize-pipeline --hyper-offload-pipeline='budget=75% hw=gh200' --cache-verify-schedule='budget=75% hw=gh200' | FileCheck %s

// CHECK-COUNT-4: memref.global "private" constant @__constant_{{32x64|64x32}}xf32{{.*}} : memref<{{32x64|64x32}}xf32, #cache.remote> = dense_resource<torch_tensor_{{32_64|64_32}}_torch.float32{{.*}}>
// CHECK-NOT:     #cache.remote> = dense_resource
// CHECK-LABEL:   func.func @forward
// CHECK-SAME:      (%{{[a-z0-9_]+}}: memref<8x32xf32>, %{{[a-z0-9_]+}}: memref<8x32xf32>) {
// CHECK-COUNT-4:   memref.get_global @{{.*}} : memref<{{32x64|64x32}}xf32, #cache.remote>
// CHECK-NOT:       memref.get_global @{{.*}} #cache.remote>
// CHECK:           cache.prefetch %{{.+}} : memref<32x64xf32, #cache.remote> -> memref<32x64xf32>
// CHECK-COUNT-2:   cache.prefetch %{{.+}} : memref<64x32xf32, #cache.remote> -> memref<64x32xf32>
// CHECK:           cache.prefetch %{{.+}} : memref<32x64xf32, #cache.remote> -> memref<32x64xf32>
// CHECK-NOT:       cache.prefetch
// CHECK:           return
