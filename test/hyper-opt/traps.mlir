// Inputs that would make upstream passes kill the process are refused with
// a located diagnostic before the pass runs (hyperoffload/cli/traps.py).
// RUN: hyper-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(finalize-memref-to-llvm, gpu-to-llvm, gpu-module-to-binary)'
// Where no check applies, the stage runs in a child process and its abort
// becomes a diagnostic naming the stage; no output file is written.
// RUN: rm -f %t.out
// RUN: not hyper-opt %s --split-input-file --check-traps=false --finalize-memref-to-llvm -o %t.out 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: not test -e %t.out
// A pipeline text that would end the process is refused before any input.
// RUN: not hyper-opt %s --pass-pipeline='builtin.module(gpu-lower-to-nvvm-pipeline{cubin-chip=sm_90})' 2>&1 | FileCheck %s --check-prefix=PTX
// The check reads the pipeline as built: the pass itself, given alone, is caught too.
// RUN: not hyper-opt %s --pass-pipeline='builtin.module(nvvm-attach-target{chip=sm_90 features=+ptx70}, gpu-module-to-binary)' 2>&1 | FileCheck %s --check-prefix=PTX-PASS
// PTX-PASS: hyper-opt: error: invalid pass pipeline: pass 'nvvm-attach-target' (chip=sm_90; {{.*}}): sm_90 needs PTX ISA 7.8 or newer, but the features ask for '+ptx70'
// RUN: not hyper-opt %s --split-input-file --check-traps=false --pass-pipeline='builtin.module(gpu-lower-to-nvvm-pipeline{cubin-chip=sm_90 cubin-features=+ptx80})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=FATAL

// PTX: hyper-opt: error: invalid pass pipeline: pass 'nvvm-attach-target' (chip=sm_90; gpu-lower-to-nvvm-pipeline sets it from cubin-chip, its features from cubin-features): sm_90 needs PTX ISA 7.8 or newer, but the features ask for '+ptx60'

// ABORT: traps.mlir:[[@LINE+2]]:1: error: stage 'builtin.module(finalize-memref-to-llvm)' was killed by SIGABRT
// ABORT-SAME: it ran in a child process, so this is upstream MLIR aborting on this input
func.func @store_i1(%m: memref<4xi1>, %v: i1) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'memref.store' of memref<4xi1> would abort upstream's finalize-memref-to-llvm in 'finalize-memref-to-llvm'}}
  memref.store %v, %m[%c0] : memref<4xi1>
  return
}

// -----

func.func @load_i2(%m: memref<4xi2>) -> i2 {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'memref.load' of memref<4xi2> would abort}}
  %v = memref.load %m[%c0] : memref<4xi2>
  return %v : i2
}

// -----

// Bytes are fine: no diagnostic, and the stage runs.
func.func @load_i8(%m: memref<4xi8>) -> i8 {
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0] : memref<4xi8>
  return %v : i8
}

// -----

func.func @two_dependencies(%a: memref<4xf32>, %b: memref<4xf32>) {
  %t0 = gpu.wait async
  %t1 = gpu.wait async
  // expected-error @+1 {{'gpu.memcpy' has 2 async dependencies: 'gpu-to-llvm' would leave it unconverted and translating the result to LLVM IR crashes; join them with 'gpu.wait async [...]' first}}
  %t2 = gpu.memcpy async [%t0, %t1] %a, %b : memref<4xf32>, memref<4xf32>
  gpu.wait [%t2]
  return
}

// -----

module attributes {gpu.container_module} {
  // The registered pipeline is the passes it stands for: those from the
  // first that may abort to the last ran in one child.
  // FATAL: traps.mlir:[[@LINE+2]]:3: error: stage 'builtin.module(convert-nvvm-to-llvm,convert-func-to-llvm,{{.*}},gpu-to-llvm,gpu-module-to-binary,convert-math-to-llvm)' exited with status 1 without a diagnostic (last words: 'LLVM ERROR: PTX version 7.0 does not support target 'sm_90'.
  // expected-error @+1 {{#nvvm.target<chip = "sm_90", features = "+ptx70">: sm_90 needs PTX ISA 7.8 or newer, but the features ask for '+ptx70'}}
  gpu.module @kernels [#nvvm.target<chip = "sm_90", features = "+ptx70">] {
    llvm.func @k() attributes {gpu.kernel, nvvm.kernel} {
      llvm.return
    }
  }
}

