func.func @w(%a: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %r = scf.while (%i = %c0) : (index) -> index {
    %c = arith.cmpi slt, %i, %n : index
    scf.condition(%c) %i : index
  } do {
  ^bb0(%i: index):
    %v = memref.load %a[%c0] : memref<4xf32>
    memref.store %v, %a[%c0] : memref<4xf32>
    %c1 = arith.constant 1 : index
    %j = arith.addi %i, %c1 : index
    scf.yield %j : index
  }
  return
}
