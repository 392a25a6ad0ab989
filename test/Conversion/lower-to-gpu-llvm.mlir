// The lowered schedule goes to LLVM with upstream passes: the mgpu runtime
// calls appear in order and no cache or gpu op is left.
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, convert-scf-to-cf, gpu-to-llvm, finalize-memref-to-llvm, convert-arith-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | FileCheck %s
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, convert-scf-to-cf, gpu-to-llvm, finalize-memref-to-llvm, convert-arith-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | FileCheck %s --check-prefix=NONE
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, convert-scf-to-cf, gpu-to-llvm, finalize-memref-to-llvm, convert-arith-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | %mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVMIR
// NONE-NOT: cache.
// NONE-NOT: gpu.
// CHECK-LABEL: llvm.func @layer
// Prefetch of %w on its own stream.
// CHECK:      llvm.call @mgpuStreamCreate
// CHECK:      llvm.call @mgpuMemAlloc
// CHECK:      llvm.call @mgpuMemcpy
// The wait before the use.
// CHECK:      llvm.call @mgpuStreamSynchronize
// CHECK:      llvm.call @mgpuStreamDestroy
// The second prefetch depends on the write-back: event record and wait.
// CHECK:      llvm.call @mgpuMemcpy
// CHECK:      llvm.call @mgpuMemFree
// CHECK:      llvm.call @mgpuEventCreate
// CHECK:      llvm.call @mgpuEventRecord
// CHECK:      llvm.call @mgpuStreamWaitEvent
// CHECK:      llvm.call @mgpuMemAlloc
// CHECK:      llvm.call @mgpuMemcpy
// CHECK:      llvm.call @mgpuStreamSynchronize
// The drop of the last copy, waited before return.
// CHECK:      llvm.call @mgpuMemFree
// CHECK:      llvm.call @mgpuStreamSynchronize
// CHECK:      llvm.return
// LLVMIR: call void @mgpuMemcpy
func.func @layer(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %pool = memref.alloc() : memref<64xf32, #cache.remote>
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d to %pool : memref<64xf32> to memref<64xf32, #cache.remote>
  %b, %tb = cache.prefetch %pool [%e] : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %tb
  linalg.copy ins(%b : memref<64xf32>) outs(%o : memref<64xf32>)
  %e2 = cache.evict %b : memref<64xf32>
  memref.dealloc %pool : memref<64xf32, #cache.remote>
  return
}
