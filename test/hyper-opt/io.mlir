// Tests reading standard input, the output file and its atomic write.

// RUN: hyper-opt < %s | FileCheck %s
// RUN: hyper-opt - < %s | FileCheck %s
// CHECK-LABEL: func.func @io

// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: hyper-opt %s -o %t.dir/out.mlir && FileCheck %s < %t.dir/out.mlir
// RUN: hyper-opt %s -o=%t.dir/eq.mlir && FileCheck %s < %t.dir/eq.mlir
// RUN: hyper-opt %s --o %t.dir/dash.mlir && FileCheck %s < %t.dir/dash.mlir

// A failing run leaves an existing output file as it was and no temporary.
// RUN: echo "previous contents" > %t.dir/keep.mlir
// RUN: not hyper-opt %S/Inputs/parse-error.mlir -o %t.dir/keep.mlir 2>/dev/null
// RUN: FileCheck %s --check-prefix=KEEP < %t.dir/keep.mlir
// KEEP: previous contents
// RUN: not hyper-opt %s --cache-strip-transfers -o %t.dir/new.mlir --pass-pipeline='builtin.module(cse)' 2>/dev/null
// RUN: not ls %t.dir/new.mlir
// RUN: ls -A %t.dir | count 4

// A missing input file is a diagnostic, not a traceback.
// RUN: not hyper-opt %t.missing.mlir 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: hyper-opt: error: could not open input file '{{.*}}missing.mlir': No such file or directory
// MISSING-NOT: Traceback

// So is input that is not UTF-8 text.
// RUN: not hyper-opt %S/Inputs/not-utf8.mlir 2>&1 | FileCheck %s --check-prefix=UTF8
// UTF8: hyper-opt: error: input file '{{.*}}not-utf8.mlir' is not UTF-8 text: invalid continuation byte

// So is an output directory that does not exist.
// RUN: not hyper-opt %s -o %t.nodir/out.mlir 2>&1 | FileCheck %s --check-prefix=NODIR
// NODIR: hyper-opt: error: {{.*}}No such file or directory

// RUN: not hyper-opt %s %s 2>&1 | FileCheck %s --check-prefix=TWO
// TWO: hyper-opt: error: too many positional arguments

// RUN: not hyper-opt %s -o 2>&1 | FileCheck %s --check-prefix=NOVAL
// NOVAL: hyper-opt: error: option '-o' needs a value

func.func @io() {
  return
}
