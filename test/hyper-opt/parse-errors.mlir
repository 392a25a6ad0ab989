// Tests that parse and verification errors print file:line:col, the source
// line and a caret, and exit non-zero without a Python traceback.

// RUN: not hyper-opt %S/Inputs/parse-error.mlir 2>&1 | FileCheck %s
// CHECK: {{.*}}parse-error.mlir:2:8: error: 'arith.addf' op operand #0 must be floating-point-like, but got 'memref<4xf32>'
// CHECK-NEXT: {{^}}  %0 = arith.addf %a, %a : memref<4xf32>
// CHECK-NEXT: {{^}}       ^{{$}}
// CHECK-NOT: Traceback

// RUN: not hyper-opt < %S/Inputs/parse-error.mlir 2>&1 | FileCheck %s --check-prefix=STDIN
// STDIN: <stdin>:2:8: error: 'arith.addf' op operand #0

// An op of an unknown dialect is an error unless allowed.
// RUN: not hyper-opt %s 2>&1 | FileCheck %s --check-prefix=UNREG
// UNREG: parse-errors.mlir:[[# @LINE + 5]]:{{[0-9]+}}: error: operation being parsed with an unregistered dialect
// RUN: hyper-opt %s --allow-unregistered-dialect | FileCheck %s --check-prefix=ALLOW
// ALLOW: "mydialect.op"() : () -> i32

func.func @unregistered() {
  %0 = "mydialect.op"() : () -> i32
  return
}
