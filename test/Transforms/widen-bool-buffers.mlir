// RUN: hyper-opt %s --split-input-file --cache-widen-bool-buffers | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-widen-bool-buffers --mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      @reduce_and_select
// STATS-NEXT:   (S) 2 widened_buffers
// STATS-NEXT:   (S) 0 kept_bool_buffers
// STATS:      @kept
// STATS-NEXT:   (S) 0 widened_buffers
// STATS-NEXT:   (S) 2 kept_bool_buffers
// A run of a widened program against torch's output: gpt-tiny in
// test/python/test_torch_example.py.

// Tests a boolean reduction (the all -inf check of decomposed attention):
// the buffers connected by a copy become i8, the fill fills an extended
// scalar, the payloads truncate what they read and extend what they yield.
// CHECK-LABEL: func.func @reduce_and_select
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: memref<8x4xf32>, %[[Y:[a-z0-9_]+]]: memref<8x4xf32>)
// CHECK:       %[[A:.+]] = memref.alloc() : memref<8xi8>
// CHECK-NEXT:  %[[T:.+]] = arith.extui %true : i1 to i8
// CHECK-NEXT:  linalg.fill ins(%[[T]] : i8) outs(%[[A]] : memref<8xi8>)
// CHECK-NEXT:  %[[B:.+]] = memref.alloc() : memref<8xi8>
// CHECK-NEXT:  memref.copy %[[A]], %[[B]] : memref<8xi8> to memref<8xi8>
// CHECK-NEXT:  linalg.generic {{.*}} ins(%[[X]] : memref<8x4xf32>) outs(%[[B]] : memref<8xi8>)
// CHECK-NEXT:  ^bb0(%[[IN:.+]]: f32, %[[OUT:.+]]: i8):
// CHECK-NEXT:    %[[O:.+]] = arith.trunci %[[OUT]] : i8 to i1
// CHECK-NEXT:    %[[C:.+]] = arith.cmpf oeq, %[[IN]], %{{.+}} : f32
// CHECK-NEXT:    %[[AND:.+]] = arith.andi %[[C]], %[[O]] : i1
// CHECK-NEXT:    %[[W:.+]] = arith.extui %[[AND]] : i1 to i8
// CHECK-NEXT:    linalg.yield %[[W]] : i8
// CHECK:       linalg.generic {{.*}} ins(%[[B]], %[[X]] : memref<8xi8>, memref<8x4xf32>) outs(%[[Y]] : memref<8x4xf32>)
// CHECK-NEXT:  ^bb0(%[[M:.+]]: i8, %{{.+}}: f32, %{{.+}}: f32):
// CHECK-NEXT:    %[[MB:.+]] = arith.trunci %[[M]] : i8 to i1
// CHECK-NEXT:    arith.select %[[MB]]
// CHECK:       memref.dealloc %[[A]] : memref<8xi8>
// CHECK-NEXT:  memref.dealloc %[[B]] : memref<8xi8>
#row = affine_map<(d0, d1) -> (d0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
func.func @reduce_and_select(%x: memref<8x4xf32>, %y: memref<8x4xf32>) {
  %true = arith.constant true
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %a = memref.alloc() : memref<8xi1>
  linalg.fill ins(%true : i1) outs(%a : memref<8xi1>)
  %b = memref.alloc() : memref<8xi1>
  memref.copy %a, %b : memref<8xi1> to memref<8xi1>
  linalg.generic {indexing_maps = [#row, #red], iterator_types = ["parallel", "reduction"]}
      ins(%x : memref<8x4xf32>) outs(%b : memref<8xi1>) {
  ^bb0(%in: f32, %out: i1):
    %c = arith.cmpf oeq, %in, %ninf : f32
    %and = arith.andi %c, %out : i1
    linalg.yield %and : i1
  }
  linalg.generic {indexing_maps = [#red, #row, #row], iterator_types = ["parallel", "parallel"]}
      ins(%b, %x : memref<8xi1>, memref<8x4xf32>) outs(%y : memref<8x4xf32>) {
  ^bb0(%m: i1, %in: f32, %out: f32):
    %s = arith.select %m, %zero, %in : f32
    linalg.yield %s : f32
  }
  memref.dealloc %a : memref<8xi1>
  memref.dealloc %b : memref<8xi1>
  return
}

// -----

// Tests that a buffer copied into one used through a view keeps i1 with it
// (a group is widened together or not at all), and that an i1 argument,
// whose type belongs to the caller, is never widened.
// CHECK-LABEL: func.func @kept
// CHECK-SAME:  %{{[a-z0-9_]+}}: memref<8xi1>
// CHECK:       memref.alloc() : memref<8xi1>
// CHECK:       memref.alloc() : memref<8xi1>
// CHECK:       memref.subview %{{.+}}[0] [4] [1] : memref<8xi1> to memref<4xi1, strided<[1]>>
// CHECK-NOT:   xi8>
func.func @kept(%arg: memref<8xi1>, %out: memref<4xi1, strided<[1]>>) {
  %true = arith.constant true
  %a = memref.alloc() : memref<8xi1>
  linalg.fill ins(%true : i1) outs(%a : memref<8xi1>)
  %b = memref.alloc() : memref<8xi1>
  memref.copy %a, %b : memref<8xi1> to memref<8xi1>
  %v = memref.subview %b[0] [4] [1] : memref<8xi1> to memref<4xi1, strided<[1]>>
  memref.copy %v, %out : memref<4xi1, strided<[1]>> to memref<4xi1, strided<[1]>>
  memref.copy %arg, %a : memref<8xi1> to memref<8xi1>
  memref.dealloc %a : memref<8xi1>
  memref.dealloc %b : memref<8xi1>
  return
}

// -----

// JAX's nested jit: a boolean constant (a global) and an allocated mask are
// passed to private helpers. Global, get_global, call operands and the
// helpers' parameters are one group each and are widened together: the
// global's value becomes 0/1 bytes, the helpers' types follow.
// CHECK-LABEL: memref.global "private" constant @mask : memref<4xi8> = dense<[1, 0, 1, 1]>
// CHECK-LABEL: func.func @main
// CHECK:       %[[G:.+]] = memref.get_global @mask : memref<4xi8>
// CHECK-NEXT:  %[[M:.+]] = memref.alloc() : memref<4xi8>
// CHECK-NEXT:  call @not(%[[G]], %[[M]]) : (memref<4xi8>, memref<4xi8>) -> ()
// CHECK-NEXT:  call @select(%[[M]], %{{.+}}, %{{.+}}) : (memref<4xi8>, memref<4xf32>, memref<4xf32>) -> ()
// CHECK:       func.func private @not(%{{.+}}: memref<4xi8>, %{{.+}}: memref<4xi8>)
// CHECK:       ^bb0(%[[I:.+]]: i8, %{{.+}}: i8):
// CHECK-NEXT:    arith.trunci %[[I]] : i8 to i1
// CHECK:         arith.extui %{{.+}} : i1 to i8
// CHECK:       func.func private @select(%{{.+}}: memref<4xi8>, %{{.+}}: memref<4xf32>, %{{.+}}: memref<4xf32>)
// STATS:      @main
// STATS-NEXT:   (S) 2 widened_buffers
// STATS-NEXT:   (S) 0 kept_bool_buffers
#id = affine_map<(d0) -> (d0)>
memref.global "private" constant @mask : memref<4xi1> = dense<[true, false, true, true]>
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>) {
  %g = memref.get_global @mask : memref<4xi1>
  %m = memref.alloc() : memref<4xi1>
  call @not(%g, %m) : (memref<4xi1>, memref<4xi1>) -> ()
  call @select(%m, %x, %y) : (memref<4xi1>, memref<4xf32>, memref<4xf32>) -> ()
  memref.dealloc %m : memref<4xi1>
  return
}
func.func private @not(%a: memref<4xi1>, %b: memref<4xi1>) {
  %true = arith.constant true
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xi1>) outs(%b : memref<4xi1>) {
  ^bb0(%in: i1, %out: i1):
    %n = arith.xori %in, %true : i1
    linalg.yield %n : i1
  }
  return
}
func.func private @select(%m: memref<4xi1>, %x: memref<4xf32>, %y: memref<4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]} ins(%m, %x : memref<4xi1>, memref<4xf32>) outs(%y : memref<4xf32>) {
  ^bb0(%c: i1, %in: f32, %out: f32):
    %s = arith.select %c, %in, %zero : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A public callee's parameter type belongs to its other callers: the
// buffer passed to it keeps i1, and so does the global read with it.
// CHECK-LABEL: memref.global "private" constant @flags : memref<4xi1>
// CHECK-LABEL: func.func @caller
// CHECK:       memref.alloc() : memref<4xi1>
// CHECK-NOT:   xi8>
// STATS:      @caller
// STATS-NEXT:   (S) 0 widened_buffers
// STATS-NEXT:   (S) 2 kept_bool_buffers
memref.global "private" constant @flags : memref<4xi1> = dense<true>
func.func @caller() {
  %g = memref.get_global @flags : memref<4xi1>
  %m = memref.alloc() : memref<4xi1>
  memref.copy %g, %m : memref<4xi1> to memref<4xi1>
  call @public_helper(%m) : (memref<4xi1>) -> ()
  memref.dealloc %m : memref<4xi1>
  return
}
func.func @public_helper(%m: memref<4xi1>) {
  return
}

// -----

// Tests that a 0-d flag read by a load (lax.cond's condition after
// bufferization) is stored as a byte: the load reads the byte and
// truncates it for the scf.if; a store extends what it stores.
// CHECK-LABEL: func.func @cond_flag
// CHECK:       %[[F:.+]] = memref.alloc() : memref<i8>
// CHECK:       ^bb0(%[[IN:[^:]+]]: i32, %[[OUT:[^:]+]]: i8):
// CHECK:         %[[C:.+]] = arith.cmpi sgt, %[[IN]]
// CHECK-NEXT:    %[[W:.+]] = arith.extui %[[C]] : i1 to i8
// CHECK-NEXT:    linalg.yield %[[W]] : i8
// CHECK:       %[[B:.+]] = memref.load %[[F]][] : memref<i8>
// CHECK-NEXT:  %[[T:.+]] = arith.trunci %[[B]] : i8 to i1
// CHECK-NEXT:  scf.if %[[T]] {
// CHECK:       %[[E:.+]] = arith.extui %{{.+}} : i1 to i8
// CHECK-NEXT:  memref.store %[[E]], %[[F]][] : memref<i8>
// STATS:      @cond_flag
// STATS-NEXT:   (S) 1 widened_buffers
// STATS-NEXT:   (S) 0 kept_bool_buffers
#scalar = affine_map<() -> ()>
func.func @cond_flag(%stop: memref<i32>, %x: memref<4xf32>) {
  %zero = arith.constant 0 : i32
  %f = memref.alloc() : memref<i1>
  linalg.generic {indexing_maps = [#scalar, #scalar], iterator_types = []} ins(%stop : memref<i32>) outs(%f : memref<i1>) {
  ^bb0(%in: i32, %out: i1):
    %c = arith.cmpi sgt, %in, %zero : i32
    linalg.yield %c : i1
  }
  %b = memref.load %f[] : memref<i1>
  scf.if %b {
    linalg.fill ins(%zero : i32) outs(%stop : memref<i32>)
  }
  %n = arith.xori %b, %b : i1
  memref.store %n, %f[] : memref<i1>
  memref.dealloc %f : memref<i1>
  return
}
