func.func @cf(%a: memref<4xf32>, %c: i1) {
  cf.cond_br %c, ^a, ^b
^a:
  linalg.copy ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
^b:
  return
}
