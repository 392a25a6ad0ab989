// Tests that --verify-diagnostics fails on unmet and on unexpected
// diagnostics, and passes when they match.

// RUN: not hyper-opt %s --split-input-file --verify-diagnostics --cache-strip-transfers --pass-pipeline="" 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: hyper-opt: error: '--pass-pipeline' cannot be used

// RUN: not hyper-opt %s --split-input-file --verify-diagnostics 2>&1 | FileCheck %s
// CHECK-DAG: verify-diagnostics.mlir:[[# @LINE + 7]]: error: expected error "this error never happens" was not produced
// CHECK-DAG: verify-diagnostics.mlir:[[# @LINE + 14]]:{{[0-9]+}}: error: unexpected error: 'cache.prefetch' op expected source in the #cache.remote memory space, got 'memref<4xf32>'

// RUN: hyper-opt %S/Inputs/expected-ok.mlir --verify-diagnostics

// Tests an expectation that nothing satisfies.
func.func @unmet() {
  // expected-error @+1 {{this error never happens}}
  return
}

// -----

// Tests an error that nobody expects.
func.func @unexpected(%w: memref<4xf32>) {
  %d, %t = cache.prefetch %w : memref<4xf32> -> memref<4xf32>
  return
}
