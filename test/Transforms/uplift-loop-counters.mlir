// RUN: hyper-opt %s --split-input-file --cache-uplift-loop-counters | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-uplift-loop-counters --mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      @fori
// STATS-NEXT:   (S) 3 scalarized_generics
// STATS-NEXT:   (S) 1 uplifted_counters
// STATS:      @not_the_step
// STATS-NEXT:   (S) 1 scalarized_generics
// STATS-NEXT:   (S) 0 uplifted_counters
// STATS:      @while_loop
// STATS-NEXT:   (S) 2 scalarized_generics
// STATS-NEXT:   (S) 1 uplifted_counters
// STATS:      @while_counter_returned
// STATS-NEXT:   (S) 2 scalarized_generics
// STATS-NEXT:   (S) 1 uplifted_counters
// STATS:      @while_not_counted
// STATS-NEXT:   (S) 1 scalarized_generics
// STATS-NEXT:   (S) 0 uplifted_counters

// JAX's lax.fori_loop as IREE's StableHLO input passes give it: the layer
// index carried as a tensor<i32>, incremented and wrapped (index < 0 ?
// index + 2 : index) by 0-d generics, then read for the slice. The reads
// become the induction variable, and int-range-optimizations folds the
// wrap (the induction variable is in [0, 2)): the slice moves with %i.
// The counter, which nothing reads any more, is no longer carried
// (bufferized, it was a 0-d buffer copied into in every iteration).

