// Written here in the form of upstream's mlir/test/Integration tests, for
// tools/run_upstream_tests.py's own test: the entry reads a constant table
// at its start and its end, so a budget under its peak moves the table to
// the pool over the gap and back.
// RUN: mlir-opt %s -convert-linalg-to-loops -convert-scf-to-cf -expand-strided-metadata \
// RUN:   -lower-affine -convert-arith-to-llvm -finalize-memref-to-llvm -convert-func-to-llvm \
// RUN:   -convert-cf-to-llvm -reconcile-unrealized-casts | \
// RUN: mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_utils \
// RUN: | FileCheck %s

memref.global "private" constant @table : memref<64xf32> = dense<1.0>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %two = arith.constant 2.0 : f32
  %a = memref.get_global @table : memref<64xf32>
  %o = memref.alloc() : memref<64xf32>
  linalg.add ins(%a, %a : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  %t = memref.alloc() : memref<64xf32>
  linalg.add ins(%o, %o : memref<64xf32>, memref<64xf32>) outs(%t : memref<64xf32>)
  linalg.add ins(%t, %t : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  memref.dealloc %t : memref<64xf32>
  linalg.add ins(%o, %a : memref<64xf32>, memref<64xf32>) outs(%o : memref<64xf32>)
  %u = memref.cast %o : memref<64xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %o : memref<64xf32>
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [64] strides = [1] data =
// CHECK-NEXT: [9,  9,
