// Tests pass flags and --pass-pipeline mixing upstream passes with ours.

// Upstream pass flags, with and without options.
// RUN: hyper-opt %S/Inputs/simple.mlir --canonicalize | FileCheck %s --check-prefix=CANON
// RUN: hyper-opt %S/Inputs/simple.mlir --canonicalize=max-iterations=2,top-down=false | FileCheck %s --check-prefix=CANON
// RUN: hyper-opt %S/Inputs/simple.mlir '--canonicalize=max-iterations=2 top-down=false' | FileCheck %s --check-prefix=CANON
// CANON-LABEL: func.func @simple
// CANON-NOT: arith.constant
// CANON: cache.prefetch

// Our pass and upstream passes in one pipeline, flags and text alike.
// RUN: hyper-opt %S/Inputs/simple.mlir --cache-strip-transfers --cse | FileCheck %s --check-prefix=MIXED
// RUN: hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(cache-strip-transfers, func.func(cse))' | FileCheck %s --check-prefix=MIXED
// RUN: hyper-opt %S/Inputs/simple.mlir --pass-pipeline 'cache-strip-transfers,cse' | FileCheck %s --check-prefix=MIXED
// MIXED-LABEL: func.func @simple
// MIXED-SAME: (%[[W:.+]]: memref<8xf32>,
// MIXED-NEXT: linalg.copy ins(%[[W]] : memref<8xf32>)
// MIXED-NOT: cache.

// The pipeline as run, for the record.
// RUN: hyper-opt %S/Inputs/simple.mlir --dump-pass-pipeline --cache-strip-transfers --cse 2>&1 >/dev/null | FileCheck %s --check-prefix=DUMP
// DUMP: Pass Manager with passes:
// DUMP-NEXT: builtin.module(cache-strip-transfers,cse)

// RUN: not hyper-opt %S/Inputs/simple.mlir --no-such-pass 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: hyper-opt: error: unknown command line argument '--no-such-pass'; try 'hyper-opt --help'

// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(no-such-pass)' 2>&1 | FileCheck %s --check-prefix=BADPASS
// Our passes are in upstream's registry: upstream's parser reports.
// BADPASS: hyper-opt: error: invalid pass pipeline: 'no-such-pass' does not refer to a registered pass or pass pipeline

// Malformed text: upstream's parser says what is wrong, and where.
// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(cse' 2>&1 | FileCheck %s --check-prefix=PAREN
// PAREN: hyper-opt: error: invalid pass pipeline: expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'

// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(cse{a=1)' 2>&1 | FileCheck %s --check-prefix=BRACE
// BRACE: hyper-opt: error: invalid pass pipeline: missing closing '}' while processing pass options
// BRACE-NEXT: cse{a=1
// BRACE-NEXT: {{^}}   ^

// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='cse)' 2>&1 | FileCheck %s --check-prefix=EXTRA
// EXTRA: hyper-opt: error: invalid pass pipeline: encountered extra closing ')' creating unbalanced parentheses while parsing pipeline

// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(func.func(cache-strip-transfers))' 2>&1 | FileCheck %s --check-prefix=NESTED
// Upstream's pass manager refuses to schedule it there.
// NESTED: error: unable to schedule pass 'StripTransfersPass' on a PassManager intended to run on 'func.func'!

// A registered upstream pipeline of module passes, nested, ends the process
// as upstream builds it: the parse runs under an abort guard, and upstream's
// fatal error becomes the diagnostic.
// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='builtin.module(func.func(gpu-lower-to-nvvm-pipeline))' -o %t.nested 2>&1 | FileCheck %s --check-prefix=NESTED-PIPELINE
// RUN: not test -e %t.nested
// NESTED-PIPELINE: hyper-opt: error: invalid pass pipeline: upstream MLIR would end the process building this pipeline: Can't add pass 'GpuKernelOutliningPass' restricted to 'builtin.module' on a PassManager intended to run on 'func.func', did you intend to nest?
// RUN: not hyper-opt %S/Inputs/simple.mlir --pass-pipeline='func.func(sparsifier)' 2>&1 | FileCheck %s --check-prefix=NESTED-SPARSE
// NESTED-SPARSE: hyper-opt: error: invalid pass pipeline: upstream MLIR would end the process building this pipeline: Can't add pass 'SparsificationAndBufferization' restricted to 'builtin.module'

// An anchor after other elements is a nested pass manager, as in upstream's
// own syntax: its passes run on modules nested in the input's.
// RUN: hyper-opt %S/Inputs/simple.mlir --pass-pipeline='cache-strip-transfers, builtin.module(cse)' --dump-pass-pipeline 2>&1 >/dev/null | FileCheck %s --check-prefix=WHOLE
// WHOLE: builtin.module(cache-strip-transfers,builtin.module(cse))

// RUN: not hyper-opt %S/Inputs/simple.mlir --cache-strip-transfers=bogus=1 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: hyper-opt: error: invalid pass pipeline: no such option bogus
// OPTION-NEXT: failed to add `cache-strip-transfers` with options `bogus=1`

// Values are checked by the pass's own option parser, through upstream's.
// RUN: not hyper-opt %S/Inputs/simple.mlir --cache-print-liveness=format=xml 2>&1 | FileCheck %s --check-prefix=VALUE
// VALUE: hyper-opt: error: invalid pass pipeline: invalid value for option 'format' of pass 'cache-print-liveness': {{.*}}xml
// VALUE-NEXT: failed to add `cache-print-liveness` with options `format=xml`

// RUN: not hyper-opt %S/Inputs/simple.mlir --canonicalize=bogus=1 2>&1 | FileCheck %s --check-prefix=UPOPTION
// UPOPTION: hyper-opt: error: invalid pass pipeline: no such option bogus
// UPOPTION-NEXT: failed to add `canonicalize` with options `bogus=1`

// RUN: not hyper-opt %S/Inputs/simple.mlir --cse --pass-pipeline='builtin.module(cse)' 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: hyper-opt: error: '--pass-pipeline' cannot be used with individual pass flags (--cse)

// A pass failure is reported at the op, and nothing is printed.
// RUN: not hyper-opt %s --cache-strip-transfers 2>&1 | FileCheck %s --check-prefix=FAIL
// FAIL: pipelines.mlir:[[# @LINE + 5]]:3: error: cannot strip transfers: the token of 'cache.prefetch' is used by 'func.return', which is not a cache op
// FAIL-NOT: func.func
// FAIL-NOT: Traceback
func.func @escape(%w: memref<4xf32, #cache.remote>) -> !cache.token {
  %d, %t = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32>
  return %t : !cache.token
}
