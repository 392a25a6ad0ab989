// RUN: hyper-opt %s --split-input-file --cache-hoist-result-copies | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-hoist-result-copies --mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      @slice_result
// STATS-NEXT:   (S) 1 hoisted_copies
// STATS:      @left_alone
// STATS-NEXT:   (S) 1 hoisted_copies

// A decode step's form after buffer-results-to-out-params: the result is a
// slice of a larger buffer, made and copied into the out-parameter right
// before the return. The copy (and the subview it reads) move up to right
// after the last write of the buffer, so the buffer's last use is there.

// CHECK-LABEL: func.func @slice_result(
// CHECK-SAME: %[[X:.+]]: memref<4x8xf32>, %[[Y:.+]]: memref<8xf32>, %[[OUT:.+]]: memref<1x8xf32>)
// CHECK: %[[KV:.+]] = memref.alloc() : memref<4x8xf32>
// CHECK-NEXT: memref.copy %[[X]], %[[KV]]
// CHECK-NEXT: %[[NEW:.+]] = memref.subview %[[KV]][3, 0] [1, 8] [1, 1]
// CHECK-NEXT: memref.copy %[[NEW]], %[[OUT]]
// CHECK-NEXT: linalg.generic
// CHECK: memref.dealloc %[[KV]]
// CHECK-NEXT: return
#reduce = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @slice_result(%x: memref<4x8xf32>, %y: memref<8xf32>, %out: memref<1x8xf32>) {
  %kv = memref.alloc() : memref<4x8xf32>
  memref.copy %x, %kv : memref<4x8xf32> to memref<4x8xf32>
  linalg.generic {indexing_maps = [#reduce, #row], iterator_types = ["reduction", "parallel"]} ins(%kv : memref<4x8xf32>) outs(%y : memref<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  }
  %new = memref.subview %kv[3, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<1x8xf32, strided<[8, 1], offset: 24>>
  memref.copy %new, %out : memref<1x8xf32, strided<[8, 1], offset: 24>> to memref<1x8xf32>
  memref.dealloc %kv : memref<4x8xf32>
  return
}

// -----

// Written until the end: the copy stays after the last write.

// CHECK-LABEL: func.func @written_late(
// CHECK: linalg.fill ins(%{{.+}} : f32) outs(%[[B:alloc[a-z_0-9]*]] : memref<8xf32>)
// CHECK-NEXT: memref.copy %[[B]]
// CHECK-NEXT: return
func.func @written_late(%x: memref<8xf32>, %out: memref<8xf32>) {
  %c = arith.constant 1.0 : f32
  %b = memref.alloc() : memref<8xf32>
  memref.copy %x, %b : memref<8xf32> to memref<8xf32>
  linalg.fill ins(%c : f32) outs(%x : memref<8xf32>)
  linalg.fill ins(%c : f32) outs(%b : memref<8xf32>)
  memref.copy %b, %out : memref<8xf32> to memref<8xf32>
  return
}

// -----

// The target is used by another op too: it is not an out-parameter only
// this copy writes, so the copy stays. An unknown effect on the source (a
// call of a declaration) keeps the second copy below the call; it still
// moves above the fill of another buffer.

// CHECK-LABEL: func.func @left_alone(
// CHECK: linalg.fill ins(%{{.+}} : f32) outs(%[[A:.+]] : memref<8xf32>)
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: memref.copy %{{.+}}, %[[A]]
// CHECK-NEXT: call @touch(%[[T:[a-z_0-9]+]])
// CHECK-NEXT: memref.copy %[[T]]
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: return
func.func private @touch(memref<8xf32>)
func.func @left_alone(%a: memref<8xf32>, %b: memref<8xf32>) {
  %c = arith.constant 1.0 : f32
  %s = memref.alloc() : memref<8xf32>
  %t = memref.alloc() : memref<8xf32>
  linalg.fill ins(%c : f32) outs(%a : memref<8xf32>)
  linalg.fill ins(%c : f32) outs(%s : memref<8xf32>)
  memref.copy %s, %a : memref<8xf32> to memref<8xf32>
  call @touch(%t) : (memref<8xf32>) -> ()
  linalg.fill ins(%c : f32) outs(%s : memref<8xf32>)
  memref.copy %t, %b : memref<8xf32> to memref<8xf32>
  return
}
