// Tests that upstream mlir-opt, with the dialect plugin built from the same
// sources, reads and writes cache IR exactly as hyper-opt does.
// RUN: hyper-opt %s > %t.hyper.mlir
// RUN: %mlir-opt --load-dialect-plugin=%cache_plugin %s > %t.upstream.mlir
// RUN: diff %t.hyper.mlir %t.upstream.mlir
// Each tool reads the other's output back unchanged.
// RUN: %mlir-opt --load-dialect-plugin=%cache_plugin %t.hyper.mlir | diff - %t.hyper.mlir
// RUN: hyper-opt %t.upstream.mlir | diff - %t.upstream.mlir
// The generic form round-trips through both as well.
// RUN: hyper-opt %s --mlir-print-op-generic | %mlir-opt --load-dialect-plugin=%cache_plugin | diff - %t.hyper.mlir
// The plugin's verifiers are the same ones.
// RUN: not %mlir-opt --load-dialect-plugin=%cache_plugin %S/Inputs/bad-prefetch.mlir 2>&1 | FileCheck %s --check-prefix=VERIFY
// VERIFY: error: 'cache.prefetch' op expected source in the #cache.remote memory space, got 'memref<8xf32>'
// RUN: %mlir-opt --load-dialect-plugin=%cache_plugin %s | FileCheck %s
// CHECK: cache.prefetch %{{.+}} [%{{.+}}] : memref<8xf32, #cache.remote> -> memref<8xf32>

func.func @layer(%w: memref<8xf32, #cache.remote>, %pool: memref<8xf32, #cache.remote>, %out: memref<8xf32>) {
  %d0, %t0 = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  %d1, %t1 = cache.prefetch %w [%t0] : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t0, %t1
  linalg.add ins(%d0, %d1 : memref<8xf32>, memref<8xf32>) outs(%out : memref<8xf32>)
  %e0 = cache.evict %d0 : memref<8xf32>
  %e1 = cache.evict %d1 to %pool [%e0] : memref<8xf32> to memref<8xf32, #cache.remote>
  cache.wait %e1
  return
}
