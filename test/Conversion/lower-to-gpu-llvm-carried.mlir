// A token the loop carries across iterations (a slice prefetched two
// iterations ahead) goes to LLVM as an event: recorded on the copy's
// stream where it enters the loop and where the body yields it (the stream
// released), synchronised and destroyed where it is waited for, in the
// body (the block argument) and after the loop.
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, expand-strided-metadata, lower-affine, convert-scf-to-cf, gpu-to-llvm, convert-arith-to-llvm, convert-index-to-llvm, finalize-memref-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | FileCheck %s
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, expand-strided-metadata, lower-affine, convert-scf-to-cf, gpu-to-llvm, convert-arith-to-llvm, convert-index-to-llvm, finalize-memref-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | FileCheck %s --check-prefix=NONE
// RUN: hyper-opt %s --pass-pipeline='builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, expand-strided-metadata, lower-affine, convert-scf-to-cf, gpu-to-llvm, convert-arith-to-llvm, convert-index-to-llvm, finalize-memref-to-llvm, convert-func-to-llvm, convert-cf-to-llvm, reconcile-unrealized-casts)' | %mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVMIR
// NONE-NOT: cache.
// NONE-NOT: gpu.
// NONE-NOT: unrealized_conversion_cast
// CHECK-LABEL: llvm.func @two_ahead
// Slice 0, waited; slice 1, its stream made an event for the loop.
// CHECK:      %[[S0:.+]] = llvm.call @mgpuStreamCreate
// CHECK:      llvm.call @mgpuMemcpy
// CHECK:      %[[S1:.+]] = llvm.call @mgpuStreamCreate
// CHECK:      llvm.call @mgpuMemcpy
// CHECK:      llvm.call @mgpuStreamSynchronize(%[[S0]])
// CHECK-NEXT: llvm.call @mgpuStreamDestroy(%[[S0]])
// CHECK-NEXT: %[[E1:.+]] = llvm.call @mgpuEventCreate()
// CHECK-NEXT: llvm.call @mgpuEventRecord(%[[E1]], %[[S1]])
// CHECK-NEXT: llvm.call @mgpuStreamDestroy(%[[S1]])
// CHECK-NEXT: llvm.br ^[[HEAD:.+]](%{{.+}}, %{{.+}}, %{{.+}}, %[[E1]] : {{.+}}, !llvm.ptr)
// CHECK:      ^[[HEAD]](%{{.+}}: i64, %{{.+}}: !llvm.struct<{{.+}}>, %{{.+}}: !llvm.struct<{{.+}}>, %[[CARRIED:.+]]: !llvm.ptr):
// The body: slice i+2 on its stream, the layer, slice i freed, the
// carried event waited, the new copy's stream made the next one.
// CHECK:      %[[SN:.+]] = llvm.call @mgpuStreamCreate
// CHECK:      llvm.call @mgpuMemcpy
// CHECK:      llvm.call @mgpuMemFree
// CHECK:      llvm.call @mgpuEventSynchronize(%[[CARRIED]])
// CHECK-NEXT: llvm.call @mgpuEventDestroy(%[[CARRIED]])
// CHECK-NEXT: %[[EN:.+]] = llvm.call @mgpuEventCreate()
// CHECK-NEXT: llvm.call @mgpuEventRecord(%[[EN]], %[[SN]])
// CHECK-NEXT: llvm.call @mgpuStreamDestroy(%[[SN]])
// CHECK:      llvm.br ^[[HEAD]](%{{.+}}, %{{.+}}, %{{.+}}, %[[EN]] : {{.+}}, !llvm.ptr)
// After the loop: the last slice's event waited before its use.
// CHECK:      llvm.call @mgpuMemFree
// CHECK:      llvm.call @mgpuEventSynchronize(%[[CARRIED]])
// CHECK-NEXT: llvm.call @mgpuEventDestroy(%[[CARRIED]])
// LLVMIR-LABEL: define void @two_ahead
// LLVMIR: call void @mgpuEventRecord
// LLVMIR: call void @mgpuEventSynchronize
func.func @two_ahead(%w: memref<5x8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s0 = memref.subview %w[0, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1]>, #cache.remote>
  %d0, %t0 = cache.prefetch %s0 : memref<8xf32, strided<[1]>, #cache.remote> -> memref<8xf32>
  %s1 = memref.subview %w[1, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: 8>, #cache.remote>
  %d1, %t1 = cache.prefetch %s1 : memref<8xf32, strided<[1], offset: 8>, #cache.remote> -> memref<8xf32>
  cache.wait %t0
  %r:3 = scf.for %i = %c0 to %c3 step %c1 iter_args(%cur = %d0, %next = %d1, %nt = %t1) -> (memref<8xf32>, memref<8xf32>, !cache.token) {
    %n = arith.addi %i, %c2 : index
    %s = memref.subview %w[%n, 0] [1, 8] [1, 1] : memref<5x8xf32, #cache.remote> to memref<8xf32, strided<[1], offset: ?>, #cache.remote>
    %d, %t = cache.prefetch %s : memref<8xf32, strided<[1], offset: ?>, #cache.remote> -> memref<8xf32>
    linalg.add ins(%cur, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
    %e = cache.evict %cur : memref<8xf32>
    cache.wait %nt
    scf.yield %next, %d, %t : memref<8xf32>, memref<8xf32>, !cache.token
  }
  linalg.add ins(%r#0, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e0 = cache.evict %r#0 : memref<8xf32>
  cache.wait %r#2
  linalg.add ins(%r#1, %o : memref<8xf32>, memref<8xf32>) outs(%o : memref<8xf32>)
  %e1 = cache.evict %r#1 : memref<8xf32>
  return
}
