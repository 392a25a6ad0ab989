// The prefer= option on a long-context decoder (3 layers, 32k-token KV
// caches of 256 MiB, 86 MiB MLP and 32 MiB attention weights, GH200 link).
// RUN: %PYTHON -m hyperoffload.workloads --preset 7b-32k --layers 3 > %t.mlir
//
// At 97% "largest" takes the two 86 MiB MLP weights, and its copies hide;
// "streaming" takes 32 MiB attention weights that come back just before
// their use; "auto" keeps the first plan because it hides every copy.
// RUN: hyper-opt %t.mlir --cache-plan-offload='budget=97% hw=gh200 prefer=largest remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=LARGEST
// RUN: hyper-opt %t.mlir --cache-plan-offload='budget=97% hw=gh200 prefer=auto remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=LARGEST
// LARGEST: remark: planned in largest order: 0 s of copies estimated exposed
// LARGEST-NOT: remark: offloads
// LARGEST: remark: offloads %arg11 (90177536 bytes)
// LARGEST-NOT: remark: offloads
// LARGEST: remark: offloads %arg33 (90177536 bytes)
// LARGEST-NOT: remark: offloads
//
// RUN: hyper-opt %t.mlir --cache-plan-offload='budget=97% hw=gh200 prefer=streaming remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=STREAMING
// STREAMING: remark: planned in streaming order: 0 s of copies estimated exposed
// STREAMING-COUNT-5: remark: offloads %arg{{[0-9]+}} (33554432 bytes)
// STREAMING-NOT: remark: offloads
//
// At 95% the largest-first plan must expose copies (its 86 MiB copies hold
// the link), the streaming one hides them all: "auto" keeps streaming.
// RUN: hyper-opt %t.mlir --cache-plan-offload='budget=95% hw=gh200 prefer=largest remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXPOSED
// EXPOSED: remark: planned in largest order: {{[0-9.e-]*[1-9][0-9.e-]*}} s of copies estimated exposed
// RUN: hyper-opt %t.mlir --cache-plan-offload='budget=95% hw=gh200 prefer=auto remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=AUTO
// AUTO: remark: planned in streaming order: 0 s of copies estimated exposed
//
// RUN: not hyper-opt %t.mlir --cache-plan-offload='budget=95% prefer=smallest' 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: invalid pass pipeline: invalid value for option 'prefer' of pass 'cache-plan-offload': expected one of auto, largest, streaming, got 'smallest'
