// hyper-bufferize-pipeline: upstream bufferization of linalg-on-tensors into
// what the offload passes read. Constant weights become constant
// memref.globals, the result an out-parameter, and the elementwise compare
// and select are fused into one linalg.generic (no i1 buffer).
// RUN: hyper-opt %s --hyper-bufferize-pipeline | FileCheck %s
// The same through --pass-pipeline, followed by offloading the weights.
// RUN: hyper-opt %s --pass-pipeline='builtin.module(hyper-bufferize-pipeline, cache-plan-offload{budget=2KiB hw=gh200})' | FileCheck %s --check-prefix=PLAN
// A named pipeline has no options and runs on builtin.module.
// RUN: not hyper-opt %s --hyper-bufferize-pipeline=x=1 2>&1 | FileCheck %s --check-prefix=OPTS
// RUN: not hyper-opt %s --pass-pipeline='builtin.module(func.func(hyper-bufferize-pipeline))' 2>&1 | FileCheck %s --check-prefix=NESTED

// CHECK-DAG: memref.global "private" constant @[[$W2:__constant_16x16xf32_0]] : memref<16x16xf32> = dense<2.500000e-01>
// CHECK-DAG: memref.global "private" constant @[[$W1:__constant_16x16xf32]] : memref<16x16xf32> = dense<5.000000e-01>
// CHECK-LABEL: func.func @mlp
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: memref<4x16xf32>, %[[OUT:[a-z0-9_]+]]: memref<4x16xf32>) {
// CHECK-NOT:   i1>
// CHECK-DAG:   %[[G1:.+]] = memref.get_global @[[$W1]] : memref<16x16xf32>
// CHECK-DAG:   %[[G2:.+]] = memref.get_global @[[$W2]] : memref<16x16xf32>
// CHECK:       linalg.matmul ins(%[[X]], %[[G1]] : memref<4x16xf32>, memref<16x16xf32>) outs(%[[OUT]] : memref<4x16xf32>)
// CHECK-NEXT:  %[[R:.+]] = memref.alloc() {alignment = 64 : i64} : memref<4x16xf32>
// CHECK-NEXT:  linalg.generic {{.*}} ins(%[[OUT]] : memref<4x16xf32>) outs(%[[R]] : memref<4x16xf32>)
// CHECK:         arith.cmpf ogt
// CHECK-NEXT:    arith.select
// CHECK:       linalg.matmul ins(%[[R]], %[[G2]] : memref<4x16xf32>, memref<16x16xf32>) outs(%[[OUT]] : memref<4x16xf32>)
// CHECK-NEXT:  memref.dealloc %[[R]]
// CHECK-NEXT:  return

// PLAN-DAG: memref.global "private" constant @[[$W2:__constant_16x16xf32_0]] : memref<16x16xf32, #cache.remote>
// PLAN-DAG: memref.global "private" constant @[[$W1:__constant_16x16xf32]] : memref<16x16xf32, #cache.remote>
// PLAN-LABEL: func.func @mlp
// PLAN-DAG:   %[[G1:.+]] = memref.get_global @[[$W1]] : memref<16x16xf32, #cache.remote>
// PLAN-DAG:   %[[G2:.+]] = memref.get_global @[[$W2]] : memref<16x16xf32, #cache.remote>
// PLAN:       %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[G1]]
// PLAN:       cache.wait %[[T1]]
// PLAN-NEXT:  linalg.matmul ins(%arg0, %[[D1]] : memref<4x16xf32>, memref<16x16xf32>)
// PLAN-NEXT:  cache.evict %[[D1]]
// PLAN:       %[[D2:.+]], %[[T2:.+]] = cache.prefetch %[[G2]]
// PLAN-NEXT:  cache.wait %[[T2]]
// PLAN-NEXT:  linalg.matmul ins(%{{.+}}, %[[D2]] : memref<4x16xf32>, memref<16x16xf32>)
// PLAN-NEXT:  cache.evict %[[D2]]

// OPTS: hyper-opt: error: pipeline '--hyper-bufferize-pipeline' takes no options
// NESTED: error: invalid pass pipeline: Can't add pass 'OneShotBufferizePass' restricted to 'builtin.module' on a PassManager intended to run on 'func.func', did you intend to nest?

#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @mlp(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %w1 = arith.constant dense<0.5> : tensor<16x16xf32>
  %w2 = arith.constant dense<0.25> : tensor<16x16xf32>
  %empty = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%x, %w1 : tensor<4x16xf32>, tensor<16x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %positive = tensor.empty() : tensor<4x16xi1>
  %mask = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<4x16xf32>) outs(%positive : tensor<4x16xi1>) {
  ^bb0(%in: f32, %out: i1):
    %gt = arith.cmpf ogt, %in, %zero : f32
    linalg.yield %gt : i1
  } -> tensor<4x16xi1>
  %relu = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%mask, %y : tensor<4x16xi1>, tensor<4x16xf32>) outs(%empty : tensor<4x16xf32>) {
  ^bb0(%m: i1, %in: f32, %out: f32):
    %r = arith.select %m, %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<4x16xf32>
  %init2 = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x16xf32>) -> tensor<4x16xf32>
  %z = linalg.matmul ins(%relu, %w2 : tensor<4x16xf32>, tensor<16x16xf32>) outs(%init2 : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %z : tensor<4x16xf32>
}
