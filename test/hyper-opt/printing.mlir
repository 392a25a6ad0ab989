// Tests IR printing, timing, generic form, locations, --show-dialects,
// --help and --version.

// RUN: hyper-opt %S/Inputs/simple.mlir --cache-strip-transfers --mlir-print-ir-after-all 2>&1 >/dev/null | FileCheck %s --check-prefix=AFTER
// AFTER: // -----// IR Dump After StripTransfersPass (cache-strip-transfers) //----- //
// AFTER-NEXT: module {
// AFTER-NOT: cache.prefetch

// RUN: hyper-opt %S/Inputs/simple.mlir --cache-strip-transfers --canonicalize --mlir-print-ir-before-all 2>&1 >/dev/null | FileCheck %s --check-prefix=BEFORE
// BEFORE: // -----// IR Dump Before StripTransfersPass (cache-strip-transfers) //----- //
// BEFORE: cache.prefetch
// BEFORE: // -----// IR Dump Before Canonicalizer (canonicalize) //----- //

// RUN: hyper-opt %S/Inputs/simple.mlir --cache-strip-transfers --mlir-timing 2>&1 >/dev/null | FileCheck %s --check-prefix=TIMING
// TIMING: Execution time report
// TIMING: StripTransfersPass
// TIMING: Total

// RUN: hyper-opt %S/Inputs/simple.mlir --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// GENERIC: "cache.prefetch"(%{{.+}}) : (memref<8xf32, #cache.remote>) -> (memref<8xf32>, !cache.token)

// RUN: hyper-opt %S/Inputs/simple.mlir --mlir-print-debuginfo | FileCheck %s --check-prefix=DEBUG
// DEBUG: cache.prefetch {{.*}} loc([[LOC:#loc[0-9]*]])
// DEBUG: [[LOC]] = loc("{{.*}}simple.mlir":4:12)

// RUN: hyper-opt --show-dialects | FileCheck %s --check-prefix=DIALECTS
// DIALECTS: Available Dialects: {{.*}}builtin, cache, cf, {{.*}}gpu, {{.*}}linalg, {{.*}}memref

// RUN: hyper-opt --help | FileCheck %s --check-prefix=HELP
// RUN: hyper-opt -h | FileCheck %s --check-prefix=HELP
// HELP: USAGE: hyper-opt [options] <input file>
// HELP: --split-input-file
// HELP: --verify-diagnostics
// HELP: HYPEROFFLOAD PASSES
// HELP: --cache-strip-transfers Remove every cache op and restore plain device memrefs.

// RUN: hyper-opt --version | FileCheck %s --check-prefix=VERSION
// VERSION: hyper-opt {{[0-9]+\.[0-9]+\.[0-9]+}} (upstream MLIR 22)
