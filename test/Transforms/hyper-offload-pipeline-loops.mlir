// RUN: hyper-opt %s --hyper-offload-pipeline='budget=50% hw=%S/../Inputs/unit.toml' 2>/dev/null | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=75% hw=%S/../Inputs/unit.toml loop-streaming=pipelined trip-count-bound=4' 2>/dev/null | FileCheck %s --check-prefix=PIPE

// A loop whose trip count is known only at run time streams its stacked
// buffer all the same: each iteration fetches the slice it takes (no
// trip count needed), and pipelined, the loop runs in an scf.if on
// `%n > 1`, its peeled first iteration, prologue and epilogue each a real
// iteration, a copy fetching in each iteration in the else region. The
// planner counts a branch's buffers only while its branch runs: 75% of
// the peak is met (it took both branches' together before).

// CHECK-LABEL: func.func @dynamic(
// CHECK-SAME:      %{{.+}}: memref<4x8xf32, #cache.remote>
// CHECK:         scf.for
// CHECK:           cache.prefetch
// CHECK:           cache.wait
// CHECK:           linalg.copy
// CHECK:           cache.evict
// CHECK:         return

// PIPE-LABEL: func.func @dynamic(
// PIPE-SAME:      %[[W:.+]]: memref<4x8xf32, #cache.remote>, %{{.+}}: memref<8xf32>, %[[N:.+]]: index
// PIPE:         %[[ENOUGH:.+]] = arith.cmpi sgt, %[[N]], %c1 : index
// PIPE:         scf.if %[[ENOUGH]] {
// PIPE:           cache.prefetch
// PIPE:           cache.prefetch
// PIPE:           scf.for %{{.+}} = %c1 to %{{.+}} step %c1 iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (!cache.token, memref<8xf32>) {
// PIPE:             cache.wait
// PIPE:             cache.prefetch
// PIPE:             linalg.copy
// PIPE:             cache.evict
// PIPE:             scf.yield
// PIPE:           } {cache.trip_count_bound = 2 : i64}
// PIPE:           cache.wait
// PIPE:           linalg.copy
// PIPE:           cache.evict
// PIPE:         } else {
// PIPE:           scf.for %{{.+}} = %c0 to %[[N]] step %c1 {
// PIPE:             cache.prefetch
// PIPE:             cache.wait
// PIPE:             cache.evict
// PIPE:           } {cache.trip_count_bound = 1 : i64}
// PIPE:         }
func.func @dynamic(%w: memref<4x8xf32>, %o: memref<8xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.subview %w[%i, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.copy ins(%s : memref<8xf32, strided<[1], offset: ?>>) outs(%o : memref<8xf32>)
  }
  return
}
