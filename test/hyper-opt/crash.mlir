// An upstream pass that crashes on its input (MLIR 22's
// buffer-results-to-out-params hoisting one allocation into two results,
// which hyper-bufferize-pipeline avoids with cache-copy-repeated-results):
// hyper-opt says which stage died on which input, exits 1, and leaves the
// output file as it was.
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: echo "previous contents" > %t.dir/keep.mlir
// RUN: not hyper-opt %s --buffer-results-to-out-params='modify-public-functions hoist-static-allocs' \
// RUN:   -o %t.dir/keep.mlir 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=KEEP < %t.dir/keep.mlir
// The same in a pipeline of several passes.
// RUN: not hyper-opt %s --pass-pipeline='builtin.module(canonicalize, buffer-results-to-out-params{modify-public-functions hoist-static-allocs})' \
// RUN:   2>&1 | FileCheck %s
// CHECK: crash.mlir: error: internal error: hyper-opt crashed (SIGSEGV) in pass 'buffer-results-to-out-params' on 'builtin.module'; nothing was written
// KEEP: previous contents
func.func @twice(%x: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%a : memref<4xf32>)
  return %a, %a : memref<4xf32>, memref<4xf32>
}
