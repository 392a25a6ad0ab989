// RUN: hyper-opt %s --split-input-file | FileCheck %s
// Output chunks are separated as mlir-opt separates them.
// CHECK-LABEL: func.func @first
// CHECK: // -----
// CHECK-LABEL: func.func @second
// CHECK: // -----
// CHECK-LABEL: func.func @third

// Without the flag the file is one module, and the duplicate symbol fails.
// RUN: not hyper-opt %s 2>&1 | FileCheck %s --check-prefix=WHOLE
// WHOLE: split-input-file.mlir:[[# @LINE + 15]]:1: error: redefinition of symbol named 'first'

// An error in one chunk keeps its line number in the whole file; the other
// chunks are still processed, and the exit status is non-zero.
// RUN: sed -e 's/@third() {/@third() { %%x = arith.constant 1 : i32 %%x = arith.constant 2 : i32/' %s > %t.mlir
// RUN: not hyper-opt %t.mlir --split-input-file 2>&1 >%t.out | FileCheck %s --check-prefix=CHUNK
// CHUNK: split-input-file.mlir.tmp.mlir:[[# @LINE + 10]]:{{[0-9]+}}: error: redefinition of SSA value '%x'
// RUN: FileCheck %s --check-prefix=PARTIAL < %t.out
// PARTIAL: func.func @first
// PARTIAL: func.func @second

func.func @first() { return }
// -----
func.func @second() { return }
// -----
func.func @first() { return }
func.func @third() { return }
