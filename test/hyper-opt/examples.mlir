// Tests that the shipped example is valid cache IR that hyper-opt and
// upstream mlir-opt (with the plugin) both accept, and that removing its
// transfers leaves the plain computation.
// RUN: hyper-opt %S/../../examples/decoder-mlp-scheduled.mlir | FileCheck %s
// RUN: %mlir-opt --load-dialect-plugin=%cache_plugin %S/../../examples/decoder-mlp-scheduled.mlir | FileCheck %s
// CHECK-LABEL: func.func @mlp
// CHECK-COUNT-2: cache.prefetch
// CHECK: linalg.matmul
// CHECK: cache.evict
// CHECK-NEXT: cache.prefetch
// CHECK-COUNT-2: linalg.matmul

// RUN: hyper-opt %S/../../examples/decoder-mlp-scheduled.mlir --cache-strip-transfers | FileCheck %s --check-prefix=STRIP
// STRIP-LABEL: func.func @mlp
// STRIP-SAME: memref<256x512xf16>, %{{.+}}: memref<256x512xf16>, %{{.+}}: memref<512x256xf16>
// STRIP-NOT: cache.
// STRIP-COUNT-3: linalg.matmul
// STRIP-NOT: cache.