// CHECK-LABEL: func.func @fori
// CHECK:       scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}) -> (tensor<4x8xf32>) : i32 {
// CHECK-NOT:     linalg.generic {{.*}}iterator_types = []
// CHECK:         %[[IDX:.+]] = arith.index_cast %[[I]] : i32 to index
// CHECK-NEXT:    tensor.extract_slice %{{.+}}[%[[IDX]], 0, 0] [1, 8, 8] [1, 1, 1]
#s = affine_map<() -> ()>
func.func @fori(%x: tensor<4x8xf32>, %w: tensor<2x8x8xf32>) -> tensor<4x8xf32> {
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  %c2_i32 = arith.constant 2 : i32
  %zero = arith.constant dense<0> : tensor<i32>
  %r:2 = scf.for %i = %c0_i32 to %c2_i32 step %c1_i32 iter_args(%n = %zero, %h = %x) -> (tensor<i32>, tensor<4x8xf32>) : i32 {
    %e0 = tensor.empty() : tensor<i32>
    %next = linalg.generic {indexing_maps = [#s, #s], iterator_types = []} ins(%n : tensor<i32>) outs(%e0 : tensor<i32>) {
    ^bb0(%in: i32, %out: i32):
      %a = arith.addi %in, %c1_i32 : i32
      linalg.yield %a : i32
    } -> tensor<i32>
    %e1 = tensor.empty() : tensor<i1>
    %neg = linalg.generic {indexing_maps = [#s, #s], iterator_types = []} ins(%n : tensor<i32>) outs(%e1 : tensor<i1>) {
    ^bb0(%in: i32, %out: i1):
      %c = arith.cmpi slt, %in, %c0_i32 : i32
      linalg.yield %c : i1
    } -> tensor<i1>
    %e2 = tensor.empty() : tensor<i32>
    %wrapped = linalg.generic {indexing_maps = [#s, #s, #s], iterator_types = []} ins(%neg, %n : tensor<i1>, tensor<i32>) outs(%e2 : tensor<i32>) {
    ^bb0(%b: i1, %in: i32, %out: i32):
      %p = arith.addi %in, %c2_i32 : i32
      %v = arith.select %b, %p, %in : i32
      linalg.yield %v : i32
    } -> tensor<i32>
    %k = tensor.extract %wrapped[] : tensor<i32>
    %idx = arith.index_cast %k : i32 to index
    %slice = tensor.extract_slice %w[%idx, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<2x8x8xf32> to tensor<8x8xf32>
    %init = tensor.empty() : tensor<4x8xf32>
    %y = linalg.matmul ins(%h, %slice : tensor<4x8xf32>, tensor<8x8xf32>) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
    scf.yield %next, %y : tensor<i32>, tensor<4x8xf32>
  }
  return %r#1 : tensor<4x8xf32>
}

// -----

// A counter that moves by 2 while the loop steps by 1 is not the
// induction variable: its reads stay (the 0-d generic is still scalarized).

// CHECK-LABEL: func.func @not_the_step
// CHECK:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[N:[a-z0-9_]+]] = %{{.+}}, %{{.+}} = %{{.+}})
// CHECK:         arith.addi %{{.+}}, %c2_i32 : i32
// CHECK:         %[[K:.+]] = tensor.extract %[[N]][] : tensor<i32>
// CHECK-NEXT:    arith.index_cast %[[K]] : i32 to index
func.func @not_the_step(%x: tensor<4x8xf32>, %w: tensor<4x8x8xf32>) -> tensor<4x8xf32> {
  %c0_i32 = arith.constant 0 : i32
  %c2_i32 = arith.constant 2 : i32
  %c1_i32 = arith.constant 1 : i32
  %zero = arith.constant dense<0> : tensor<i32>
  %r:2 = scf.for %i = %c0_i32 to %c2_i32 step %c1_i32 iter_args(%n = %zero, %h = %x) -> (tensor<i32>, tensor<4x8xf32>) : i32 {
    %e0 = tensor.empty() : tensor<i32>
    %next = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%n : tensor<i32>) outs(%e0 : tensor<i32>) {
    ^bb0(%in: i32, %out: i32):
      %a = arith.addi %in, %c2_i32 : i32
      linalg.yield %a : i32
    } -> tensor<i32>
    %k = tensor.extract %n[] : tensor<i32>
    %idx = arith.index_cast %k : i32 to index
    %slice = tensor.extract_slice %w[%idx, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<4x8x8xf32> to tensor<8x8xf32>
    %init = tensor.empty() : tensor<4x8xf32>
    %y = linalg.matmul ins(%h, %slice : tensor<4x8xf32>, tensor<8x8xf32>) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
    scf.yield %next, %y : tensor<i32>, tensor<4x8xf32>
  }
  return %r#1 : tensor<4x8xf32>
}

// -----

// lax.while_loop: the counter is compared (before region) and incremented
// (do region) by 0-d generics; both become scalar arith (a 0-d i1 tensor
// would otherwise bufferize to an i1 buffer). The loop counts from 0 to
// the input %n by 1 and its condition region only forwards its state:
// it becomes an scf.for to %n (its trip count known at run time). The
// counter's only read was its increment, and its result is not used:
// the loop no longer carries it.

// CHECK-LABEL: func.func @while_loop(
// CHECK-SAME:      %[[N:.+]]: tensor<i32>, %[[X:.+]]: tensor<8xf32>
// CHECK-NOT:   scf.while
// CHECK-DAG:   %[[BOUND:.+]] = tensor.extract %[[N]][] : tensor<i32>
// CHECK-DAG:   %[[C0:.+]] = arith.constant 0 : i32
// CHECK-DAG:   %[[C1:.+]] = arith.constant 1 : i32
// CHECK:       %[[R:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[BOUND]] step %[[C1]] iter_args(%[[H:.+]] = %[[X]]) -> (tensor<8xf32>) : i32 {
// CHECK-NEXT:    scf.yield %[[H]] : tensor<8xf32>
// CHECK:       return %[[R]]
#s = affine_map<() -> ()>
func.func @while_loop(%n: tensor<i32>, %x: tensor<8xf32>) -> tensor<8xf32> {
  %c1 = arith.constant 1 : i32
  %zero = arith.constant dense<0> : tensor<i32>
  %r:2 = scf.while (%i = %zero, %h = %x) : (tensor<i32>, tensor<8xf32>) -> (tensor<i32>, tensor<8xf32>) {
    %e = tensor.empty() : tensor<i1>
    %go = linalg.generic {indexing_maps = [#s, #s, #s], iterator_types = []} ins(%i, %n : tensor<i32>, tensor<i32>) outs(%e : tensor<i1>) {
    ^bb0(%a: i32, %b: i32, %out: i1):
      %lt = arith.cmpi slt, %a, %b : i32
      linalg.yield %lt : i1
    } -> tensor<i1>
    %flag = tensor.extract %go[] : tensor<i1>
    scf.condition(%flag) %i, %h : tensor<i32>, tensor<8xf32>
  } do {
  ^bb0(%i: tensor<i32>, %h: tensor<8xf32>):
    %e = tensor.empty() : tensor<i32>
    %next = linalg.generic {indexing_maps = [#s, #s], iterator_types = []} ins(%i : tensor<i32>) outs(%e : tensor<i32>) {
    ^bb0(%a: i32, %out: i32):
      %p = arith.addi %a, %c1 : i32
      linalg.yield %p : i32
    } -> tensor<i32>
    scf.yield %next, %h : tensor<i32>, tensor<8xf32>
  }
  return %r#1 : tensor<8xf32>
}

// -----

// The same loop returning its counter too: it stays carried (its result
// is the while loop's), incremented from the induction variable.

// CHECK-LABEL: func.func @while_counter_returned(
// CHECK-SAME:      %[[N:.+]]: tensor<i32>, %[[X:.+]]: tensor<8xf32>
// CHECK-DAG:   %[[START:.+]] = arith.constant dense<0> : tensor<i32>
// CHECK:       %[[R:.+]]:2 = scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %[[START]], %[[H:.+]] = %[[X]]) -> (tensor<i32>, tensor<8xf32>) : i32 {
// CHECK:         %[[NEXT:.+]] = arith.addi %[[I]], %{{.+}} : i32
// CHECK:         %[[T:.+]] = tensor.from_elements %[[NEXT]] : tensor<i32>
// CHECK:         scf.yield %[[T]], %[[H]] : tensor<i32>, tensor<8xf32>
// CHECK:       return %[[R]]#0, %[[R]]#1
#s = affine_map<() -> ()>
func.func @while_counter_returned(%n: tensor<i32>, %x: tensor<8xf32>) -> (tensor<i32>, tensor<8xf32>) {
  %c1 = arith.constant 1 : i32
  %zero = arith.constant dense<0> : tensor<i32>
  %r:2 = scf.while (%i = %zero, %h = %x) : (tensor<i32>, tensor<8xf32>) -> (tensor<i32>, tensor<8xf32>) {
    %e = tensor.empty() : tensor<i1>
    %go = linalg.generic {indexing_maps = [#s, #s, #s], iterator_types = []} ins(%i, %n : tensor<i32>, tensor<i32>) outs(%e : tensor<i1>) {
    ^bb0(%a: i32, %b: i32, %out: i1):
      %lt = arith.cmpi slt, %a, %b : i32
      linalg.yield %lt : i1
    } -> tensor<i1>
    %flag = tensor.extract %go[] : tensor<i1>
    scf.condition(%flag) %i, %h : tensor<i32>, tensor<8xf32>
  } do {
  ^bb0(%i: tensor<i32>, %h: tensor<8xf32>):
    %e = tensor.empty() : tensor<i32>
    %next = linalg.generic {indexing_maps = [#s, #s], iterator_types = []} ins(%i : tensor<i32>) outs(%e : tensor<i32>) {
    ^bb0(%a: i32, %out: i32):
      %p = arith.addi %a, %c1 : i32
      linalg.yield %p : i32
    } -> tensor<i32>
    scf.yield %next, %h : tensor<i32>, tensor<8xf32>
  }
  return %r#0, %r#1 : tensor<i32>, tensor<8xf32>
}

// -----

// A while loop whose bound the loop itself computes (here: it stops when
// the state's first element passes a threshold) is no counted loop: it
// stays an scf.while, its 0-d generic scalarized.

// CHECK-LABEL: func.func @while_not_counted(
// CHECK:       scf.while
// CHECK:         arith.cmpf olt
// CHECK:         scf.condition
// CHECK-NOT:   scf.for
#s = affine_map<() -> ()>
func.func @while_not_counted(%x: tensor<8xf32>) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %limit = arith.constant 4.0 : f32
  %two = arith.constant 2.0 : f32
  %r = scf.while (%h = %x) : (tensor<8xf32>) -> tensor<8xf32> {
    %v = tensor.extract %h[%c0] : tensor<8xf32>
    %go = arith.cmpf olt, %v, %limit : f32
    scf.condition(%go) %h : tensor<8xf32>
  } do {
  ^bb0(%h: tensor<8xf32>):
    %e = tensor.empty() : tensor<8xf32>
    %d = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%h : tensor<8xf32>) outs(%e : tensor<8xf32>) {
    ^bb0(%a: f32, %out: f32):
      %m = arith.mulf %a, %two : f32
      linalg.yield %m : f32
    } -> tensor<8xf32>
    %z = tensor.empty() : tensor<i1>
    %flag = linalg.generic {indexing_maps = [#s], iterator_types = []} outs(%z : tensor<i1>) {
    ^bb0(%out: i1):
      %t = arith.constant true
      linalg.yield %t : i1
    } -> tensor<i1>
    scf.yield %d : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}
