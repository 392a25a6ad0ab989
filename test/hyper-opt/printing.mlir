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
// HELP: --report=<file>
// HELP: --trace=<file>
// HELP: --memory-plot=<file>
// HELP: --hw=<name|file> {{.*}}ascend910-supernode, gh200, h100-pcie, h200
// HELP: HYPEROFFLOAD PASSES
// HELP: --cache-print-liveness  Print buffer lifetimes, sizes and the device-memory peak of every function.
// HELP-NEXT: format=<text|json>  text table or JSON (default: text)
// HELP-NEXT: output=<string>  file to write, or - for standard error (default: -)
// HELP-NEXT: dynamic-dim-bound=<int>  upper bound assumed for dynamic dimensions (0: report an error) (default: 0)
// HELP: --cache-strip-transfers Remove every cache op and restore plain device memrefs.
// HELP: --hyper-offload-pipeline

// RUN: hyper-opt --version | FileCheck %s --check-prefix=VERSION
// VERSION: hyper-opt {{[0-9]+\.[0-9]+\.[0-9]+}} (upstream MLIR 22)
