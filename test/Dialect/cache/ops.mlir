// RUN: hyper-opt %s | FileCheck %s
// Round trip through the custom form.
// RUN: hyper-opt %s | hyper-opt | FileCheck %s
// Round trip through the generic form.
// RUN: hyper-opt %s --mlir-print-op-generic | hyper-opt | FileCheck %s
// RUN: hyper-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Tests the prefetch / wait / evict forms, with and without dependencies.
// CHECK-LABEL: func.func @roundtrip
// CHECK-SAME: (%[[W:.+]]: memref<4x8xf16, #cache.remote>, %[[P:.+]]: memref<4x8xf16, #cache.remote>)
func.func @roundtrip(%w: memref<4x8xf16, #cache.remote>, %p: memref<4x8xf16, #cache.remote>) {
  // CHECK: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W]] : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>
  %d0, %t0 = cache.prefetch %w : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>
  // CHECK: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[W]] [%[[T0]]] : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>
  %d1, %t1 = cache.prefetch %w [%t0] : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>
  // CHECK: cache.wait %[[T0]], %[[T1]]
  cache.wait %t0, %t1
  // CHECK: %[[E0:.+]] = cache.evict %[[D0]] : memref<4x8xf16>
  %e0 = cache.evict %d0 : memref<4x8xf16>
  // CHECK: %[[E1:.+]] = cache.evict %[[D1]] to %[[P]] [%[[E0]], %[[T1]]] : memref<4x8xf16> to memref<4x8xf16, #cache.remote>
  %e1 = cache.evict %d1 to %p [%e0, %t1] : memref<4x8xf16> to memref<4x8xf16, #cache.remote>
  // CHECK: cache.wait %[[E1]]
  cache.wait %e1
  return
}

// GENERIC-LABEL: "func.func"
// GENERIC: "cache.prefetch"(%{{.*}}) : (memref<4x8xf16, #cache.remote>) -> (memref<4x8xf16>, !cache.token)
// GENERIC: "cache.prefetch"(%{{.*}}, %{{.*}}) : (memref<4x8xf16, #cache.remote>, !cache.token) -> (memref<4x8xf16>, !cache.token)
// GENERIC: "cache.wait"(%{{.*}}, %{{.*}}) : (!cache.token, !cache.token) -> ()
// GENERIC: "cache.evict"(%{{.*}}) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (memref<4x8xf16>) -> !cache.token
// GENERIC: "cache.evict"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 1, 2>}>

// Tests rank-0 and dynamic shapes, and tokens passed through function
// boundaries.
// CHECK-LABEL: func.func @shapes
func.func @shapes(%s: memref<f32, #cache.remote>, %d: memref<?x16xi8, #cache.remote>, %t: !cache.token) -> !cache.token {
  // CHECK: cache.prefetch %{{.+}} [%{{.+}}] : memref<f32, #cache.remote> -> memref<f32>
  %a, %ta = cache.prefetch %s [%t] : memref<f32, #cache.remote> -> memref<f32>
  // CHECK: cache.prefetch %{{.+}} : memref<?x16xi8, #cache.remote> -> memref<?x16xi8>
  %b, %tb = cache.prefetch %d : memref<?x16xi8, #cache.remote> -> memref<?x16xi8>
  // CHECK: cache.evict %{{.+}} to %{{.+}} : memref<?x16xi8> to memref<?x16xi8, #cache.remote>
  %e = cache.evict %b to %d : memref<?x16xi8> to memref<?x16xi8, #cache.remote>
  // CHECK: cache.wait{{$}}
  cache.wait
  return %ta : !cache.token
}

// Tests the remote memory space on a global and on an allocation.
// CHECK: memref.global "private" constant @weights : memref<2xf32, #cache.remote> = dense<[1.000000e+00, 2.000000e+00]>
memref.global "private" constant @weights : memref<2xf32, #cache.remote> = dense<[1.0, 2.0]>
// CHECK-LABEL: func.func @globals
func.func @globals() {
  // CHECK: memref.get_global @weights : memref<2xf32, #cache.remote>
  %g = memref.get_global @weights : memref<2xf32, #cache.remote>
  // CHECK: memref.alloc() : memref<2xf32, #cache.remote>
  %pool = memref.alloc() : memref<2xf32, #cache.remote>
  %d, %t = cache.prefetch %g : memref<2xf32, #cache.remote> -> memref<2xf32>
  %e = cache.evict %d to %pool [%t] : memref<2xf32> to memref<2xf32, #cache.remote>
  cache.wait %e
  return
}
